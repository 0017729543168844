/**
 * The bus rules of the two `contact.consent.changed` consumers, matched by the local bus's own
 * EventBridge matcher (the CDK rule gets the same pattern from the catalogue): each rule lets through
 * every change its handler acts on, and none of those it ignores for what the event says.
 */
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalogue/functions.ts';
import { matchesPattern, validateEventPattern } from '../../infra/local/event-pattern.ts';
import {
  recordUnsubscribe,
  UNSUBSCRIBE_THROUGH_MESSAGE_PATTERN,
} from '../../lib/email/feedback/record-unsubscribe.ts';
import { newMessageId } from '../../lib/email/message.schema.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import { type DomainEvent, EVENT_SOURCE, type EventData } from '../../lib/shared/events/catalogue.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import {
  CONFIRMATION_REQUEST_PATTERN,
  requestConfirmation,
} from '../../lib/subscriptions/request-confirmation.ts';
import { subscribedContact } from '../support/email-fakes.ts';

const clock = fixedClock('2026-11-01T10:00:00.000Z');
const messageId = newMessageId(clock.now());
const contactId = 'c_01jc0000000000000000000000';

type Change = EventData<'contact.consent.changed'>;
const base = { contactId, channel: 'email' };

/** The consent changes the code publishes (subscriptions, contacts API, feedback loop), by name. */
const CHANGES: Record<string, Change> = {
  'double opt-in subscribe (asks for a confirmation)': {
    ...base,
    status: 'pending',
    source: 'form',
    confirmationMessageId: messageId,
  },
  'one-click unsubscribe through a message': {
    ...base,
    status: 'unsubscribed',
    source: 'one-click',
    messageId,
  },
  'preference centre: unsubscribe from all through a message': {
    ...base,
    status: 'unsubscribed',
    source: 'preference-centre',
    messageId,
  },
  'preference centre: a topic, still subscribed': {
    ...base,
    status: 'subscribed',
    source: 'preference-centre',
    topics: { offers: 'unsubscribed' },
    messageId,
  },
  'unsubscribe through a link without a message (a preview)': {
    ...base,
    status: 'unsubscribed',
    source: 'one-click',
  },
  'confirmed double opt-in': { ...base, status: 'subscribed', source: 'double-opt-in (form)' },
  'subscribe without double opt-in': { ...base, status: 'subscribed', source: 'form' },
  'consent set by the API': { ...base, status: 'subscribed', source: 'crm import' },
  'complaint withdraws consent': { ...base, status: 'unsubscribed', source: 'complaint' },
  'another channel unsubscribed with a message id': {
    ...base,
    channel: 'sms',
    status: 'unsubscribed',
    source: 'one-click',
    messageId,
  },
};

/** The event as the bus carries it (the publisher's entry: source, detail-type, detail). */
const onTheBus = (event: DomainEvent<'contact.consent.changed'>) => ({
  version: '0',
  id: 'f3f0a9e2-0000-4000-8000-000000000000',
  source: EVENT_SOURCE,
  'detail-type': event.type,
  account: '123456789012',
  time: event.occurredAt,
  region: 'eu-west-1',
  resources: [],
  detail: {
    id: event.id,
    version: event.version,
    workspaceId: event.workspaceId,
    occurredAt: event.occurredAt,
    data: event.data,
  },
});

const events = Object.entries(CHANGES).map(([name, data]) => ({
  name,
  event: domainEvent('contact.consent.changed', 'ws_rules_test', data, clock),
}));

/** What each handler does with an event, with ports that would let it act. */
const unsubscribeActs = async (event: DomainEvent<'contact.consent.changed'>) =>
  (await recordUnsubscribe(event, {
    messages: { markUnsubscribed: async () => ({ origin: 'campaign', originId: 'cmp_1' }) },
    counters: { addToOrigin: async () => {} },
  })) !== 'ignored';

const confirmationActs = async (event: DomainEvent<'contact.consent.changed'>) => {
  const pending = subscribedContact('ws_rules_test', contactId, {
    consent: { email: { status: 'pending', source: 'form', at: clock.now().toISOString() } },
  });
  const outcome = await requestConfirmation(event, {
    contacts: { get: async () => pending },
    clock,
    linkKey: async () => ({ kid: 'key1', secret: Buffer.alloc(32, 7) }),
    publicUrl: 'https://ecrm.example',
    confirmations: { send: async () => {} },
  });
  return outcome !== 'none';
};

const rules = [
  {
    fn: 'record-unsubscribe',
    pattern: UNSUBSCRIBE_THROUGH_MESSAGE_PATTERN,
    acts: unsubscribeActs,
    takes: [
      'one-click unsubscribe through a message',
      'preference centre: unsubscribe from all through a message',
    ],
  },
  {
    fn: 'send-confirmation',
    pattern: CONFIRMATION_REQUEST_PATTERN,
    acts: confirmationActs,
    takes: ['double opt-in subscribe (asks for a confirmation)'],
  },
];

describe('contact.consent.changed rules', () => {
  for (const rule of rules) {
    it(`${rule.fn}: the catalogue's rule is the pattern, valid for EventBridge`, () => {
      const spec = functions.find((f) => f.name === rule.fn);
      expect(spec?.trigger).toEqual({ kind: 'event', pattern: rule.pattern });
      expect(() => validateEventPattern(rule.pattern)).not.toThrow();
    });

    it(`${rule.fn}: matches exactly the changes its handler acts on`, async () => {
      const matched: string[] = [];
      for (const { name, event } of events) {
        const matches = matchesPattern(rule.pattern, onTheBus(event));
        expect(matches, name).toBe(await rule.acts(event));
        if (matches) matched.push(name);
      }
      expect(matched).toEqual(rule.takes);
    });
  }

  it('no other event type, nor another source, reaches them', () => {
    for (const { event } of events)
      for (const rule of rules) {
        expect(matchesPattern(rule.pattern, { ...onTheBus(event), 'detail-type': 'contact.updated' })).toBe(
          false,
        );
        expect(matchesPattern(rule.pattern, { ...onTheBus(event), source: 'not-ecrm' })).toBe(false);
      }
  });
});
