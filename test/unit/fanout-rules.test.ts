/**
 * The rules of the two optional bus consumers, matched by the local bus's own EventBridge matcher (the
 * CDK rules get the same patterns from the catalogue), on entries as the publisher builds them: an
 * entry reaches `deliver-webhooks` only when its workspace's marker says `hooks`, `journey-events` only
 * when it says `journeys`; a replayed event (EventBridge's top-level `replay-name`) reaches both
 * whatever its marker, and an entry with no marker (published before the marker existed) too.
 */
import { EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { functions } from '../../infra/catalogue/functions.ts';
import type { EventPattern } from '../../infra/catalogue/types.ts';
import { matchesPattern, validateEventPattern } from '../../infra/local/event-pattern.ts';
import { fixedClock } from '../../lib/shared/clock.ts';
import type { DomainEvent } from '../../lib/shared/events/catalogue.ts';
import type { Fanout } from '../../lib/shared/events/fanout.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { busEntries } from '../../lib/shared/events/publisher.ts';

const bus = { client: new EventBridgeClient({ region: 'us-east-1' }), name: 'ecrm-test' };
const clock = fixedClock('2026-11-30T10:00:00.000Z');
const WS = 'ws_fanout';

const ruleOf = (name: string): EventPattern => {
  const trigger = functions.find((f) => f.name === name)?.trigger;
  if (trigger?.kind === 'event') return trigger.pattern;
  if (trigger?.kind === 'queue' && trigger.busRule) return trigger.busRule;
  throw new Error(`${name} has no bus rule`);
};
const hooksRule = ruleOf('deliver-webhooks');
const journeysRule = ruleOf('journey-events');

/** The event a rule sees for a PutEvents entry (EventBridge's envelope around the entry's detail). */
const onTheBus = (entry: PutEventsRequestEntry, extra: Record<string, unknown> = {}) => ({
  version: '0',
  id: 'f3f0a9e2-0000-4000-8000-000000000000',
  'detail-type': entry.DetailType,
  source: entry.Source,
  account: '123456789012',
  time: '2026-11-30T10:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: JSON.parse(entry.Detail ?? '{}'),
  ...extra,
});

const orderPlaced = domainEvent(
  'order.placed',
  WS,
  { contactId: 'c_1', connectionId: 'cn_1', orderId: 'o_1', status: 'paid', total: 1000, currency: 'EUR' },
  clock,
);
const engaged = domainEvent(
  'email.engaged',
  WS,
  {
    contactId: 'c_1',
    messageId: 'm_1',
    kind: 'opened',
    at: '2026-11-30T09:59:00.000Z',
    origin: 'campaign',
    originId: 'cmp_1',
  },
  clock,
);

const entry = (event: DomainEvent, fanout: Fanout) => {
  const [one] = busEntries(bus, [event], new Map([[WS, fanout]]));
  if (!one) throw new Error('no entry');
  return one;
};
const NONE: Fanout = { hooks: false, journeys: false };
const HOOKS: Fanout = { hooks: true, journeys: false };
const JOURNEYS: Fanout = { hooks: false, journeys: true };

describe('the optional consumers’ bus rules', () => {
  it('are valid EventBridge patterns', () => {
    expect(() => validateEventPattern(hooksRule)).not.toThrow();
    expect(() => validateEventPattern(journeysRule)).not.toThrow();
  });

  it('feed deliver-webhooks only the entries whose marker says hooks (single events and packs)', () => {
    for (const event of [orderPlaced, engaged]) {
      expect(matchesPattern(hooksRule, onTheBus(entry(event, HOOKS)))).toBe(true);
      expect(matchesPattern(hooksRule, onTheBus(entry(event, NONE)))).toBe(false);
      expect(matchesPattern(hooksRule, onTheBus(entry(event, JOURNEYS)))).toBe(false);
    }
  });

  it('feed journey-events only the entries whose marker says journeys', () => {
    expect(matchesPattern(journeysRule, onTheBus(entry(orderPlaced, JOURNEYS)))).toBe(true);
    expect(matchesPattern(journeysRule, onTheBus(entry(orderPlaced, NONE)))).toBe(false);
    expect(matchesPattern(journeysRule, onTheBus(entry(orderPlaced, HOOKS)))).toBe(false);
  });

  it('let a replayed event through whatever its marker (StartReplay to a new endpoint)', () => {
    const replayed = { 'replay-name': 'orders-to-erp-1' };
    expect(matchesPattern(hooksRule, onTheBus(entry(orderPlaced, NONE), replayed))).toBe(true);
    expect(matchesPattern(hooksRule, onTheBus(entry(engaged, NONE), replayed))).toBe(true);
    expect(matchesPattern(journeysRule, onTheBus(entry(orderPlaced, NONE), replayed))).toBe(true);
  });

  it('let an entry without a marker through (published before the marker existed)', () => {
    const bare = entry(orderPlaced, NONE);
    const { fanout: _, ...detail } = JSON.parse(bare.Detail ?? '{}');
    const unmarked = { ...bare, Detail: JSON.stringify(detail) };
    expect(matchesPattern(hooksRule, onTheBus(unmarked))).toBe(true);
    expect(matchesPattern(journeysRule, onTheBus(unmarked))).toBe(true);
  });

  it('still select by type: a type the consumer does not take never passes, marker or replay', () => {
    const timer = domainEvent('timer.near', WS, { key: 't', due: clock.now().toISOString() }, clock);
    const e = entry(timer, { hooks: true, journeys: true });
    expect(matchesPattern(hooksRule, onTheBus(e))).toBe(false);
    expect(matchesPattern(journeysRule, onTheBus(e, { 'replay-name': 'r' }))).toBe(false);
  });
});
