/**
 * The fan-out marker end to end on the local stack (its bus applies the deployed rules): a workspace
 * without an outgoing webhook endpoint or a live journey invokes neither `deliver-webhooks` nor
 * `journey-events`, however many events it makes; an endpoint gets the very next event after its
 * create answered (no warm-up); once the last endpoint is deleted the consumer is idle again; and an
 * archived event replayed to the bus (EventBridge adds `replay-name`) reaches an endpoint even though
 * its marker, from before the endpoint, says no hooks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invocationStats } from '../../infra/local/invocation-context.ts';
import { LOCAL_BUS, type LocalStack } from '../../infra/local/stack.ts';
import { type Client, client, field, startStack, until, workspaceWithKeys } from './harness.ts';

let stack: LocalStack;
let api: Client;
let workspaceId: string;
let server: Server;
let base: string;
const received: Record<string, unknown>[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stack = await startStack();
  const keys = await workspaceWithKeys(stack);
  workspaceId = keys.id;
  api = client(stack, keys.admin);
});

afterAll(async () => {
  await stack?.stop();
  server?.close();
});

const invocations = (name: string) => invocationStats.get(name)?.count ?? 0;
const newContact = async (email: string) => {
  const made = await api.post('/v1/contacts', { email });
  expect(made.status).toBe(201);
  return String(field(made.body, 'contact', 'id'));
};
const contactCreatedOnTheBus = (contactId: string) =>
  stack.bus.events.find(
    (e) =>
      e['detail-type'] === 'contact.created' &&
      e.detail.data !== undefined &&
      field(e.detail, 'data', 'contactId') === contactId,
  );

describe('the fan-out marker on the local stack', () => {
  it('invokes neither optional consumer for a workspace without an endpoint or a live journey', async () => {
    await stack.idle();
    const before = { hooks: invocations('deliver-webhooks'), journeys: invocations('journey-events') };
    const ids = [await newContact('a@example.com'), await newContact('b@example.com')];
    await stack.idle();
    // The events were published, marked: no hooks, no journeys.
    for (const id of ids)
      expect(field(contactCreatedOnTheBus(id)?.detail, 'fanout')).toEqual({ hooks: false, journeys: false });
    expect(invocations('deliver-webhooks')).toBe(before.hooks);
    expect(invocations('journey-events')).toBe(before.journeys);
    // Other consumers of the same events still ran (segments, scoring, the timeline...).
    expect(invocations('evaluate-segments')).toBeGreaterThan(0);
  });

  it('delivers the very next event to an endpoint once its create answered, and stops after its delete', async () => {
    const made = await api.post('/v1/webhook-endpoints', {
      url: `${base}/hook`,
      eventTypes: ['contact.created'],
    });
    expect(made.status).toBe(201);
    const endpointId = String(field(made.body, 'endpoint', 'id'));
    const contactId = await newContact('next@example.com');
    await until(async () => received.some((b) => field(b, 'data', 'contactId') === contactId), 60_000);
    expect(field(contactCreatedOnTheBus(contactId)?.detail, 'fanout')).toEqual({
      hooks: true,
      journeys: false,
    });

    expect((await api.del(`/v1/webhook-endpoints/${endpointId}`)).status).toBe(204);
    await stack.idle();
    const before = invocations('deliver-webhooks');
    const after = await newContact('after@example.com');
    await stack.idle();
    expect(field(contactCreatedOnTheBus(after)?.detail, 'fanout')).toEqual({ hooks: false, journeys: false });
    expect(invocations('deliver-webhooks')).toBe(before);
  });

  it('lets a replayed event through to a new endpoint whatever its marker (StartReplay)', async () => {
    const old = await newContact('old@example.com');
    await stack.idle();
    const archived = contactCreatedOnTheBus(old);
    expect(field(archived?.detail, 'fanout')).toEqual({ hooks: false, journeys: false });
    const made = await api.post('/v1/webhook-endpoints', {
      url: `${base}/erp`,
      eventTypes: ['contact.created'],
    });
    expect(made.status).toBe(201);
    if (!archived) throw new Error('the event was not on the bus');
    // What StartReplay puts on the bus: the archived event as it was, plus the replay's name.
    stack.bus.putServiceEvent(
      Object.assign(structuredClone(archived), { 'replay-name': 'orders-to-erp-1' }),
      LOCAL_BUS,
    );
    await until(async () => received.some((b) => field(b, 'data', 'contactId') === old), 60_000);
    expect(
      received.filter(
        (b) => field(b, 'workspaceId') === workspaceId && field(b, 'data', 'contactId') === old,
      ),
    ).toHaveLength(1);
  });
});
