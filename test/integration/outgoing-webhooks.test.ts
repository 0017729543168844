/**
 * Outgoing webhooks on DynamoDB Local, the local KMS and a real HTTP receiver on this machine: endpoint
 * writes are conditional and SSRF-checked with the deployed policy; an event reaches an endpoint once
 * however often (and however concurrently) it is delivered; a 500 is retried by timer; a delivery
 * failing past its window is dead, replayable, and an endpoint failing long enough is disabled with
 * its notice. Time is a fixed clock, so windows are exact.
 */
import { lookup } from 'node:dns/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmsSecretBox } from '../../functions/shared/kms-secret-box.ts';
import { type LocalKms, startLocalKms } from '../../infra/local/local-kms.ts';
import type { AttemptDeps } from '../../lib/outgoing-webhooks/attempt-delivery.ts';
import { attemptDelivery } from '../../lib/outgoing-webhooks/attempt-delivery.ts';
import { type DeliverDeps, deliverEvent, deliverEventTo } from '../../lib/outgoing-webhooks/deliver-event.ts';
import { deliveriesRepository } from '../../lib/outgoing-webhooks/deliveries.repository.ts';
import type { AddressPolicy, Resolve } from '../../lib/outgoing-webhooks/endpoint-address.ts';
import { endpointsRepository } from '../../lib/outgoing-webhooks/endpoints.repository.ts';
import {
  createEndpoint,
  deleteEndpoint,
  type EndpointDeps,
  rotateEndpointSecret,
  updateEndpoint,
} from '../../lib/outgoing-webhooks/manage-endpoints.ts';
import { replayDelivery } from '../../lib/outgoing-webhooks/replay-delivery.ts';
import { postWebhook } from '../../lib/outgoing-webhooks/sender.ts';
import { verifySignature } from '../../lib/outgoing-webhooks/signature.ts';
import { kmsClient } from '../../lib/shared/aws/kms.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import { ConflictError, ValidationError } from '../../lib/shared/errors.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { keys } from '../../lib/shared/keys.ts';
import type { TaskInput } from '../../lib/timers/task-catalogue.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

interface Received {
  readonly body: string;
  readonly headers: IncomingMessage['headers'];
}

/** A receiver answering each request with the next status of `script` (then the last one). */
const receiver = async (script: number[]) => {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.statusCode = script[Math.min(received.length - 1, script.length - 1)] ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, script, close: () => server.close() };
};

