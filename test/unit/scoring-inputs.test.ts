import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalogue/functions.ts';
import { SCORE_INPUTS } from '../../lib/scoring/score-inputs.ts';
import { parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { meaningOf, typesIn } from '../../lib/shared/events/meanings.ts';

/** A catalogue-valid event, as the bus delivers it. */
const event = (type: string, data: unknown) =>
  parseDomainEvent(type, {
    id: 'ev_1',
    version: 1,
    workspaceId: 'ws_1',
    occurredAt: '2026-06-01T10:00:00Z',
    data,
  });

const meaning = (type: string, data: unknown) => meaningOf(SCORE_INPUTS, event(type, data));

describe('what bus events score', () => {
  it("scores a known contact's recorded event under the event's own id", () => {
    const data = {
      eventId: 'evt-1',
      name: 'Viewed Page',
      kind: 'track',
      occurredAt: '2026-05-31T09:00:00Z',
      properties: { path: '/pricing' },
    };

    expect(meaning('event.recorded', { ...data, contactId: 'c1' })).toEqual({
      contactId: 'c1',
      input: {
        kind: 'event',
        id: 'evt-1',
        event: { name: 'Viewed Page', occurredAt: '2026-05-31T09:00:00Z', properties: { path: '/pricing' } },
      },
    });
    expect(meaning('event.recorded', { ...data, anonymousId: 'a1' })).toBeUndefined();
  });

  it('scores an order once per storefront order, whatever event id carried it', () => {
    const order = { contactId: 'c1', connectionId: 'conn1', orderId: '42', status: 'paid', total: 1999 };

    const scored = meaning('order.placed', { ...order, currency: 'EUR' });

    expect(scored).toEqual({
      contactId: 'c1',
      input: {
        kind: 'event',
        id: 'order:conn1:42',
        event: {
          name: 'order.placed',
          occurredAt: '2026-06-01T10:00:00Z',
          properties: { total: 1999, currency: 'EUR' },
        },
      },
    });
  });

  it('re-checks fit rules on profile changes and ignores what scoring does not read', () => {
    expect(meaning('contact.created', { contactId: 'c1', fields: [] })).toEqual({
      contactId: 'c1',
      input: { kind: 'fit' },
    });
    expect(meaning('contact.updated', { contactId: 'c1', fields: ['attributes'] })?.input).toEqual({
      kind: 'fit',
    });
    expect(meaning('stage.changed', { contactId: 'c1', to: 'lead', by: 'threshold' })).toBeUndefined();
  });

  it('scores an email outcome as an `email.<kind>` event, once per message and kind', () => {
    expect(
      meaning('email.engaged', {
        contactId: 'c1',
        messageId: 'm_01',
        kind: 'clicked',
        at: '2026-06-01T00:00:00.000Z',
        origin: 'campaign',
        originId: 'cmp_1',
        link: 'https://shop.example/sale',
      }),
    ).toEqual({
      contactId: 'c1',
      input: {
        kind: 'event',
        id: 'email:m_01:clicked',
        event: {
          name: 'email.clicked',
          occurredAt: '2026-06-01T00:00:00.000Z',
          properties: { origin: 'campaign', originId: 'cmp_1', link: 'https://shop.example/sale' },
        },
      },
    });
  });

  it("is what the function's bus rule listens to", () => {
    const fn = functions.find((f) => f.name === 'score-contact');
    expect(fn?.trigger).toMatchObject({ kind: 'event', pattern: { 'detail-type': typesIn(SCORE_INPUTS) } });
    expect(typesIn(SCORE_INPUTS).sort()).toEqual([
      'contact.created',
      'contact.updated',
      'email.engaged',
      'event.recorded',
      'order.placed',
    ]);
  });
});
