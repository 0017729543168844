/**
 * Outgoing webhooks end to end on the local stack, with an accelerated retry schedule (1 s doubling to
 * 2 s, an 8 s window): a contact created through the API reaches receivers on this machine, signed in
 * the README's scheme (checked here with the README's own recipe); a receiver answering 500 then 200
 * gets a retry; one always failing ends dead-lettered, visible through the API, and a replay delivers
 * it once it is fixed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../infra/local/stack.ts';
import { verifySignature } from '../../lib/outgoing-webhooks/signature.ts';
import { type Client, client, ecrmCli, field, startStack, until, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let adminKey: string;
let server: Server;
let base: string;
/** What each receiver path answers, in order (the last one repeats). */
const scripts: Record<string, number[]> = {
  '/ok': [200],
  '/flaky': [500, 200],
  '/down': [500],
  '/journey': [200],
};
const received: Record<string, { body: string; headers: IncomingHttpHeaders; at: number }[]> = {};

beforeAll(async () => {
  // Read once by the functions' configuration: set before the stack's functions first run.
  Object.assign(process.env, {
    WEBHOOK_RETRY_BASE_SECONDS: '1',
    WEBHOOK_RETRY_MAX_DELAY_SECONDS: '2',
    WEBHOOK_RETRY_WINDOW_SECONDS: '8',
  });
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const got = received[path] ?? [];
      received[path] = got;
      got.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers, at: Date.now() });
      const script = scripts[path] ?? [404];
      res.statusCode = script[Math.min(got.length - 1, script.length - 1)] ?? 404;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stack = await startStack();
  adminKey = (await workspaceWithKeys(stack)).admin;
  api = client(stack, adminKey);
});

afterAll(async () => {
  await stack?.stop();
  server?.close();
});

/** The README's verification recipe, written out: HMAC-SHA256 of "<t>.<body>", any v1, 5 minutes. */
const readmeVerify = (body: string, header: string, secret: string): boolean => {
  const parts = header.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - t) <= 300;
  return (
    fresh &&
    parts
      .filter(([k]) => k === 'v1')
      .some(([, v]) => {
        const given = Buffer.from(v ?? '', 'hex');
        return given.length === expected.length && timingSafeEqual(given, expected);
      })
  );
};

const endpoint = async (path: string) => {
  const res = await api.post('/v1/webhook-endpoints', {
    url: `${base}${path}`,
    eventTypes: ['contact.created'],
    description: `receiver ${path}`,
  });
  expect(res.status).toBe(201);
  return { id: String(field(res.body, 'endpoint', 'id')), secret: String(field(res.body, 'secret')) };
};

const deliveries = async (endpointId: string, status?: string) =>
  field(
    (await api.get(`/v1/webhook-endpoints/${endpointId}/deliveries${status ? `?status=${status}` : ''}`))
      .body,
    'deliveries',
  ) as Record<string, unknown>[];

