import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../lib/conditions/condition.schema.ts';
import { evaluate, MAX_CANDIDATES, nextChange } from '../../lib/conditions/evaluate.ts';
import type { Subject } from '../../lib/conditions/subject.ts';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const contact = (over: Partial<Contact> = {}): Contact => ({
  ...emptyContact('ws_test', 'c_test', 'api', '2026-01-01T00:00:00.000Z'),
  ...over,
});

/** nextChange at NOW, checked: the result flips at the instant returned and not one ms before. */
const flipAt = (doc: unknown, subject: Subject, now = NOW): number | undefined => {
  const condition = parseCondition(doc);
  const at = nextChange(condition, subject, { now: new Date(now) });
  if (at === undefined) return undefined;
  const t = at.getTime();
  const before = evaluate(condition, subject, { now: new Date(now) });
  expect(evaluate(condition, subject, { now: new Date(t - 1) })).toBe(before);
  expect(evaluate(condition, subject, { now: new Date(t) })).toBe(!before);
  return t;
};

describe('nextChange', () => {
  it('an attribute date leaves "within 30 days" one ms after exactly 30 days', () => {
    const t = NOW - 10 * DAY;
    const subject = { contact: contact({ attributes: { lastLoginAt: iso(t) } }) };
    expect(
      flipAt({ type: 'attribute', field: 'attributes.lastLoginAt', op: 'withinLastDays', days: 30 }, subject),
    ).toBe(t + 30 * DAY + 1);
    expect(
      flipAt({ type: 'attribute', field: 'attributes.lastLoginAt', op: 'olderThanDays', days: 30 }, subject),
    ).toBe(t + 30 * DAY + 1);
  });

  it('a future date enters the window when it comes', () => {
    const t = NOW + 2 * DAY;
    const subject = { contact: contact({ attributes: { renewsAt: iso(t) } }) };
    expect(
      flipAt({ type: 'attribute', field: 'attributes.renewsAt', op: 'withinLastDays', days: 7 }, subject),
    ).toBe(t);
  });

  it('"active in the last 30 days" (roll-up) ends on day 31 with no new event', () => {
    const last = NOW - 5 * DAY;
    const subject = {
      contact: contact({ activity: { eventCount: 1, byName: { visit: { count: 1, lastAt: iso(last) } } } }),
    };
    expect(flipAt({ type: 'event', name: 'visit', op: 'did', withinLastDays: 30 }, subject)).toBe(
      last + 30 * DAY + 1,
    );
  });

  it('"no order in 90 days" starts to hold when the 90 days pass', () => {
    const last = NOW - 10 * DAY;
    const subject = {
      contact: contact({
        purchases: { orderCount: 1, lastOrderAt: iso(last), totals: {}, products: [], categories: [] },
      }),
    };
    expect(
      flipAt({ type: 'purchases', metric: 'lastOrderAt', op: 'notWithinLastDays', days: 90 }, subject),
    ).toBe(last + 90 * DAY + 1);
  });

  it('skips instants at which the count changes but the result does not', () => {
    const times = [NOW - 5 * DAY, NOW - 80 * DAY, NOW - 85 * DAY];
    const subject = {
      contact: contact(),
      events: times.map((t) => ({ name: 'order.placed', occurredAt: iso(t), properties: {} })),
    };
    // 3 orders in 90 days: the one at -85 d leaves first (count 2, still true), then -80 d (count 1).
    expect(
      flipAt({ type: 'event', name: 'order.placed', op: 'did', atLeast: 2, withinLastDays: 90 }, subject),
    ).toBe(NOW + 10 * DAY + 1);
  });

  it('engagement windows expire too', () => {
    const opened = NOW - DAY;
    const subject = { contact: contact(), engagement: [{ kind: 'opened' as const, at: iso(opened) }] };
    expect(flipAt({ type: 'engagement', kind: 'opened', op: 'didNot', withinLastDays: 14 }, subject)).toBe(
      opened + 14 * DAY + 1,
    );
  });

  it('sees through groups and negation, and answers undefined when time cannot flip the result', () => {
    const t = NOW - 10 * DAY;
    const subject = { contact: contact({ tags: ['vip'], attributes: { seenAt: iso(t) } }) };
    const recent = { type: 'attribute', field: 'attributes.seenAt', op: 'withinLastDays', days: 30 };
    expect(flipAt({ type: 'not', condition: recent }, subject)).toBe(t + 30 * DAY + 1);
    expect(
      flipAt({ type: 'all', conditions: [{ type: 'tag', op: 'has', value: 'vip' }, recent] }, subject),
    ).toBe(t + 30 * DAY + 1);
    // Held true by the tag whatever the window does.
    expect(
      flipAt({ type: 'any', conditions: [{ type: 'tag', op: 'has', value: 'vip' }, recent] }, subject),
    ).toBeUndefined();
    expect(flipAt({ type: 'tag', op: 'has', value: 'vip' }, subject)).toBeUndefined();
    // Already out of the window for good.
    expect(flipAt(recent, subject, NOW + 40 * DAY)).toBeUndefined();
    // Absolute dates never move.
    expect(
      flipAt({ type: 'attribute', field: 'attributes.seenAt', op: 'before', value: '2030-01-01' }, subject),
    ).toBeUndefined();
  });

  it('drives a scheduler: each re-check lands exactly on a flip until none is left', () => {
    const condition = parseCondition({
      type: 'all',
      conditions: [
        { type: 'attribute', field: 'attributes.trialStartedAt', op: 'withinLastDays', days: 14 },
        { type: 'event', name: 'visit', op: 'didNot', withinLastDays: 3 },
      ],
    });
    const subject = {
      contact: contact({
        attributes: { trialStartedAt: iso(NOW - 2 * DAY) },
        activity: { eventCount: 1, byName: { visit: { count: 1, lastAt: iso(NOW - DAY) } } },
      }),
    };
    const seen: [number, boolean][] = [];
    let now = NOW;
    for (let i = 0; i < 10; i++) {
      const at = nextChange(condition, subject, { now: new Date(now) });
      if (!at) break;
      now = at.getTime();
      seen.push([now, evaluate(condition, subject, { now: at })]);
    }
    expect(seen).toEqual([
      [NOW + 2 * DAY + 1, true],
      [NOW + 12 * DAY + 1, false],
    ]);
  });

  it('stays conservative past its candidate budget: earlier than the flip, never later', () => {
    const events = Array.from({ length: MAX_CANDIDATES + 50 }, (_, i) => ({
      name: 'visit',
      occurredAt: iso(NOW - (i + 1) * 60_000),
      properties: {},
    }));
    const condition = parseCondition({
      type: 'event',
      name: 'visit',
      op: 'did',
      atLeast: 1,
      where: [{ path: 'properties.x', op: 'notExists' }],
      withinLastDays: 1,
    });
    const subject = { contact: contact(), events };
    const at = nextChange(condition, subject, { now: new Date(NOW) });
    const flip = NOW - 60_000 + DAY + 1;
    expect(at).toBeDefined();
    expect(at?.getTime()).toBeGreaterThan(NOW);
    expect(at?.getTime()).toBeLessThanOrEqual(flip);
    expect(evaluate(condition, subject, { now: new Date(flip - 1) })).toBe(true);
    expect(evaluate(condition, subject, { now: new Date(flip) })).toBe(false);
  });
});
