import { describe, expect, it } from 'vitest';
import { patchContactBody, upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import {
  applyChange,
  changedFields,
  emptyContact,
  withAnonymousId,
} from '../../lib/contacts/contact-model.ts';
import { PayloadTooLargeError, ValidationError } from '../../lib/shared/errors.ts';

const blank = () =>
  emptyContact('ws_test', 'c_01jabcdefghjkmnpqrstvwxyz0', 'api', '2026-01-01T00:00:00.000Z');

describe('contact input schema', () => {
  it('refuses protected fields by name (no mass assignment)', () => {
    for (const field of ['consent', 'suppression', 'score', 'workspaceId', 'id', 'stage']) {
      const result = upsertContactBody.safeParse({ email: 'a@example.com', [field]: 'x' });
      expect(result.success, field).toBe(false);
      const issue = result.error?.issues[0];
      expect(issue?.code).toBe('unrecognized_keys');
      expect(issue && 'keys' in issue ? issue.keys : []).toContain(field);
    }
  });

  it('needs an email or an external id', () => {
    expect(upsertContactBody.safeParse({ firstName: 'Ana' }).success).toBe(false);
    expect(upsertContactBody.safeParse({ externalId: 'shop-1' }).success).toBe(true);
  });

  it('accepts IANA time zones and their aliases (kept canonical) and refuses others', () => {
    expect(upsertContactBody.safeParse({ email: 'a@example.com', timezone: 'Europe/Madrid' }).success).toBe(
      true,
    );
    expect(
      upsertContactBody.safeParse({ email: 'a@example.com', timezone: 'America/Argentina/Buenos_Aires' })
        .success,
    ).toBe(true);
    // Aliases are accepted and kept under the zone's canonical name.
    expect(upsertContactBody.parse({ email: 'a@example.com', timezone: 'US/Eastern' }).timezone).toBe(
      'America/New_York',
    );
    expect(patchContactBody.parse({ timezone: 'Asia/Calcutta' }).timezone).toBe('Asia/Kolkata');
    for (const tz of ['Mars/Olympus', 'GMT+25', 'Europe/', '../etc/passwd', '']) {
      const result = upsertContactBody.safeParse({ email: 'a@example.com', timezone: tz });
      expect(result.success, tz).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['timezone']);
    }
  });

  it('canonicalises locales and refuses garbage', () => {
    expect(upsertContactBody.parse({ email: 'a@example.com', locale: 'es-es' }).locale).toBe('es-ES');
    expect(upsertContactBody.safeParse({ email: 'a@example.com', locale: 'not a locale' }).success).toBe(
      false,
    );
  });

  it('bounds attribute values and names', () => {
    const long = 'x'.repeat(1025);
    const r = patchContactBody.safeParse({ attributes: { plan: long } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['attributes', 'plan']);
    expect(patchContactBody.safeParse({ attributes: { '1bad': 'x' } }).success).toBe(false);
    expect(patchContactBody.safeParse({ attributes: { seats: Number.POSITIVE_INFINITY } }).success).toBe(
      false,
    );
    expect(
      patchContactBody.safeParse({ attributes: { seats: 3, vip: true, sizes: ['m'], gone: null } }).success,
    ).toBe(true);
  });
});

describe('applyChange', () => {
  it('normalises the email and merges attributes, null deleting', () => {
    const a = applyChange(blank(), { email: ' Ana@Example.COM ', attributes: { plan: 'pro', seats: 3 } });
    expect(a.email).toBe('ana@example.com');
    const b = applyChange(a, { attributes: { seats: null, vip: true } });
    expect(b.attributes).toEqual({ plan: 'pro', vip: true });
  });

  it('keeps tags unique and applies add/remove', () => {
    const a = applyChange(blank(), { tags: ['vip', 'vip', 'b2b'] });
    expect(a.tags).toEqual(['vip', 'b2b']);
    const b = applyChange(a, { addTags: ['new'], removeTags: ['vip'] });
    expect(b.tags).toEqual(['b2b', 'new']);
  });

  it('refuses more than 100 attributes after a merge with 422', () => {
    const first = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`a${i}`, i]));
    const second = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`b${i}`, i]));
    const a = applyChange(blank(), { attributes: first });
    expect(() => applyChange(a, { attributes: second })).toThrow(ValidationError);
  });

  it('refuses attributes over the stored size with 413', () => {
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, 'x'.repeat(1000)]));
    expect(() => applyChange(blank(), { attributes: big })).toThrow(PayloadTooLargeError);
  });

  it('names exactly the fields that changed', () => {
    const a = applyChange(blank(), { email: 'a@example.com', firstName: 'Ana' });
    expect(changedFields(blank(), a).sort()).toEqual(['email', 'firstName']);
    expect(changedFields(a, applyChange(a, { firstName: 'Ana' }))).toEqual([]);
  });

  it('remembers anonymous ids once', () => {
    const a = withAnonymousId(withAnonymousId(blank(), 'anon-1'), 'anon-1');
    expect(a.anonymousIds).toEqual(['anon-1']);
  });
});
