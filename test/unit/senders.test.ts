import { describe, expect, it } from 'vitest';
import type { DnsPort } from '../../lib/senders/dns.port.ts';
import {
  dmarcLookupNames,
  dnsRecordsFor,
  fromAddress,
  isDmarcRecord,
} from '../../lib/senders/dns-records.ts';
import { parentDomains, tenantNameFor } from '../../lib/senders/manage-sender-domains.ts';
import { addSenderDomainBody, type SenderDomain } from '../../lib/senders/sender-domain.schema.ts';
import { senderPort } from '../../lib/senders/sender-port.ts';
import { permissionFor } from '../../lib/senders/sender-status.ts';
import type { IdentityState } from '../../lib/senders/ses-identities.gateway.ts';
import { fixedClock } from '../../lib/shared/clock.ts';

const verified: IdentityState = { identity: 'verified', mailFrom: 'verified', dkimTokens: [] };
const dmarc = { found: true, record: 'v=DMARC1; p=none', at: '_dmarc.brand.example' };
const noDmarc = { found: false, record: null, at: null };

describe('sender domain DNS', () => {
  it('lists the records to add: three DKIM CNAMEs, the MAIL FROM MX and SPF, a DMARC suggestion', () => {
    const records = dnsRecordsFor(
      { domain: 'brand.example', dkimTokens: ['t1', 't2', 't3'], mailFromDomain: 'mail.brand.example' },
      'eu-west-1',
    );
    expect(records.map((r) => [r.purpose, r.type, r.name, r.value])).toEqual([
      ['dkim', 'CNAME', 't1._domainkey.brand.example', 't1.dkim.amazonses.com'],
      ['dkim', 'CNAME', 't2._domainkey.brand.example', 't2.dkim.amazonses.com'],
      ['dkim', 'CNAME', 't3._domainkey.brand.example', 't3.dkim.amazonses.com'],
      ['mail-from-mx', 'MX', 'mail.brand.example', '10 feedback-smtp.eu-west-1.amazonses.com'],
      ['spf', 'TXT', 'mail.brand.example', '"v=spf1 include:amazonses.com ~all"'],
      ['dmarc', 'TXT', '_dmarc.brand.example', '"v=DMARC1; p=none; rua=mailto:dmarc-reports@brand.example"'],
    ]);
  });

  it('looks for DMARC at the domain, then its parents, never at a bare TLD', () => {
    expect(dmarcLookupNames('news.shop.brand.example')).toEqual([
      '_dmarc.news.shop.brand.example',
      '_dmarc.shop.brand.example',
      '_dmarc.brand.example',
    ]);
    expect(dmarcLookupNames('brand.example')).toEqual(['_dmarc.brand.example']);
  });

  it('lists the parent domains a subdomain would inherit SES verification from, never a bare TLD', () => {
    expect(parentDomains('a.b.brand.example')).toEqual(['b.brand.example', 'brand.example']);
    expect(parentDomains('brand.example')).toEqual([]);
  });

  it('tells a DMARC record from other TXT records', () => {
    expect(isDmarcRecord('v=DMARC1; p=reject')).toBe(true);
    expect(isDmarcRecord(' v = DMARC1 ')).toBe(true);
    expect(isDmarcRecord('v=spf1 include:amazonses.com ~all')).toBe(false);
    expect(isDmarcRecord('p=reject; v=DMARC1')).toBe(false);
  });

  it('builds a From header no data can break: control characters dropped, quotes escaped, non-ASCII encoded', () => {
    expect(fromAddress('Brand', 'news', 'brand.example')).toBe('"Brand" <news@brand.example>');
    expect(fromAddress('Ana\r\nBcc: evil@example.com', 'news', 'b.example')).toBe(
      '"Ana Bcc: evil@example.com" <news@b.example>',
    );
    expect(fromAddress('Say "hi" \\ bye', 'n', 'b.example')).toBe('"Say \\"hi\\" \\\\ bye" <n@b.example>');
    const encoded = fromAddress('商店\n', 'n', 'b.example');
    expect(encoded).toBe(`=?UTF-8?B?${Buffer.from('商店').toString('base64')}?= <n@b.example>`);
    expect(encoded).not.toMatch(/[\r\n]/);
    expect(fromAddress('\r\n', 'n', 'b.example')).toBe('n@b.example');
  });

  it('validates what a registration may say', () => {
    expect(addSenderDomainBody.parse({ domain: ' Brand.Example ' }).domain).toBe('brand.example');
    for (const domain of ['localhost', '192.168.0.1', 'a..example', '-a.example', 'brand.example/x']) {
      expect(addSenderDomainBody.safeParse({ domain }).success).toBe(false);
    }
    expect(addSenderDomainBody.safeParse({ domain: 'b.example', displayName: 'A\nB' }).success).toBe(false);
    expect(addSenderDomainBody.safeParse({ domain: 'b.example', fromLocalPart: 'a b' }).success).toBe(false);
  });

  it('names a workspace’s SES tenant within SES’s 64 characters', () => {
    expect(tenantNameFor('ecrm-prod', 'ws_acme')).toBe('ecrm-prod-ws_acme');
    expect(tenantNameFor('ecrm-a-very-long-stage-name', `ws_${'x'.repeat(40)}`)).toHaveLength(64);
  });
});

