/**
 * Registering, showing, changing and removing a workspace's sending domains. Registering creates the
 * SES identity with Easy DKIM, sets its custom MAIL FROM domain and, where the deployment uses SES
 * tenants, puts the identity and the configuration set in the workspace's tenant; then it stores the
 * domain's settings and answers the DNS records to add.
 *
 * Invariants: a domain belongs to one workspace (the SES identity, tagged with the workspace, is the
 * claim); every step is safe to retry (a half-done registration is finished by registering again).
 */

import type * as z from 'zod';
import type { Clock } from '../shared/clock.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import type { DnsPort } from './dns.port.ts';
import { dnsRecordsFor, fromAddress } from './dns-records.ts';
import type {
  AddSenderDomain,
  SenderDomain,
  SenderDomainStatusView,
  updateSenderDomainBody,
} from './sender-domain.schema.ts';
import type { SenderDomainsRepository } from './sender-domains.repository.ts';
import { findDmarc, type Permission, permissionFor } from './sender-status.ts';
import type { IdentitiesPort } from './ses-identities.gateway.ts';

/** How the deployment uses SES, parsed from its configuration by the caller. */
export interface SesSettings {
  readonly region: string;
  /** `arn:aws:ses:<region>:<account>:`, to name identities and the configuration set in tenant associations. */
  readonly arnPrefix: string;
  readonly configurationSet: string;
  /** Set when each workspace sends as its own SES tenant: the tenant names' prefix (the stage). */
  readonly tenantPrefix?: string | undefined;
}

export interface SenderDomainDeps {
  readonly senderDomains: SenderDomainsRepository;
  readonly identities: IdentitiesPort;
  readonly dns: DnsPort;
  readonly workspaceName: (workspaceId: string) => Promise<string | undefined>;
  readonly clock: Clock;
  readonly ses: SesSettings;
}

const DEFAULT_LOCAL_PART = 'news';
const DEFAULT_MAIL_FROM_LABEL = 'mail';

