/**
 * Packed event types (`email.engaged`): published in packs of one workspace, read back as the events
 * that went in, in order; a pack never mixes workspaces nor grows past its limit.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import {
  type DomainEvent,
  isPacked,
  PACK_LIMIT,
  parseDomainEvent,
  parseDomainEvents,
} from '../../lib/shared/events/catalogue.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { busEntries } from '../../lib/shared/events/publisher.ts';
import { engagedEvent } from '../support/engaged-events.ts';

const bus = { client: new EventBridgeClient({ region: 'us-east-1' }), name: 'ecrm-test' };
const clock = fixedClock('2026-03-01T10:00:00.000Z');
const engaged = (workspaceId: string, i: number) => engagedEvent(workspaceId, i, clock);
const created = (i: number) =>
  domainEvent('contact.created', 'ws_a', { contactId: `c_${i}`, fields: [] }, clock);

const readBack = (entries: ReturnType<typeof busEntries>): DomainEvent[] =>
  entries.flatMap((e) => parseDomainEvents(e.DetailType ?? '', JSON.parse(e.Detail ?? 'null')));

describe('event packs', () => {
  it('packs email.engaged per workspace, up to the limit, and leaves other types one per entry', () => {
    expect(isPacked('email.engaged')).toBe(true);
    expect(isPacked('contact.created')).toBe(false);
    const events = [
      created(0),
      ...Array.from({ length: PACK_LIMIT + 3 }, (_, i) => engaged('ws_a', i)),
      engaged('ws_b', 100),
      created(1),
      engaged('ws_b', 101),
    ];
    const entries = busEntries(bus, events, new Map());
    const shape = entries.map((e) => {
      const detail = JSON.parse(e.Detail ?? 'null');
      return `${e.DetailType} ${detail.workspaceId} ${detail.pack?.length ?? 'single'}`;
    });
    expect(shape).toEqual([
      'contact.created ws_a single',
      `email.engaged ws_a ${PACK_LIMIT}`,
      'email.engaged ws_a 3',
      'email.engaged ws_b 2',
      'contact.created ws_a single',
    ]);
    // Every event comes back whole (id, time, data), a workspace's in the order they were given.
    const back = readBack(entries);
    expect(back).toHaveLength(events.length);
    expect(back.filter((e) => e.workspaceId === 'ws_a' && e.type === 'email.engaged')).toEqual(
      events.filter((e) => e.workspaceId === 'ws_a' && e.type === 'email.engaged'),
    );
    expect(new Set(back.map((e) => e.id))).toEqual(new Set(events.map((e) => e.id)));
  });

  it('keeps a pack inside one 64 KB billing chunk of EventBridge', () => {
    const big = Array.from({ length: PACK_LIMIT }, (_, i) => ({
      ...engaged('ws_a', 1),
      id: `ev_${i}`,
      data: { ...engaged('ws_a', 1).data, link: `https://shop.example/${'x'.repeat(3900)}${i}` },
    }));
    const entries = busEntries(bus, big, new Map());
    expect(entries.length).toBeGreaterThan(1);
    for (const e of entries) expect(Buffer.byteLength(e.Detail ?? '')).toBeLessThanOrEqual(64 * 1024);
    expect(readBack(entries).map((e) => e.id)).toEqual(big.map((e) => e.id));
  });

  it('rejects a packed type sent single, an oversized pack and a bad event inside a pack', () => {
    const one = engaged('ws_a', 0);
    const single = {
      id: one.id,
      version: 1,
      workspaceId: 'ws_a',
      occurredAt: one.occurredAt,
      data: one.data,
    };
    expect(() => parseDomainEvents('email.engaged', single)).toThrow(/pack/);
    const item = { id: one.id, occurredAt: one.occurredAt, data: one.data };
    const pack = (items: unknown[]) => ({ version: 1, workspaceId: 'ws_a', pack: items });
    expect(() => parseDomainEvents('email.engaged', pack(Array(PACK_LIMIT + 1).fill(item)))).toThrow();
    expect(() => parseDomainEvents('email.engaged', pack([]))).toThrow();
    expect(() =>
      parseDomainEvents('email.engaged', pack([item, { ...item, data: { ...one.data, kind: 'sneezed' } }])),
    ).toThrow(/kind/);
    // A single type still reads as itself.
    const c = created(3);
    const detail = { id: c.id, version: 1, workspaceId: 'ws_a', occurredAt: c.occurredAt, data: c.data };
    expect(parseDomainEvents('contact.created', detail)).toEqual([
      parseDomainEvent('contact.created', detail),
    ]);
  });
});
