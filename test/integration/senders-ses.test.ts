import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDns, startLocalDns } from '../../infra/local/ses-dns.ts';
import { type SesFront, startSesFront } from '../../infra/local/ses-front.ts';
import { nodeDns } from '../../lib/senders/dns.port.ts';
import { sesIdentities } from '../../lib/senders/ses-identities.gateway.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { ConflictError } from '../../lib/shared/errors.ts';
import { type LocalServices, useLocalServices } from '../support/env.ts';
import { randomWorkspaceId } from '../support/workspace.ts';

let services: LocalServices;
let front: SesFront;
let dns: LocalDns;
let client: SesClient;
let domain: string;

beforeAll(() => {
  services = useLocalServices();
});

beforeEach(async () => {
  front = await startSesFront({ backend: services.sesEndpoint, configurationSets: ['ecrm-test'] });
  dns = await startLocalDns({ published: (name) => front.publishedTxt(name) });
  client = new SesClient(
    { region: 'us-east-1', url: front.endpoint, credentials: () => services.credentials },
    { maxAttempts: 1 },
  );
  domain = `${randomWorkspaceId().replaceAll('_', '-')}.example`;
});

afterEach(async () => {
  await dns.stop();
  await front.stop();
});

describe('the SES identity gateway against the local SES', () => {
  it('creates a tagged identity, sets MAIL FROM, reads its state, adopts its own on a retry and refuses another workspace’s', async () => {
    const identities = sesIdentities(client);
    const { dkimTokens } = await identities.create(domain, 'ws_one');
    expect(dkimTokens).toHaveLength(3);
    await identities.setMailFrom(domain, `mail.${domain}`);

    expect(await identities.get(domain)).toEqual({
      identity: 'verified',
      mailFrom: 'verified',
      mailFromDomain: `mail.${domain}`,
      dkimTokens,
      workspaceId: 'ws_one',
    });
    expect(await identities.create(domain, 'ws_one')).toEqual({ dkimTokens });
    await expect(identities.create(domain, 'ws_two')).rejects.toBeInstanceOf(ConflictError);

    front.setIdentityStatus(domain, 'PENDING');
    expect(await identities.get(domain)).toMatchObject({ identity: 'pending', mailFrom: 'pending' });
    await identities.remove(domain);
    await identities.remove(domain);
    expect(await identities.get(domain)).toBeUndefined();
  });

  it('creates the tenant once and associates resources idempotently', async () => {
    const identities = sesIdentities(client);
    await identities.create(domain, 'ws_one');
    const tenant = `t-${randomWorkspaceId()}`;
    const arn = `arn:aws:ses:us-east-1:000000000000:identity/${domain}`;
    await identities.ensureTenant(tenant, 'ws_one');
    await identities.ensureTenant(tenant, 'ws_one');
    await identities.associate(tenant, arn);
    await identities.associate(tenant, arn);
    expect([...(front.state.tenants.get(tenant)?.resources.keys() ?? [])]).toEqual([arn]);
    await identities.dissociate(tenant, arn);
    await identities.dissociate(tenant, arn);
    expect(front.state.tenants.get(tenant)?.resources.size).toBe(0);
  });
});

describe('the local DNS server through node:dns', () => {
  it('answers a verified identity’s DMARC and SPF records, NXDOMAIN for unknown names, and test overrides', async () => {
    const resolver = nodeDns([dns.server]);
    expect(await resolver.txt(`_dmarc.${domain}`)).toEqual([]);

    const identities = sesIdentities(client);
    await identities.create(domain, 'ws_one');
    await identities.setMailFrom(domain, `mail.${domain}`);
    expect(await resolver.txt(`_dmarc.${domain.toUpperCase()}`)).toEqual([
      `v=DMARC1; p=none; rua=mailto:dmarc-reports@${domain}`,
    ]);
    expect(await resolver.txt(`mail.${domain}`)).toEqual(['v=spf1 include:amazonses.com ~all']);
    expect(await resolver.txt(domain)).toEqual([]);

    const long = `v=DMARC1; p=reject; rua=mailto:${'r'.repeat(300)}@${domain}`;
    dns.setTxt(`_dmarc.${domain}`, [long, 'other']);
    expect(await resolver.txt(`_dmarc.${domain}`)).toEqual([long, 'other']);
    dns.removeTxt(`_dmarc.${domain}`);
    expect(await resolver.txt(`_dmarc.${domain}`)).toEqual([]);
    dns.reset(`_dmarc.${domain}`);
    front.setIdentityStatus(domain, 'PENDING');
    expect(await resolver.txt(`_dmarc.${domain}`)).toEqual([]);
  });
});