describe('sender permissions', () => {
  it('needs a verified identity for any email and DMARC for marketing', () => {
    expect(permissionFor('marketing', 'b.example', verified, dmarc)).toEqual({ allowed: true });
    expect(permissionFor('marketing', 'b.example', verified, noDmarc)).toMatchObject({ allowed: false });
    expect(permissionFor('transactional', 'b.example', verified, noDmarc)).toEqual({ allowed: true });
    const pending = { ...verified, identity: 'pending' as const };
    expect(permissionFor('transactional', 'b.example', pending, dmarc)).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('not verified'),
    });
    expect(permissionFor('transactional', 'b.example', undefined, dmarc)).toMatchObject({ allowed: false });
  });
});

describe('SenderPort', () => {
  const domain: SenderDomain = {
    type: 'senderDomain',
    v: 1,
    workspaceId: 'ws_one',
    domain: 'brand.example',
    fromLocalPart: 'news',
    displayName: 'Brand',
    mailFromDomain: 'mail.brand.example',
    dkimTokens: [],
    tenantName: 'ecrm-prod-ws_one',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  const setup = () => {
    const clock = fixedClock('2026-03-01T00:00:00.000Z');
    const calls = { identity: 0, dns: 0 };
    let identity: IdentityState | undefined = verified;
    let txt: string[] = ['v=DMARC1; p=none'];
    const dns: DnsPort = {
      txt: async () => {
        calls.dns++;
        return txt;
      },
    };
    const port = senderPort({
      senderDomains: { list: async () => [domain], defaultDomain: async () => undefined },
      identities: {
        get: async () => {
          calls.identity++;
          return identity;
        },
      },
      dns,
      clock,
      ses: { arnPrefix: 'arn:aws:ses:eu-west-1:123456789012:' },
    });
    return {
      port,
      clock,
      calls,
      setIdentity: (i: IdentityState | undefined) => {
        identity = i;
      },
      setTxt: (t: string[]) => {
        txt = t;
      },
    };
  };

  it('answers the From address, identity ARN and tenant of the default domain', async () => {
    const { port } = setup();
    expect(await port.senderFor('ws_one', 'marketing')).toEqual({
      ok: true,
      from: '"Brand" <news@brand.example>',
      fromIdentityArn: 'arn:aws:ses:eu-west-1:123456789012:identity/brand.example',
      tenantName: 'ecrm-prod-ws_one',
    });
  });

  it('caches an allowed sender five minutes and a refused one thirty seconds', async () => {
    const t = setup();
    await t.port.senderFor('ws_one', 'marketing');
    t.setTxt([]);
    t.clock.advance(4 * 60_000);
    expect(await t.port.senderFor('ws_one', 'marketing')).toMatchObject({ ok: true });
    expect(t.calls).toEqual({ identity: 1, dns: 1 });

    t.clock.advance(60_001);
    expect(await t.port.senderFor('ws_one', 'marketing')).toMatchObject({ ok: false });
    t.setTxt(['v=DMARC1; p=quarantine']);
    t.clock.advance(29_000);
    expect(await t.port.senderFor('ws_one', 'marketing')).toMatchObject({ ok: false });
    t.clock.advance(1_001);
    expect(await t.port.senderFor('ws_one', 'marketing')).toMatchObject({ ok: true });
  });

  it('forgets a workspace on demand', async () => {
    const t = setup();
    await t.port.senderFor('ws_one', 'transactional');
    t.setIdentity(undefined);
    t.port.forget('ws_one');
    expect(await t.port.senderFor('ws_one', 'transactional')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no SES identity'),
    });
  });
});
