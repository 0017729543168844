/**
 * Sender domains' dependencies: the repository, SES's identity and tenant APIs, DNS, and the
 * `SenderPort` the send path uses (one per container, so its cache lives as long as the container).
 */
import { nodeDns } from '../../lib/senders/dns.port.ts';
import type { SenderDomainDeps } from '../../lib/senders/manage-sender-domains.ts';
import { senderDomainsRepository } from '../../lib/senders/sender-domains.repository.ts';
import { senderPort } from '../../lib/senders/sender-port.ts';
import { sesIdentities } from '../../lib/senders/ses-identities.gateway.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { awsEndpoint } from './aws-endpoint.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';

const ses = once(() => new SesClient(awsEndpoint('ses', 'SESV2', 'email')));

const settings = once(() => {
  const env = config('senders');
  return {
    region: env.AWS_REGION,
    arnPrefix: env.SES_ARN_PREFIX,
    configurationSet: env.SES_CONFIGURATION_SET,
    tenantPrefix: env.SES_TENANT_PREFIX,
    dnsServers: env.DNS_SERVERS?.split(',').map((s) => s.trim()),
  };
});

export const senderDomainDeps = once((): SenderDomainDeps => {
  const { dnsServers, ...sesSettings } = settings();
  const workspaces = workspacesRepository(table());
  return {
    senderDomains: senderDomainsRepository(table()),
    identities: sesIdentities(ses()),
    dns: nodeDns(dnsServers),
    workspaceName: async (workspaceId) => (await workspaces.get(workspaceId))?.name,
    clock: systemClock,
    ses: sesSettings,
  };
});

/** The send path's SenderPort (lib/email/ports.ts). */
export const senders = once(() => {
  const deps = senderDomainDeps();
  return senderPort({ ...deps, ses: deps.ses });
});
