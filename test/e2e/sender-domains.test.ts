import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { senderDomainDeps } from '../../functions/shared/sender-deps.ts';
import type { LocalStack } from '../../infra/local/stack.ts';
import { senderPort } from '../../lib/senders/sender-port.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { randomToken } from '../../lib/shared/ids.ts';
import { type Client, client, ecrmCli, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let ws: Awaited<ReturnType<typeof workspaceWithKeys>>;
let api: Client;

beforeAll(async () => {
  stack = await startStack();
  ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
});

afterAll(() => stack?.stop());

const newDomain = () => `brand-${randomToken(8).toLowerCase()}.example`;

/** A SenderPort without the container cache, as a fresh container sees the workspace. */
const freshSenderPort = () => {
  const deps = senderDomainDeps();
  return senderPort({ ...deps, clock: systemClock });
};

describe('sender domains', () => {
  it('registers a domain: an SES identity with Easy DKIM and a MAIL FROM domain, the DNS records to add, and the From address', async () => {
    const domain = newDomain();
    const res = await api.post('/v1/sender-domains', { domain: domain.toUpperCase(), displayName: 'Brand' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      domain,
      from: `"Brand" <news@${domain}>`,
      mailFromDomain: `mail.${domain}`,
      default: true,
      tenantName: null,
    });
    const records = field(res.body, 'dnsRecords');
    expect(records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          purpose: 'mail-from-mx',
          type: 'MX',
          name: `mail.${domain}`,
          value: '10 feedback-smtp.us-east-1.amazonses.com',
        }),
        expect.objectContaining({ purpose: 'spf', type: 'TXT', name: `mail.${domain}` }),
        expect.objectContaining({ purpose: 'dmarc', type: 'TXT', name: `_dmarc.${domain}` }),
      ]),
    );
    const dkim = (Array.isArray(records) ? records : []).filter((r) => field(r, 'purpose') === 'dkim');
    expect(dkim).toHaveLength(3);
    for (const r of dkim)
      expect(String(field(r, 'name'))).toMatch(new RegExp(`^[a-z2-7]{32}\\._domainkey\\.${domain}$`));
    const identity = stack.ses.state.identities.get(domain);
    expect(identity?.mailFrom?.domain).toBe(`mail.${domain}`);
    expect(identity?.tags).toEqual([{ Key: 'ecrm-ws', Value: ws.id }]);

    expect((await api.post('/v1/sender-domains', { domain })).status).toBe(409);
  });

  it('shows the status: verified at once locally with DMARC found, so marketing may go; without DMARC marketing is refused with the reason, transactional still goes', async () => {
    const domain = newDomain();
    await api.post('/v1/sender-domains', { domain, default: true });

    const shown = await api.get(`/v1/sender-domains/${domain}`);
    expect(shown.status).toBe(200);
    expect(field(shown.body, 'status')).toMatchObject({
      identity: 'verified',
      mailFrom: 'verified',
      dmarc: { found: true, at: `_dmarc.${domain}` },
      marketing: { allowed: true, reason: null },
      transactional: { allowed: true },
    });
    expect(await freshSenderPort().senderFor(ws.id, 'marketing')).toEqual({
      ok: true,
      from: `"${ws.id}" <news@${domain}>`,
      fromIdentityArn: `arn:aws:ses:us-east-1:000000000000:identity/${domain}`,
    });

    stack.dns.removeTxt(`_dmarc.${domain}`);
    const without = await api.get(`/v1/sender-domains/${domain}`);
    expect(field(without.body, 'status', 'dmarc', 'found')).toBe(false);
    expect(String(field(without.body, 'status', 'marketing', 'reason'))).toContain(`_dmarc.${domain}`);
    expect(field(without.body, 'status', 'transactional', 'allowed')).toBe(true);
    const refused = await freshSenderPort().senderFor(ws.id, 'marketing');
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('no DMARC record') });
    expect(await freshSenderPort().senderFor(ws.id, 'transactional')).toMatchObject({ ok: true });

    // Among other TXT records at the name, the DMARC one counts.
    stack.dns.setTxt(`_dmarc.${domain}`, ['v=spf1 -all', 'v=DMARC1; p=reject']);
    expect(await freshSenderPort().senderFor(ws.id, 'marketing')).toMatchObject({ ok: true });
    stack.dns.reset(`_dmarc.${domain}`);
  });

  it('refuses every kind of email from a domain SES has not verified', async () => {
    const domain = newDomain();
    await api.post('/v1/sender-domains', { domain, default: true });
    stack.ses.setIdentityStatus(domain, 'PENDING');

    const shown = await api.get(`/v1/sender-domains/${domain}`);
    expect(field(shown.body, 'status', 'identity')).toBe('pending');
    expect(String(field(shown.body, 'status', 'transactional', 'reason'))).toContain('not verified');
    for (const kind of ['marketing', 'transactional'] as const) {
      expect(await freshSenderPort().senderFor(ws.id, kind)).toMatchObject({
        ok: false,
        reason: expect.stringContaining(`${domain} is not verified`),
      });
    }
    stack.ses.setIdentityStatus(domain, 'SUCCESS');
  });

  it('changes the From address (display names quoted, encoded when not ASCII, CR/LF refused) and the default; removes a domain with its SES identity', async () => {
    const first = newDomain();
    const second = newDomain();
    await api.post('/v1/sender-domains', { domain: first, default: true });
    await api.post('/v1/sender-domains', { domain: second });

    const bad = await api.patch(`/v1/sender-domains/${first}`, {
      displayName: 'Brand\r\nBcc: x@evil.example',
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('displayName');

    const quoted = await api.patch(`/v1/sender-domains/${first}`, { displayName: 'Ana "the" Shop' });
    expect(field(quoted.body, 'from')).toBe(`"Ana \\"the\\" Shop" <news@${first}>`);
    const accented = await api.patch(`/v1/sender-domains/${second}`, {
      displayName: 'Café Ünïcode',
      fromLocalPart: 'hola',
      default: true,
    });
    expect(field(accented.body, 'from')).toBe(
      `=?UTF-8?B?${Buffer.from('Café Ünïcode').toString('base64')}?= <hola@${second}>`,
    );
    const list = await api.get('/v1/sender-domains');
    const defaults = (field(list.body, 'senderDomains') as unknown[]).filter(
      (d) => field(d, 'default') === true,
    );
    expect(defaults.map((d) => field(d, 'domain'))).toEqual([second]);

    expect((await api.del(`/v1/sender-domains/${second}`)).status).toBe(204);
    expect(stack.ses.state.identities.has(second)).toBe(false);
    expect((await api.get(`/v1/sender-domains/${second}`)).status).toBe(404);
  });

  it("refuses a subdomain of another workspace's domain: SES lets a verified domain's subdomains send without verification", async () => {
    const domain = newDomain();
    expect((await api.post('/v1/sender-domains', { domain })).status).toBe(201);
    const other = client(stack, (await workspaceWithKeys(stack)).admin);

    for (const sub of [`news.${domain}`, `a.b.${domain}`]) {
      const res = await other.post('/v1/sender-domains', { domain: sub });
      expect(res.status).toBe(409);
      expect(String(field(res.body, 'error', 'message'))).toContain(domain);
      expect(stack.ses.state.identities.has(sub)).toBe(false);
    }
    // The workspace that owns the domain may register its own subdomains.
    expect((await api.post('/v1/sender-domains', { domain: `news.${domain}` })).status).toBe(201);
  });

  it('answers a workspace without a sender domain with the way to add one', async () => {
    const other = await workspaceWithKeys(stack);
    expect(await freshSenderPort().senderFor(other.id, 'transactional')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ecrm sender-domain add'),
    });
  });

  it('works from the CLI: add prints the DNS records, show the status', async () => {
    const domain = newDomain();
    const added = await ecrmCli(
      stack,
      ws.admin,
      'sender-domain',
      'add',
      '--domain',
      domain,
      '--display-name',
      'CLI Brand',
    );
    expect(field(added, 'from')).toBe(`"CLI Brand" <news@${domain}>`);
    expect(field(added, 'dnsRecords')).toHaveLength(6);
    const shown = await ecrmCli(stack, ws.admin, 'sender-domain', 'show', '--domain', domain);
    expect(field(shown, 'status', 'marketing', 'allowed')).toBe(true);
    const removed = await ecrmCli(stack, ws.admin, 'sender-domain', 'remove', '--domain', domain);
    expect(removed).toEqual({ removed: domain });
  });
});
