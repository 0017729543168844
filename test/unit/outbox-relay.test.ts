import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import {
  domainEvent,
  OUTBOX_ATTRIBUTE,
  OUTBOX_ON_REMOVE_ATTRIBUTE,
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