/** The workspace's SES tenant name: `<prefix>-<workspace>` (SES: 1-64 of A-Z a-z 0-9 _ -). */
export const tenantNameFor = (prefix: string, workspaceId: string): string =>
  `${prefix}-${workspaceId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64);

export const identityArn = (ses: Pick<SesSettings, 'arnPrefix'>, domain: string): string =>
  `${ses.arnPrefix}identity/${domain}`;

const configurationSetArn = (ses: SesSettings): string =>
  `${ses.arnPrefix}configuration-set/${ses.configurationSet}`;

export const toSenderDomainView = (d: SenderDomain, isDefault: boolean, region: string) => ({
  domain: d.domain,
  from: fromAddress(d.displayName, d.fromLocalPart, d.domain),
  fromLocalPart: d.fromLocalPart,
  displayName: d.displayName,
  mailFromDomain: d.mailFromDomain,
  default: isDefault,
  tenantName: d.tenantName ?? null,
  createdAt: d.createdAt,
  dnsRecords: dnsRecordsFor(d, region),
});

/** The domain the workspace sends from: its chosen default while it exists, else the oldest. */
export const defaultOf = (
  domains: readonly SenderDomain[],
  chosen: string | undefined,
): SenderDomain | undefined => domains.find((d) => d.domain === chosen) ?? domains[0];

const mustGet = async (
  workspaceId: string,
  domain: string,
  deps: SenderDomainDeps,
): Promise<SenderDomain> => {
  const found = await deps.senderDomains.get(workspaceId, domain);
  if (!found) throw new NotFoundError(`no sender domain ${domain} in this workspace`);
  return found;
};

/** The parent domains of `domain`, nearest first, down to two labels (`a.b.brand.example` → `b.brand.example`, `brand.example`). */
export const parentDomains = (domain: string): string[] => {
  const labels = domain.split('.');
  return labels.slice(1, -1).map((_, i) => labels.slice(i + 1).join('.'));
};

/**
 * SES lets any subdomain of a verified domain send without its own verification, so a subdomain of a
 * domain another workspace claims would send as that workspace's brand (DKIM-signed, DMARC-aligned).
 */
const refuseSubdomainOfAnotherWorkspace = async (
  workspaceId: string,
  domain: string,
  deps: SenderDomainDeps,
) => {
  const parents = await Promise.all(
    parentDomains(domain).map(async (parent) => ({ parent, identity: await deps.identities.get(parent) })),
  );
  const claimed = parents.find(
    ({ identity }) => identity?.workspaceId !== undefined && identity.workspaceId !== workspaceId,
  );
  if (claimed)
    throw new ConflictError(
      `${domain} is under ${claimed.parent}, a sender domain of another workspace; a domain and its subdomains send for one workspace only`,
    );
};

export const addSenderDomain = async (
  workspaceId: string,
  input: AddSenderDomain,
  deps: SenderDomainDeps,
) => {
  // The record is written last: a failed attempt leaves none, and registering again finishes it.
  if (await deps.senderDomains.get(workspaceId, input.domain)) {
    throw new ConflictError(`${input.domain} is already a sender domain of this workspace`);
  }
  await refuseSubdomainOfAnotherWorkspace(workspaceId, input.domain, deps);
  const { dkimTokens } = await deps.identities.create(input.domain, workspaceId);
  const mailFromDomain = `${input.mailFromLabel ?? DEFAULT_MAIL_FROM_LABEL}.${input.domain}`;
  await deps.identities.setMailFrom(input.domain, mailFromDomain);
  const { tenantPrefix } = deps.ses;
  const tenantName = tenantPrefix === undefined ? undefined : tenantNameFor(tenantPrefix, workspaceId);
  if (tenantName !== undefined) {
    await deps.identities.ensureTenant(tenantName, workspaceId);
    await deps.identities.associate(tenantName, identityArn(deps.ses, input.domain));
    await deps.identities.associate(tenantName, configurationSetArn(deps.ses));
  }
  const now = deps.clock.now().toISOString();
  const domain: SenderDomain = {
    type: 'senderDomain',
    v: 1,
    workspaceId,
    domain: input.domain,
    fromLocalPart: input.fromLocalPart ?? DEFAULT_LOCAL_PART,
    displayName: input.displayName ?? (await deps.workspaceName(workspaceId)) ?? input.domain,
    mailFromDomain,
    dkimTokens,
    ...(tenantName !== undefined ? { tenantName } : {}),
    createdAt: now,
    updatedAt: now,
  };
  await deps.senderDomains.create(domain);
  const others = await deps.senderDomains.list(workspaceId);
  const chosen = await deps.senderDomains.defaultDomain(workspaceId);
  const hasDefault = chosen !== undefined && others.some((d) => d.domain === chosen);
  if (input.default === true || !hasDefault)
    await deps.senderDomains.setDefault(workspaceId, domain.domain, now);
  const isDefault = input.default === true || !hasDefault || chosen === domain.domain;
  return toSenderDomainView(domain, isDefault, deps.ses.region);
};

export const listSenderDomains = async (
  workspaceId: string,
  deps: Pick<SenderDomainDeps, 'senderDomains' | 'ses'>,
) => {
  const domains = await deps.senderDomains.list(workspaceId);
  const current = defaultOf(domains, await deps.senderDomains.defaultDomain(workspaceId));
  return domains.map((d) => toSenderDomainView(d, d.domain === current?.domain, deps.ses.region));
};

const view = (p: Permission) =>
  p.allowed ? { allowed: true, reason: null } : { allowed: false, reason: p.reason };

/** The domain with its status now: SES's verification and the DMARC record DNS answers. */
export const showSenderDomain = async (
  workspaceId: string,
  domainName: string,
  deps: SenderDomainDeps,
): Promise<SenderDomainStatusView> => {
  const domain = await mustGet(workspaceId, domainName, deps);
  const [identity, dmarc, all, chosen] = await Promise.all([
    deps.identities.get(domain.domain),
    findDmarc(domain.domain, deps.dns),
    deps.senderDomains.list(workspaceId),
    deps.senderDomains.defaultDomain(workspaceId),
  ]);
  return {
    ...toSenderDomainView(domain, defaultOf(all, chosen)?.domain === domain.domain, deps.ses.region),
    status: {
      identity: identity?.identity ?? 'missing',
      mailFrom: identity?.mailFrom ?? 'missing',
      dmarc,
      marketing: view(permissionFor('marketing', domain.domain, identity, dmarc)),
      transactional: view(permissionFor('transactional', domain.domain, identity, dmarc)),
    },
  };
};

export const updateSenderDomain = async (
  workspaceId: string,
  domainName: string,
  patch: z.infer<typeof updateSenderDomainBody>,
  deps: SenderDomainDeps,
) => {
  const domain = await mustGet(workspaceId, domainName, deps);
  const now = deps.clock.now().toISOString();
  const next: SenderDomain = {
    ...domain,
    ...(patch.fromLocalPart !== undefined ? { fromLocalPart: patch.fromLocalPart } : {}),
    ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
    updatedAt: now,
  };
  await deps.senderDomains.replace(next);
  if (patch.default === true) await deps.senderDomains.setDefault(workspaceId, domain.domain, now);
  const all = await deps.senderDomains.list(workspaceId);
  const chosen = patch.default === true ? domain.domain : await deps.senderDomains.defaultDomain(workspaceId);
  return toSenderDomainView(next, defaultOf(all, chosen)?.domain === next.domain, deps.ses.region);
};

/** Forgets the domain and deletes its SES identity (only the one this workspace owns). */
export const removeSenderDomain = async (workspaceId: string, domainName: string, deps: SenderDomainDeps) => {
  const domain = await mustGet(workspaceId, domainName, deps);
  const identity = await deps.identities.get(domain.domain);
  if (domain.tenantName !== undefined) {
    await deps.identities.dissociate(domain.tenantName, identityArn(deps.ses, domain.domain));
  }
  if (identity?.workspaceId === workspaceId) await deps.identities.remove(domain.domain);
  await deps.senderDomains.remove(workspaceId, domain.domain);
};