describe('outgoing webhooks on the local stack', () => {
  it('signs, retries a 500, dead-letters after the window, and replays', async () => {
    const ok = await endpoint('/ok');
    const flaky = await endpoint('/flaky');
    const down = await endpoint('/down');
    const shown = await api.get(`/v1/webhook-endpoints/${ok.id}`);
    expect(JSON.stringify(shown.body)).not.toContain(ok.secret);
    const made = await api.post('/v1/contacts', { email: 'hooked@example.com', firstName: 'Hook' });
    expect(made.status).toBe(201);
    const contactId = String(field(made.body, 'contact', 'id'));

    // Signed, verifiable with the documented scheme, the event as the body.
    await until(async () => (received['/ok']?.length ?? 0) >= 1, 60_000);
    const [first] = received['/ok'] ?? [];
    const header = String(first?.headers['ecrm-signature']);
    expect(readmeVerify(first?.body ?? '', header, ok.secret)).toBe(true);
    expect(verifySignature(first?.body ?? '', header, ok.secret)).toBe(true);
    expect(readmeVerify(first?.body ?? '', header, flaky.secret)).toBe(false);
    const body = JSON.parse(first?.body ?? '{}');
    expect(body).toMatchObject({ type: 'contact.created', data: { contactId } });
    expect(first?.headers['ecrm-event-id']).toBe(body.id);
    expect(first?.headers['ecrm-event-type']).toBe('contact.created');

    // 500, then a retry by timer about a second later, 200.
    await until(async () => (await deliveries(flaky.id))[0]?.status === 'delivered', 30_000);
    const [flakyDelivery] = await deliveries(flaky.id);
    expect(field(flakyDelivery, 'attempts')).toEqual([
      expect.objectContaining({ statusCode: 500, error: expect.stringMatching(/500/) }),
      expect.objectContaining({ statusCode: 200 }),
    ]);
    const [a, b] = received['/flaky'] ?? [];
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(b?.body).toBe(a?.body);

    // Always 500: dead once the 8 s window closes, listed among the dead letters.
    await until(async () => (await deliveries(down.id, 'dead')).length === 1, 45_000);
    const [dead] = await deliveries(down.id, 'dead');
    expect(field(dead, 'id')).toBe(body.id);
    // At least one retry (how many fit in the window depends on how busy the machine is).
    expect(Number(field(dead, 'attemptCount'))).toBeGreaterThanOrEqual(2);
    const tries = received['/down']?.length ?? 0;
    expect(tries).toBe(Number(field(dead, 'attemptCount')));

    // Fixed: a replay sends it again, once.
    scripts['/down'] = [200];
    received['/down'] = [];
    const replay = await api.post(`/v1/webhook-endpoints/${down.id}/deliveries/${body.id}/replay`, {});
    expect(replay.status).toBe(202);
    expect(field(replay.body, 'status')).toBe('pending');
    await until(async () => (await deliveries(down.id))[0]?.status === 'delivered', 30_000);
    expect(received['/down']).toHaveLength(1);
    expect(
      verifySignature(
        received['/down']?.[0]?.body ?? '',
        String(received['/down']?.[0]?.headers['ecrm-signature']),
        down.secret,
      ),
    ).toBe(true);
    // Delivered once each, whatever the bus redelivered.
    await stack.idle();
    expect(received['/ok']).toHaveLength(1);
    expect(received['/flaky']).toHaveLength(2);
  }, 180_000);

  it('validates endpoints with field-named errors and rotates the secret', async () => {
    const bad = await api.post('/v1/webhook-endpoints', {
      url: 'ftp://x.example/',
      eventTypes: ['timer.near'],
    });
    expect(bad.status).toBe(422);
    const paths = (field(bad.body, 'error', 'issues') as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['url', 'eventTypes[0]']));
    const made = await endpoint('/ok');
    const rotated = await api.post(`/v1/webhook-endpoints/${made.id}/rotate-secret`, {});
    expect(rotated.status).toBe(200);
    expect(String(field(rotated.body, 'secret'))).not.toBe(made.secret);
    expect(field(rotated.body, 'endpoint', 'secrets')).toHaveLength(2);
    const off = await api.patch(`/v1/webhook-endpoints/${made.id}`, { enabled: false });
    expect(field(off.body, 'status')).toBe('disabled');
    expect((await api.del(`/v1/webhook-endpoints/${made.id}`)).status).toBe(204);
    expect((await api.get(`/v1/webhook-endpoints/${made.id}`)).status).toBe(404);
  });

  it('is managed from the command line: create, list, rotate, deliveries, replay refused while none', async () => {
    const cli = (...args: string[]) => ecrmCli(stack, adminKey, 'webhook-endpoint', ...args);
    const made = await cli(
      'create',
      '--url',
      `${base}/cli`,
      '--events',
      'order.placed,stage.changed',
      '--description',
      'from the CLI',
    );
    const id = String(field(made, 'endpoint', 'id'));
    expect(String(field(made, 'secret'))).toMatch(/^whsec_/);
    expect(field(made, 'endpoint', 'eventTypes')).toEqual(['order.placed', 'stage.changed']);
    const listed = await cli('list');
    expect((field(listed, 'endpoints') as { id: string }[]).map((e) => e.id)).toContain(id);
    const rotated = await cli('rotate', '--id', id, '--grace-hours', '1');
    expect(field(rotated, 'endpoint', 'secrets')).toHaveLength(2);
    expect(await cli('deliveries', '--id', id, '--status', 'dead')).toEqual({ deliveries: [] });
    await expect(cli('replay', '--id', id, '--delivery', `ev_${'0'.repeat(26)}`)).rejects.toThrow(/404/);
    expect(field(await cli('disable', '--id', id), 'status')).toBe('disabled');
    expect(await cli('delete', '--id', id)).toEqual({ deleted: id });
  }, 120_000);

  it('a journey’s webhook step delivers its journey.signal to the endpoint, signed, once; journey events by subscription', async () => {
    const res = await api.post('/v1/webhook-endpoints', {
      url: `${base}/journey`,
      eventTypes: ['journey.entered'],
      description: 'the journey receiver',
    });
    expect(res.status).toBe(201);
    const hook = { id: String(field(res.body, 'endpoint', 'id')), secret: String(field(res.body, 'secret')) };
    const created = await api.post('/v1/journeys', {
      name: 'Tell the CRM',
      trigger: { type: 'event', event: 'contact.created' },
      entry: { mode: 'once' },
      steps: [{ id: 'hook', type: 'webhook', endpointId: hook.id }],
    });
    expect(created.status).toBe(201);
    const journeyId = String(field(created.body, 'id'));
    expect((await api.post(`/v1/journeys/${journeyId}/start`, {})).status).toBe(200);
    const made = await api.post('/v1/contacts', { email: 'journeyed@example.com' });
    const contactId = String(field(made.body, 'contact', 'id'));

    await until(async () => (received['/journey']?.length ?? 0) >= 2, 60_000);
    await stack.idle();
    const bodies = (received['/journey'] ?? []).map((r) => {
      expect(verifySignature(r.body, String(r.headers['ecrm-signature']), hook.secret)).toBe(true);
      return JSON.parse(r.body);
    });
    expect(bodies.map((b) => b.type).sort()).toEqual(['journey.entered', 'journey.signal']);
    expect(bodies.find((b) => b.type === 'journey.signal')).toMatchObject({
      data: { contactId, journeyId, stepId: 'hook', name: 'webhook' },
    });
  }, 90_000);
});