const resolve: Resolve = async (host) =>
  (await lookup(host, { all: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

const STRICT: AddressPolicy = { allowLocal: false };
const LOCAL: AddressPolicy = { allowLocal: true };
const T0 = '2026-11-30T10:00:00.000Z';

let kms: LocalKms;
let real: RealDeps;
const receivers: { close(): void }[] = [];

beforeAll(async () => {
  kms = await startLocalKms({ alias: 'alias/ecrm-test-outgoing' });
  real = realDeps();
});
afterAll(async () => {
  for (const r of receivers) r.close();
  await kms?.stop();
});

/** Everything wired for one workspace, on a clock of its own; timers recorded, not run. */
const setup = async (policy: AddressPolicy = LOCAL) => {
  const clock = fixedClock(T0);
  const secrets = kmsSecretBox(
    kmsClient({
      url: kms.endpoint,
      region: 'us-east-1',
      credentials: () => ({ accessKeyId: 'test', secretAccessKey: 'test' }),
    }),
    kms.keyArn,
  );
  const endpoints = endpointsRepository(real.table);
  const deliveries = deliveriesRepository(real.table);
  const timers: { due: Date; input: TaskInput<'webhook-retry'> }[] = [];
  const manage: EndpointDeps = { endpoints, secrets, clock, addresses: { policy, resolve } };
  const attempt: AttemptDeps = {
    endpoints,
    endpointOf: (ws, id) => endpoints.get(ws, id),
    deliveries,
    secrets,
    timers: {
      set: async (_ws, task, _id, due, input) => {
        if (task === 'webhook-retry') timers.push({ due, input: input as TaskInput<'webhook-retry'> });
        return 'set';
      },
    },
    post: postWebhook,
    resolve,
    clock,
    settings: {
      policy,
      retry: { baseSeconds: 60, maxDelaySeconds: 3600, windowSeconds: 86_400 },
      timeoutMs: 5000,
      disableAfterSeconds: 3 * 86_400,
    },
  };
  const deliver: DeliverDeps = { ...attempt, endpointsOf: (ws) => endpoints.all(ws) };
  const ws = await newWorkspace(real);
  const event = () =>
    domainEvent(
      'order.placed',
      ws,
      {
        contactId: 'c_1',
        connectionId: 'cn_1',
        orderId: 'o-1',
        status: 'paid',
        total: 4200,
        currency: 'EUR',
      },
      clock,
    );
  return { clock, manage, attempt, deliver, timers, ws, event, deliveries, endpoints };
};

const listen = async (script: number[]) => {
  const r = await receiver(script);
  receivers.push(r);
  return r;
};

describe('endpoints', () => {
  it('refuses loopback, link-local and metadata addresses with the deployed policy, naming url', async () => {
    const { manage, ws } = await setup(STRICT);
    for (const url of [
      'https://127.0.0.1/hook',
      'http://169.254.169.254/latest/meta-data/',
      'https://169.254.169.254/',
      'https://localhost/hook',
      'https://[::1]/hook',
      'https://2130706433/hook',
    ]) {
      const error = await createEndpoint(
        ws,
        { url, eventTypes: ['order.placed'], enabled: true },
        manage,
      ).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]?.path).toBe('url');
    }
  });

  it('stores the secret sealed and shows it once; two editors at once: one wins, the other 409', async () => {
    const { manage, ws } = await setup();
    const { endpoint, secret } = await createEndpoint(
      ws,
      { url: 'http://127.0.0.1:9/hook', eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    expect(secret).toMatch(/^whsec_[0-9a-z]{52}$/);
    const { Item } = await real.table.client.send(
      new GetCommand({ TableName: real.table.name, Key: keys.webhookEndpoint(ws, endpoint.id) }),
    );
    expect(JSON.stringify(Item)).not.toContain(secret);
    // Two editors who read the same version write at once.
    const read = await manage.endpoints.get(ws, endpoint.id);
    const editor = { ...manage, endpoints: { ...manage.endpoints, get: async () => read } };
    const outcomes = await Promise.allSettled([
      updateEndpoint(ws, endpoint.id, { description: 'first' }, editor),
      updateEndpoint(ws, endpoint.id, { description: 'second' }, editor),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const lost = outcomes.find((o) => o.status === 'rejected');
    expect(lost?.status === 'rejected' ? lost.reason : undefined).toBeInstanceOf(ConflictError);
  });
});

describe('deliveries', () => {
  it('signs each delivery so the receiver verifies it with the documented scheme', async () => {
    const { manage, deliver, ws, event } = await setup();
    const r = await listen([200]);
    const { secret } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const e = event();
    expect(await deliverEvent(e, deliver)).toEqual(['delivered']);
    const [got] = r.received;
    expect(got?.headers['ecrm-event-id']).toBe(e.id);
    expect(got?.headers['ecrm-event-type']).toBe('order.placed');
    expect(got?.headers['user-agent']).toMatch(/^ecrm-webhooks\//);
    expect(JSON.parse(got?.body ?? '')).toEqual({
      id: e.id,
      type: 'order.placed',
      version: 1,
      occurredAt: e.occurredAt,
      workspaceId: ws,
      data: e.data,
    });
    expect(
      verifySignature(got?.body ?? '', String(got?.headers['ecrm-signature']), secret, 300, new Date(T0)),
    ).toBe(true);
  });

  it('delivers the same event once, even when it arrives many times in parallel', async () => {
    const { manage, deliver, ws, event, deliveries } = await setup();
    const r = await listen([200]);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const e = event();
    const results = await Promise.all(Array.from({ length: 5 }, () => deliverEvent(e, deliver)));
    expect(results.flat().filter((x) => x === 'delivered')).toHaveLength(1);
    expect(r.received).toHaveLength(1);
    expect(await deliverEvent(e, deliver)).toEqual(['skipped']);
    const page = await deliveries.page(ws, endpoint.id, { limit: 10 });
    expect(page.deliveries.map((d) => [d.id, d.status, d.attemptCount])).toEqual([[e.id, 'delivered', 1]]);
  });

  it('only sends an event type the endpoint subscribed to, and nothing to a disabled endpoint', async () => {
    const { manage, deliver, ws, event, clock } = await setup();
    const r = await listen([200]);
    await createEndpoint(ws, { url: r.url, eventTypes: ['contact.created'], enabled: true }, manage);
    await createEndpoint(ws, { url: r.url, eventTypes: ['order.placed'], enabled: false }, manage);
    expect(await deliverEvent(event(), deliver)).toEqual([]);
    const internal = domainEvent('timer.near', ws, { key: 'k', due: T0 }, clock);
    expect(await deliverEvent(internal, deliver)).toEqual([]);
    expect(r.received).toHaveLength(0);
  });

  it('sends an event to one named endpoint whatever it subscribed to (a journey step), once', async () => {
    const { manage, deliver, ws, clock } = await setup();
    const r = await listen([200]);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['contact.created'], enabled: true },
      manage,
    );
    const signal = domainEvent(
      'journey.signal',
      ws,
      {
        contactId: 'c_1',
        journeyId: 'jrn_1',
        runId: 'r_1',
        stepId: 'hook',
        name: 'mql',
        properties: { score: 80 },
      },
      clock,
    );
    expect(await deliverEventTo(signal, endpoint.id, deliver)).toBe('delivered');
    expect(await deliverEventTo(signal, endpoint.id, deliver)).toBe('skipped');
    expect(await deliverEventTo(signal, `whe_${'9'.repeat(26)}`, deliver)).toBeUndefined();
    expect(r.received).toHaveLength(1);
    expect(JSON.parse(r.received[0]?.body ?? '{}')).toMatchObject({
      type: 'journey.signal',
      data: { name: 'mql' },
    });
  });

  it('retries a 500 by timer with backoff, then delivers', async () => {
    const { manage, deliver, attempt, ws, event, timers, clock, deliveries, endpoints } = await setup();
    const r = await listen([500, 200]);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const e = event();
    expect(await deliverEvent(e, deliver)).toEqual(['retrying']);
    expect(timers).toEqual([
      {
        due: new Date('2026-11-30T10:01:00.000Z'),
        input: { endpointId: endpoint.id, deliveryId: e.id, attempt: 2 },
      },
    ]);
    expect((await endpoints.get(ws, endpoint.id))?.failingSince).toBe(T0);
    clock.set('2026-11-30T10:01:00.000Z');
    const ref = { workspaceId: ws, endpointId: endpoint.id, id: e.id };
    // The timer queue may bring the same retry twice at once: one attempt.
    const both = await Promise.all([attemptDelivery(ref, 2, attempt), attemptDelivery(ref, 2, attempt)]);
    expect(both.sort()).toEqual(['delivered', 'skipped']);
    expect(r.received).toHaveLength(2);
    const stored = await deliveries.get(ws, endpoint.id, e.id);
    expect(stored).toMatchObject({ status: 'delivered', attemptCount: 2 });
    expect(stored?.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(stored?.attempts[0]?.error).toMatch(/answered 500/);
    expect((await endpoints.get(ws, endpoint.id))?.failingSince).toBeUndefined();
  });

  it('dead-letters a delivery failing past its window; a replay sends it again as a fresh attempt', async () => {
    const { manage, deliver, attempt, ws, event, timers, clock, deliveries } = await setup();
    const r = await listen([503]);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const e = event();
    const ref = { workspaceId: ws, endpointId: endpoint.id, id: e.id };
    await deliverEvent(e, deliver);
    let result = 'retrying';
    while (result === 'retrying') {
      const next = timers[timers.length - 1];
      if (!next) throw new Error('no retry timer');
      clock.set(next.due.toISOString());
      result = await attemptDelivery(ref, next.input.attempt, attempt);
    }
    expect(result).toBe('dead');
    const dead = await deliveries.get(ws, endpoint.id, e.id);
    expect(dead?.status).toBe('dead');
    expect(dead?.attempts).toHaveLength(10);
    expect(dead?.attemptCount).toBe(timers.length + 1);
    expect(new Date(dead?.deadAt ?? 0).getTime() - new Date(T0).getTime()).toBeLessThanOrEqual(86_400_000);
    expect((await deliveries.page(ws, endpoint.id, { limit: 5, status: 'dead' })).deliveries).toHaveLength(1);
    // Replay: pending again, a timer due now for the next attempt, which the receiver now accepts.
    const before = timers.length;
    const replayed = await replayDelivery(ws, endpoint.id, e.id, { ...attempt, timers: attempt.timers });
    expect(replayed.status).toBe('pending');
    await expect(replayDelivery(ws, endpoint.id, e.id, attempt)).rejects.toBeInstanceOf(ConflictError);
    const timer = timers[before];
    expect(timer?.due).toEqual(clock.now());
    r.script.push(200);
    expect(await attemptDelivery(ref, timer?.input.attempt ?? 0, attempt)).toBe('delivered');
  });

  it('disables an endpoint failing for 3 days at its next dead letter, with webhook.endpoint.disabled', async () => {
    const { manage, attempt, ws, event, clock, endpoints, deliveries } = await setup();
    const r = await listen([500]);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const fast = {
      ...attempt,
      settings: { ...attempt.settings, retry: { baseSeconds: 60, maxDelaySeconds: 60, windowSeconds: 30 } },
    };
    const deliverFast: DeliverDeps = { ...fast, endpointsOf: (w) => endpoints.all(w) };
    expect(await deliverEvent(event(), deliverFast)).toEqual(['dead']);
    expect((await endpoints.get(ws, endpoint.id))?.status).toBe('enabled');
    clock.set('2026-12-03T10:00:00.000Z');
    expect(await deliverEvent(event(), deliverFast)).toEqual(['dead']);
    const disabled = await endpoints.get(ws, endpoint.id);
    expect(disabled).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
    const { Item } = await real.table.client.send(
      new GetCommand({ TableName: real.table.name, Key: keys.webhookEndpoint(ws, endpoint.id) }),
    );
    expect(Item?._ev).toMatchObject({
      type: 'webhook.endpoint.disabled',
      detail: { data: { endpointId: endpoint.id, failingSince: T0, failingFor: 3 * 86_400 } },
    });
    // Nothing more is sent; enabling it again starts it afresh.
    const sent = r.received.length;
    expect(await deliverEvent(event(), deliverFast)).toEqual([]);
    expect(r.received).toHaveLength(sent);
    const again = await updateEndpoint(ws, endpoint.id, { enabled: true }, manage);
    expect(again).toMatchObject({ status: 'enabled' });
    expect(again.failingSince).toBeUndefined();
    const dead = await deliveries.page(ws, endpoint.id, { limit: 10, status: 'dead' });
    expect(dead.deliveries).toHaveLength(2);
  });

  it('signs with both secrets during a rotation, the new one only after the grace period', async () => {
    const { manage, deliver, ws, event, clock } = await setup();
    const r = await listen([200]);
    const created = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const rotated = await rotateEndpointSecret(ws, created.endpoint.id, { graceHours: 24 }, manage);
    await deliverEvent(event(), deliver);
    const header = String(r.received[0]?.headers['ecrm-signature']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    const body = r.received[0]?.body ?? '';
    expect(verifySignature(body, header, created.secret, 300, clock.now())).toBe(true);
    expect(verifySignature(body, header, rotated.secret, 300, clock.now())).toBe(true);
    clock.set('2026-12-01T10:00:01.000Z');
    await deliverEvent(event(), deliver);
    const later = String(r.received[1]?.headers['ecrm-signature']);
    expect(later.match(/v1=/g)).toHaveLength(1);
    expect(verifySignature(r.received[1]?.body ?? '', later, created.secret, 300, clock.now())).toBe(false);
    expect(verifySignature(r.received[1]?.body ?? '', later, rotated.secret, 300, clock.now())).toBe(true);
  });

  it('takes over an attempt abandoned by a crash once its claim is stale, not before', async () => {
    const { manage, deliver, ws, event, clock, deliveries } = await setup();
    const r = await listen([200]);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const e = event();
    // A container created the delivery (claiming attempt 1) and died before sending.
    const crashed = { ...deliver, post: async () => new Promise<never>(() => {}) };
    void deliverEvent(e, crashed);
    for (let i = 0; i < 100 && !(await deliveries.get(ws, endpoint.id, e.id)); i++)
      await new Promise((done) => setTimeout(done, 50));
    expect(await deliverEvent(e, deliver)).toEqual(['skipped']);
    clock.advance(61_000);
    expect(await deliverEvent(e, deliver)).toEqual(['delivered']);
    expect(r.received).toHaveLength(1);
    expect((await deliveries.get(ws, endpoint.id, e.id))?.status).toBe('delivered');
  });

  it('dead-letters a retry whose endpoint was deleted, without a request', async () => {
    const { manage, deliver, attempt, ws, event, deliveries } = await setup();
    const r = await listen([500]);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const e = event();
    await deliverEvent(e, deliver);
    await deleteEndpoint(ws, endpoint.id, manage);
    const ref = { workspaceId: ws, endpointId: endpoint.id, id: e.id };
    expect(await attemptDelivery(ref, 2, attempt)).toBe('dead');
    expect(r.received).toHaveLength(1);
    expect((await deliveries.get(ws, endpoint.id, e.id))?.attempts[1]?.error).toMatch(/deleted/);
  });

  it('refuses to send, at send time, to an address the deployed policy forbids', async () => {
    const { deliver, ws, event, deliveries, endpoints } = await setup(STRICT);
    const r = await listen([200]);
    // Stored before the policy could see it (as if its name's DNS answer changed since the save).
    const { manage } = await setup(LOCAL);
    const { endpoint } = await createEndpoint(
      ws,
      { url: r.url, eventTypes: ['order.placed'], enabled: true },
      manage,
    );
    const e = event();
    expect(await deliverEvent(e, deliver)).toEqual(['retrying']);
    expect(r.received).toHaveLength(0);
    expect((await deliveries.get(ws, endpoint.id, e.id))?.attempts[0]?.error).toMatch(
      /^refused: must be https/,
    );
    expect(await endpoints.get(ws, endpoint.id)).toBeDefined();
  });
});
