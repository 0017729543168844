/** A storefront and a marketer driving the local stack over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { type Client, client, field, startStack, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let site: Client;

beforeAll(async () => {
  stack = await startStack();
  const ws = await workspaceWithKeys(stack);
  api = client(stack, ws.admin);
  site = client(stack, ws.ingest);
});

afterAll(() => stack?.stop());

describe('contacts over HTTP', () => {
  it('refuses mass assignment of protected fields, naming each', async () => {
    for (const protectedField of ['consent', 'suppression', 'score', 'workspaceId']) {
      const res = await api.post('/v1/contacts', {
        email: 'mass@example.com',
        [protectedField]: { email: 'subscribed' },
      });
      expect(res.status).toBe(422);
      expect(field(res.body, 'error', 'issues', 0)).toEqual({
        path: protectedField,
        message: 'is managed by ecrm and cannot be set here',
      });
    }
    const made = await api.post('/v1/contacts', { email: 'mass@example.com' });
    const id = String(field(made.body, 'contact', 'id'));
    const patched = await api.patch(`/v1/contacts/${id}`, { consent: {}, firstName: 'M' });
    expect(patched.status).toBe(422);
    expect(field((await api.get(`/v1/contacts/${id}`)).body, 'consent')).toEqual({});
  });

  it('refuses oversized attributes (413) and an invalid time zone (422), keeping what was stored', async () => {
    const made = await api.post('/v1/contacts', {
      email: 'limits@example.com',
      timezone: 'Europe/Madrid',
      attributes: { plan: 'pro' },
    });
    const id = String(field(made.body, 'contact', 'id'));
    const big = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, 'x'.repeat(1000)]));
    const tooBig = await api.patch(`/v1/contacts/${id}`, { attributes: big });
    expect(tooBig.status).toBe(413);
    expect(field(tooBig.body, 'error', 'issues', 0, 'path')).toBe('attributes');
    const hugeBody = await api.post('/v1/contacts', {
      email: 'limits@example.com',
      firstName: 'x'.repeat(70_000),
    });
    expect(hugeBody.status).toBe(413);
    const badTz = await api.patch(`/v1/contacts/${id}`, { timezone: 'Europe/Atlantis' });
    expect(badTz.status).toBe(422);
    expect(field(badTz.body, 'error', 'issues', 0, 'path')).toBe('timezone');
    const stored = await api.get(`/v1/contacts/${id}`);
    expect(field(stored.body, 'timezone')).toBe('Europe/Madrid');
    expect(field(stored.body, 'attributes')).toEqual({ plan: 'pro' });
  });

  it('upserts idempotently and records consent with its source', async () => {
    const first = await api.post('/v1/contacts', { email: 'Idem@Example.com', firstName: 'Ida' });
    const second = await api.post('/v1/contacts', { email: 'idem@example.com', firstName: 'Ida' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(field(second.body, 'changed')).toEqual([]);
    const id = String(field(first.body, 'contact', 'id'));
    const consent = await api.put(`/v1/contacts/${id}/consent/email`, {
      status: 'subscribed',
      source: 'checkout checkbox',
    });
    expect(field(consent.body, 'consent', 'email', 'source')).toBe('checkout checkbox');
    const lookup = await api.get('/v1/contacts/lookup?email=IDEM%40example.com');
    expect(field(lookup.body, 'id')).toBe(id);
  });
});

describe('events over HTTP', () => {
  it('a duplicate event has one effect on the timeline and the counts', async () => {
    const event = {
      id: 'order-page-1',
      name: 'page_viewed',
      email: 'dup@example.com',
      properties: { path: '/cart' },
    };
    const first = await site.post('/v1/track', event);
    const again = await site.post('/v1/track', { batch: [event, event] });
    expect(field(first.body, 'accepted')).toBe(1);
    expect(field(again.body, 'duplicates')).toBe(2);
    await stack.idle();
    const contact = await api.get('/v1/contacts/lookup?email=dup@example.com');
    const id = String(field(contact.body, 'id'));
    expect(field(contact.body, 'activity', 'eventCount')).toBe(1);
    const timeline = await api.get(`/v1/contacts/${id}/timeline`);
    expect(field(timeline.body, 'entries')).toHaveLength(1);
  });

  it('attaches an anonymous visitor’s events when they identify', async () => {
    await site.post('/v1/track', {
      batch: [
        { name: 'page_viewed', anonymousId: 'visitor-77', properties: { path: '/' } },
        { name: 'product_viewed', anonymousId: 'visitor-77', properties: { sku: 'MUG' } },
      ],
    });
    await stack.idle();
    const known = await api.post('/v1/contacts', {
      email: 'visitor77@example.com',
      anonymousId: 'visitor-77',
    });
    const id = String(field(known.body, 'contact', 'id'));
    await site.post('/v1/track', { name: 'added_to_cart', anonymousId: 'visitor-77' });
    await stack.idle();
    const timeline = await api.get(`/v1/contacts/${id}/timeline`);
    const names = (field(timeline.body, 'entries') as { name: string }[]).map((e) => e.name).sort();
    expect(names).toEqual(['added_to_cart', 'page_viewed', 'product_viewed']);
  });

  it('refuses a bad event naming the field', async () => {
    const res = await site.post('/v1/track', {
      batch: [
        { name: 'ok', anonymousId: 'v' },
        { name: '', anonymousId: 'v' },
      ],
    });
    expect(res.status).toBe(422);
    expect(String(field(res.body, 'error', 'issues', 0, 'path'))).toContain('name');
    const noIdentity = await site.post('/v1/track', { name: 'page_viewed' });
    expect(noIdentity.status).toBe(422);
  });
});

describe('GDPR', () => {
  it('exports everything and then erases it, leaving the address suppressed', async () => {
    const made = await api.post('/v1/contacts', {
      email: 'forget@example.com',
      firstName: 'Frida',
      attributes: { size: 'M' },
    });
    const id = String(field(made.body, 'contact', 'id'));
    await api.post(`/v1/contacts/${id}/interactions`, {
      kind: 'support_request',
      summary: 'please delete my data',
      by: 'support',
    });
    await site.post('/v1/track', { name: 'page_viewed', email: 'forget@example.com' });
    await stack.idle();
    const exported = await api.get(`/v1/contacts/${id}/export`);
    expect(field(exported.body, 'contact', 'attributes')).toEqual({ size: 'M' });
    expect(field(exported.body, 'timeline')).toHaveLength(2);

    expect((await api.del(`/v1/contacts/${id}`)).status).toBe(200);
    expect((await api.get(`/v1/contacts/${id}`)).status).toBe(404);
    expect((await api.get('/v1/contacts/lookup?email=forget@example.com')).status).toBe(404);
    expect((await api.del(`/v1/contacts/${id}`)).status).toBe(404);
    const back = await api.post('/v1/contacts', { email: 'forget@example.com' });
    expect(field(back.body, 'contact', 'suppression', 'reason')).toBe('erased');
  });
});

describe('reference', () => {
  it('serves the OpenAPI document without a key', async () => {
    const res = await client(stack).get('/v1/openapi.json');
    expect(field(res.body, 'openapi')).toBe('3.1.0');
    expect(field(res.body, 'paths', '/v1/track', 'post', 'x-ecrm-scope')).toBe('ingest');
  });
});
