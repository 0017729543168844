import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalogue/functions.ts';
import { CONTACT_CHANGES } from '../../lib/segments/contact-changes.ts';
import { parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { meaningOf, typesIn } from '../../lib/shared/events/meanings.ts';

/** A catalogue-valid event, as the bus delivers it. */
const event = (type: string, data: unknown) =>
  parseDomainEvent(type, {
    id: 'ev_1',
    version: 1,
    workspaceId: 'ws_1',
    occurredAt: '2026-06-01T00:00:00Z',
    data,
  });

const meaning = (type: string, data: unknown) => meaningOf(CONTACT_CHANGES, event(type, data));

describe('what bus events change for segment membership', () => {
  it('reads the changed fields of profile, consent, identity, score and stage events', () => {
    expect(meaning('contact.updated', { contactId: 'c1', fields: ['tags', 'attributes'] })).toEqual({
      contactId: 'c1',
      change: { kind: 'fields', fields: ['tags', 'attributes'] },
    });
    expect(
      meaning('contact.consent.changed', {
        contactId: 'c1',
        channel: 'email',
        status: 'subscribed',
        source: 'form',
      }),
    ).toEqual({ contactId: 'c1', change: { kind: 'fields', fields: ['consent'] } });
    expect(
      meaning('contact.identified', { contactId: 'c1', anonymousId: 'a1', eventsMoved: 3 })?.change,
    ).toEqual({
      kind: 'fields',
      fields: ['activity', 'anonymousIds'],
    });
    expect(
      meaning('score.changed', { contactId: 'c1', score: 5, previousScore: 0, delta: 5, reasons: [] })
        ?.change,
    ).toEqual({ kind: 'fields', fields: ['score'] });
    expect(meaning('stage.changed', { contactId: 'c1', to: 'lead', by: 'threshold' })?.change).toEqual({
      kind: 'fields',
      fields: ['stage'],
    });
  });

  it('reads creation, erasure and a known contact’s event; an anonymous visitor’s event changes no contact', () => {
    expect(meaning('contact.created', { contactId: 'c1', fields: ['email'] })).toEqual({
      contactId: 'c1',
      change: { kind: 'created' },
    });
    expect(meaning('contact.erased', { contactId: 'c1', itemsDeleted: 4 })?.change).toEqual({
      kind: 'erased',
    });
    const recorded = { eventId: 'e1', name: 'signed_up', kind: 'track', occurredAt: '2026-06-01T00:00:00Z' };
    expect(meaning('event.recorded', { ...recorded, contactId: 'c1', properties: {} })).toEqual({
      contactId: 'c1',
      change: { kind: 'event', name: 'signed_up' },
    });
    expect(meaning('event.recorded', { ...recorded, anonymousId: 'a1', properties: {} })).toBeUndefined();
  });

  it('re-evaluates engagement on an email outcome, suppression and consent on a suppression', () => {
    expect(
      meaning('email.engaged', {
        contactId: 'c1',
        messageId: 'm_01',
        kind: 'opened',
        at: '2026-06-01T00:00:00.000Z',
        origin: 'campaign',
      }),
    ).toEqual({ contactId: 'c1', change: { kind: 'engagement' } });
    expect(meaning('contact.suppressed', { contactId: 'c1', reason: 'complained' })).toEqual({
      contactId: 'c1',
      change: { kind: 'fields', fields: ['suppression', 'consent'] },
    });
  });

  it('means nothing for an event type outside the table', () => {
    expect(meaning('segment.import.requested', { segmentId: 's1', importId: 'i1' })).toBeUndefined();
  });

  it("is what the function's bus rule listens to", () => {
    const fn = functions.find((f) => f.name === 'evaluate-segments');
    expect(fn?.trigger).toMatchObject({
      kind: 'event',
      pattern: { 'detail-type': typesIn(CONTACT_CHANGES) },
    });
    expect(typesIn(CONTACT_CHANGES)).toHaveLength(10);
  });
});
