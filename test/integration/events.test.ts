import { beforeAll, describe, expect, it } from 'vitest';
import { upsertContactBody } from '../../lib/contacts/contact.schema.ts';
import { identifyContact } from '../../lib/contacts/identify-contact.ts';
import { findContact, getContact } from '../../lib/contacts/read-contacts.ts';
import { ingestEvents } from '../../lib/events/ingest-events.ts';
import { readTimeline } from '../../lib/events/read-timeline.ts';
import { recordReceivedEvent } from '../../lib/events/record-received-event.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { GetCommand } from '../../lib/shared/dynamodb/commands.ts';
import type { EventData } from '../../lib/shared/events/catalogue.ts';
import { fromOutbox } from '../../lib/shared/events/outbox.ts';
import { keys } from '../../lib/shared/keys.ts';
import { newWorkspace, type RealDeps, realDeps } from './real-deps.ts';

let deps: RealDeps;
let ws: string;

beforeAll(async () => {
  deps = realDeps(fixedClock('2026-03-01T10:00:00.000Z'));
  ws = await newWorkspace(deps);
});

const received = (over: Partial<EventData<'track.received'>>): EventData<'track.received'> => ({
  eventId: `e-${Math.random().toString(36).slice(2)}`,
  name: 'page_viewed',
  kind: 'track',
  occurredAt: '2026-03-01T09:00:00.000Z',
  receivedAt: '2026-03-01T10:00:00.000Z',
  identity: {},
  properties: { path: '/pricing' },
  ...over,
});

describe('track ingest', () => {
  it('stores one item per event id: a duplicate (also inside one batch) has no second effect', async () => {
    const first = await ingestEvents(ws, { id: 'evt-1', name: 'signed_up', email: 'a@example.com' }, deps);
    const again = await ingestEvents(
      ws,
      {
        batch: [
          { id: 'evt-1', name: 'signed_up', email: 'a@example.com' },
          { id: 'evt-2', name: 'page_viewed', anonymousId: 'v1' },
          { id: 'evt-2', name: 'page_viewed', anonymousId: 'v1' },
        ],
      },
      deps,
    );
    expect(first).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(again).toMatchObject({ accepted: 1, duplicates: 2 });
    const { Item } = await deps.table.client.send(
      new GetCommand({ TableName: deps.table.name, Key: keys.receivedEvent(ws, 'evt-1') }),
    );
    const outbox = fromOutbox(Item?._ev);
    expect(outbox?.type).toBe('track.received');
    expect(Item?.ttl).toBeGreaterThan(Date.parse('2026-03-04T10:00:00Z') / 1000);
  });

  it('refuses events dated more than a day ahead, naming the field as sent', async () => {
    const future = { name: 'x', anonymousId: 'v', occurredAt: '2026-03-05T00:00:00Z' };
    await expect(ingestEvents(ws, future, deps)).rejects.toMatchObject({
      issues: [{ path: 'occurredAt' }],
    });
    await expect(
      ingestEvents(ws, { batch: [{ name: 'x', anonymousId: 'v' }, future] }, deps),
    ).rejects.toMatchObject({ issues: [{ path: 'batch[1].occurredAt' }] });
  });
});

describe('recording events on contacts', () => {
  it('creates the contact from an email and counts a redelivered event once', async () => {
    const ev = received({ identity: { email: 'buyer@example.com' }, name: 'checkout_started' });
    expect(await recordReceivedEvent(ws, ev, deps)).toBe('recorded');
    expect(await recordReceivedEvent(ws, ev, deps)).toBe('duplicate');
    const contact = await findContact(ws, { email: 'buyer@example.com' }, deps);
    expect(contact.source).toBe('track');
    expect(contact.activity.eventCount).toBe(1);
    expect(contact.activity.byName.checkout_started?.count).toBe(1);
    const { entries } = await readTimeline(ws, contact.id, { limit: 10 }, deps);
    expect(entries.map((e) => e.eventId)).toEqual([ev.eventId]);
  });

  it('concurrent events on one contact all count (optimistic roll-up retries)', async () => {
    const events = Array.from({ length: 6 }, (_, i) =>
      received({ identity: { email: 'busy@example.com' }, occurredAt: `2026-03-01T09:00:0${i}.000Z` }),
    );
    await recordReceivedEvent(ws, events[0] ?? received({}), deps);
    await Promise.all(events.slice(1).map((e) => recordReceivedEvent(ws, e, deps)));
    const contact = await findContact(ws, { email: 'busy@example.com' }, deps);
    expect(contact.activity.eventCount).toBe(6);
    expect(contact.activity.lastSeenAt).toBe('2026-03-01T09:00:05.000Z');
  });

  it('timeline reads newest first, page by page', async () => {
    const email = 'pages@example.com';
    for (let i = 0; i < 5; i++) {
      await recordReceivedEvent(
        ws,
        received({ identity: { email }, occurredAt: `2026-02-0${i + 1}T00:00:00.000Z` }),
        deps,
      );
    }
    const contact = await findContact(ws, { email }, deps);
    const first = await readTimeline(ws, contact.id, { limit: 3 }, deps);
    expect(first.entries.map((e) => e.occurredAt.slice(0, 10))).toEqual([
      '2026-02-05',
      '2026-02-04',
      '2026-02-03',
    ]);
    const second = await readTimeline(ws, contact.id, { limit: 3, cursor: first.next }, deps);
    expect(second.entries.map((e) => e.occurredAt.slice(0, 10))).toEqual(['2026-02-02', '2026-02-01']);
  });

  it('anonymous events attach to the contact once the visitor identifies', async () => {
    const anon = `anon-${Math.random().toString(36).slice(2)}`;
    await recordReceivedEvent(ws, received({ identity: { anonymousId: anon }, name: 'page_viewed' }), deps);
    await recordReceivedEvent(
      ws,
      received({ identity: { anonymousId: anon }, name: 'product_viewed' }),
      deps,
    );
    const { contact, eventsAttached } = await identifyContact(
      ws,
      upsertContactBody.parse({ email: 'known@example.com', anonymousId: anon }),
      'api',
      deps,
    );
    expect(eventsAttached).toBe(2);
    const after = await getContact(ws, contact.id, deps);
    expect(after.activity.eventCount).toBe(2);
    expect(after.anonymousIds).toContain(anon);
    // A later anonymous event goes straight to the contact.
    await recordReceivedEvent(ws, received({ identity: { anonymousId: anon }, name: 'added_to_cart' }), deps);
    const { entries } = await readTimeline(ws, contact.id, { limit: 10 }, deps);
    expect(entries.map((e) => e.name).sort()).toEqual(['added_to_cart', 'page_viewed', 'product_viewed']);
    // And identifying again moves nothing twice.
    const again = await identifyContact(
      ws,
      upsertContactBody.parse({ email: 'known@example.com', anonymousId: anon }),
      'api',
      deps,
    );
    expect(again.eventsAttached).toBe(0);
    expect((await getContact(ws, contact.id, deps)).activity.eventCount).toBe(3);
  });

  it('an anonymous id already tied to another contact is not moved (shared device)', async () => {
    const anon = `anon-${Math.random().toString(36).slice(2)}`;
    const a = await identifyContact(
      ws,
      upsertContactBody.parse({ email: 'first@example.com', anonymousId: anon }),
      'api',
      deps,
    );
    const b = await identifyContact(
      ws,
      upsertContactBody.parse({ email: 'second@example.com', anonymousId: anon }),
      'api',
      deps,
    );
    expect(a.contact.anonymousIds).toContain(anon);
    expect(b.contact.anonymousIds).not.toContain(anon);
  });
});
