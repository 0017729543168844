import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import {
  domainEvent,
  OUTBOX_ATTRIBUTE,
  OUTBOX_ON_REMOVE_ATTRIBUTE,
  toItemOutbox,
  toOutbox,
} from '../../lib/shared/events/outbox.ts';
import { eventsToRelay } from '../../lib/shared/events/relay.ts';

const clock = fixedClock('2026-01-01T00:00:00.000Z');
const ev = (fields: string[]) =>
  domainEvent('contact.updated', 'ws_test', { contactId: 'c_1', fields }, clock);

describe('outbox relay', () => {
  it('relays a new outbox entry once per write', () => {
    const first = toOutbox(ev(['email']));
    const second = toOutbox(ev(['tags']));
    const { events } = eventsToRelay([
      { newImage: { [OUTBOX_ATTRIBUTE]: first } },
      { newImage: { [OUTBOX_ATTRIBUTE]: first }, oldImage: { [OUTBOX_ATTRIBUTE]: first } },
      { newImage: { [OUTBOX_ATTRIBUTE]: second }, oldImage: { [OUTBOX_ATTRIBUTE]: first } },
      { newImage: { other: 1 } },
      { oldImage: { [OUTBOX_ATTRIBUTE]: second } },
    ]);
    expect(events.map((e) => e.id)).toEqual([first.id, second.id]);
    expect(events[1]?.data).toEqual({ contactId: 'c_1', fields: ['tags'] });
  });

  it('relays the event an item kept for its removal, from the REMOVE record', () => {
    const gone = toOutbox(ev(['removed']));
    const { events } = eventsToRelay([
      { oldImage: { [OUTBOX_ON_REMOVE_ATTRIBUTE]: gone, [OUTBOX_ATTRIBUTE]: toOutbox(ev(['x'])) } },
      { oldImage: { other: 1 } },
    ]);
    expect(events.map((e) => e.id)).toEqual([gone.id]);
  });

  it('relays events whose data the item holds (memberships): entered from the write, exited from the removal', () => {
    const data = { segmentId: 'sg_1', contactId: 'c_1', ruleVersion: 2 };
    const entered = domainEvent('segment.entered', 'ws_test', data, clock);
    const exited = domainEvent('segment.exited', 'ws_test', data, clock);
    const item = {
      pk: 'W#ws_test#SG#sg_1#0',
      sk: 'C#c_1',
      type: 'membership',
      v: 1,
      ...data,
      enteredAt: clock.now().toISOString(),
      [OUTBOX_ATTRIBUTE]: toItemOutbox(entered),
      [OUTBOX_ON_REMOVE_ATTRIBUTE]: toItemOutbox(exited, { removal: true }),
    };
    const { events, rejected } = eventsToRelay([
      { newImage: item },
      { oldImage: item, at: '2026-02-01T00:00:00.000Z' },
    ]);
    expect(rejected).toEqual([]);
    expect(events).toEqual([
      { ...entered, data },
      { ...exited, occurredAt: '2026-02-01T00:00:00.000Z', data },
    ]);
    // What the membership keeps for its two events: a few dozen bytes each, not a copy of its data.
    const full = JSON.stringify(toOutbox(entered)).length;
    expect(JSON.stringify(item[OUTBOX_ATTRIBUTE]).length).toBeLessThan(full * 0.6);
    expect(JSON.stringify(item[OUTBOX_ON_REMOVE_ATTRIBUTE]).length).toBeLessThan(full * 0.6);
  });

  it('reports entries that break the catalogue instead of publishing them', () => {
    const bad = {
      ...toOutbox(ev(['email'])),
      detail: { id: 'x', version: 1, workspaceId: 'ws', occurredAt: 'now', data: {} },
    };
    const { events, rejected } = eventsToRelay([{ newImage: { [OUTBOX_ATTRIBUTE]: bad } }]);
    expect(events).toHaveLength(0);
    expect(rejected[0]?.index).toBe(0);
  });

  it('refuses to build an event whose data breaks its schema', () => {
    // Data from outside the type system (fields must be a list of strings).
    const data = JSON.parse('{"contactId":"c_1","fields":"email"}');
    expect(() => domainEvent('contact.updated', 'ws', data, clock)).toThrow();
  });
});
