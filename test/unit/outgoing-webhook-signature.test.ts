/**
 * The outgoing webhook signature scheme (README, "Outgoing webhooks"): `t=<unix s>,v1=<hex>` over
 * "<t>.<exact body>", verified by the exported helper and by the README's own recipe written out here.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../lib/outgoing-webhooks/signature.ts';

const AT = new Date('2026-11-30T12:00:00.000Z');
const T = Math.floor(AT.getTime() / 1000);
const SECRET = 'whsec_current0000000000000000000000000000000000000000';
const OLD = 'whsec_previous000000000000000000000000000000000000000';
const BODY = '{"id":"ev_1","type":"order.placed","data":{"total":4200,"note":"é ✓"}}';

describe('outgoing webhook signature', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 of the secret, as the README recipe computes it', () => {
    const header = signatureHeader(BODY, [SECRET], AT);
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`, 'utf8').digest('hex');
    expect(header).toBe(`t=${T},v1=${expected}`);
  });

  it('verifies the exact body, within the tolerance, with either secret during a rotation', () => {
    const header = signatureHeader(BODY, [SECRET, OLD], AT);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(BODY, header, SECRET, 300, AT)).toBe(true);
    expect(verifySignature(Buffer.from(BODY), header, OLD, 300, new Date(AT.getTime() + 299_000))).toBe(true);
  });

  it('refuses a changed body, another secret, a stale or future timestamp, a malformed header', () => {
    const header = signatureHeader(BODY, [SECRET], AT);
    expect(verifySignature(`${BODY} `, header, SECRET, 300, AT)).toBe(false);
    expect(verifySignature(BODY, header, OLD, 300, AT)).toBe(false);
    expect(verifySignature(BODY, header, SECRET, 300, new Date(AT.getTime() + 301_000))).toBe(false);
    expect(verifySignature(BODY, header, SECRET, 300, new Date(AT.getTime() - 301_000))).toBe(false);
    // The timestamp is signed: moving it forward breaks the signature.
    expect(verifySignature(BODY, header.replace(`t=${T}`, `t=${T + 10}`), SECRET, 300, AT)).toBe(false);
    for (const bad of [
      '',
      'garbage',
      `t=${T}`,
      `v1=${'a'.repeat(64)}`,
      `t=x,v1=${'a'.repeat(64)}`,
      `t=${T},v1=zz`,
    ])
      expect(verifySignature(BODY, bad, SECRET, 300, AT), bad).toBe(false);
  });
});
