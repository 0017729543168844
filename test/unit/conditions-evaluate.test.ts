import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../lib/conditions/condition.schema.ts';
import { compile, evaluate } from '../../lib/conditions/evaluate.ts';
import type { EngagementInput, EventInput, Subject } from '../../lib/conditions/subject.ts';
import type { AttributeValue, Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-15T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const contact = (over: Partial<Contact> = {}): Contact => ({
  ...emptyContact('ws_test', 'c_test', 'api', '2026-01-01T00:00:00.000Z'),
  ...over,
});

interface Case {
  readonly contact?: Contact;
  readonly events?: readonly EventInput[];
  readonly engagement?: readonly EngagementInput[];
  readonly score?: number;
  readonly stage?: string;
  readonly now?: number;
  readonly stages?: readonly string[];
}

const check = (doc: unknown, c: Case = {}): boolean => {
  const subject: Subject = {
    contact: c.contact ?? contact(),
    ...(c.events ? { events: c.events } : {}),
    ...(c.engagement ? { engagement: c.engagement } : {}),
    ...(c.score !== undefined ? { score: c.score } : {}),
    ...(c.stage !== undefined ? { stage: c.stage } : {}),
  };
  return evaluate(parseCondition(doc), subject, {
    now: new Date(c.now ?? NOW),
    ...(c.stages ? { stages: c.stages } : {}),
  });
};

/** The predicate on custom attribute `x` holding `value` (undefined: no such attribute). */
const attr = (value: AttributeValue | undefined, predicate: Record<string, unknown>): boolean =>
  check(
    { type: 'attribute', field: 'attributes.x', ...predicate },
    { contact: contact({ attributes: value === undefined ? {} : { x: value } }) },
  );

describe('attribute operators', () => {
  it('equals / notEquals: exact, no coercion, case-insensitive on request, any item of a list', () => {
    expect(attr('ES', { op: 'equals', value: 'ES' })).toBe(true);
    expect(attr('es', { op: 'equals', value: 'ES' })).toBe(false);
    expect(attr('es', { op: 'equals', value: 'ES', caseInsensitive: true })).toBe(true);
    expect(attr(30, { op: 'equals', value: 30 })).toBe(true);
    expect(attr('30', { op: 'equals', value: 30 })).toBe(false);
    expect(attr(true, { op: 'equals', value: true })).toBe(true);
    expect(attr(['a', 'b'], { op: 'equals', value: 'b' })).toBe(true);
    expect(attr(undefined, { op: 'equals', value: 'ES' })).toBe(false);
    expect(attr('ES', { op: 'notEquals', value: 'FR' })).toBe(true);
    expect(attr('ES', { op: 'notEquals', value: 'ES' })).toBe(false);
    expect(attr('es', { op: 'notEquals', value: 'ES', caseInsensitive: true })).toBe(false);
    expect(attr(undefined, { op: 'notEquals', value: 'ES' })).toBe(true);
  });

  it('in / notIn', () => {
    expect(attr('ES', { op: 'in', value: ['ES', 'PT'] })).toBe(true);
    expect(attr('FR', { op: 'in', value: ['ES', 'PT'] })).toBe(false);
    expect(attr('pt', { op: 'in', value: ['ES', 'PT'], caseInsensitive: true })).toBe(true);
    expect(attr(2, { op: 'in', value: ['pro', 2] })).toBe(true);
    expect(attr(['x', 'PT'], { op: 'in', value: ['ES', 'PT'] })).toBe(true);
    expect(attr(undefined, { op: 'in', value: ['ES'] })).toBe(false);
    expect(attr('FR', { op: 'notIn', value: ['ES', 'PT'] })).toBe(true);
    expect(attr('ES', { op: 'notIn', value: ['ES', 'PT'] })).toBe(false);
    expect(attr(undefined, { op: 'notIn', value: ['ES'] })).toBe(true);
  });

  it('contains: substring of a string, member of a list', () => {
    expect(attr('hello world', { op: 'contains', value: 'lo w' })).toBe(true);
    expect(attr('HELLO', { op: 'contains', value: 'ell' })).toBe(false);
    expect(attr('HELLO', { op: 'contains', value: 'ell', caseInsensitive: true })).toBe(true);
    expect(attr(['a', 'bc'], { op: 'contains', value: 'b' })).toBe(false);
    expect(attr(['a', 'bc'], { op: 'contains', value: 'bc' })).toBe(true);
    expect(attr(['a', 'BC'], { op: 'contains', value: 'bc', caseInsensitive: true })).toBe(true);
    expect(attr(123, { op: 'contains', value: '2' })).toBe(false);
  });

  it('startsWith / endsWith', () => {
    expect(attr('ana@example.com', { op: 'endsWith', value: '@example.com' })).toBe(true);
    expect(attr('ana@Example.COM', { op: 'endsWith', value: '@example.com' })).toBe(false);
    expect(attr('ana@Example.COM', { op: 'endsWith', value: '@example.com', caseInsensitive: true })).toBe(
      true,
    );
    expect(attr('Madrid', { op: 'startsWith', value: 'Mad' })).toBe(true);
    expect(attr('Madrid', { op: 'startsWith', value: 'rid' })).toBe(false);
    expect(attr(['x', 'Madrid'], { op: 'startsWith', value: 'Mad' })).toBe(true);
  });

  it('gt / gte / lt / lte on numbers', () => {
    expect(attr(5, { op: 'gt', value: 4 })).toBe(true);
    expect(attr(4, { op: 'gt', value: 4 })).toBe(false);
    expect(attr(4, { op: 'gte', value: 4 })).toBe(true);
    expect(attr(3.9, { op: 'gte', value: 4 })).toBe(false);
    expect(attr(3, { op: 'lt', value: 4 })).toBe(true);
    expect(attr(4, { op: 'lt', value: 4 })).toBe(false);
    expect(attr(4, { op: 'lte', value: 4 })).toBe(true);
    expect(attr('5', { op: 'gt', value: 4 })).toBe(false);
    expect(attr(undefined, { op: 'lt', value: 4 })).toBe(false);
  });

  it('gt / gte / lt / lte / before / after on dates', () => {
    expect(attr('2026-03-01', { op: 'gt', value: '2026-02-01' })).toBe(true);
    expect(attr('2026-02-01T00:00:00Z', { op: 'gt', value: '2026-02-01' })).toBe(false);
    expect(attr('2026-02-01T00:00:00Z', { op: 'gte', value: '2026-02-01' })).toBe(true);
    expect(attr('2026-01-31T23:59:59.999Z', { op: 'lt', value: '2026-02-01' })).toBe(true);
    expect(attr('2026-02-01T01:00:00+01:00', { op: 'lte', value: '2026-02-01' })).toBe(true);
    expect(attr('2026-01-31', { op: 'before', value: '2026-02-01' })).toBe(true);
    expect(attr('2026-02-01', { op: 'before', value: '2026-02-01' })).toBe(false);
    expect(attr('2026-02-02', { op: 'after', value: '2026-02-01' })).toBe(true);
    expect(attr('not a date', { op: 'after', value: '2026-02-01' })).toBe(false);
    expect(attr(1_900_000_000_000, { op: 'after', value: '2026-02-01' })).toBe(false);
  });

  it('withinLastDays at its edges: exactly N days in, one ms older out, future out', () => {
    const within = (t: number) => attr(iso(t), { op: 'withinLastDays', days: 30 });
    expect(within(NOW - 30 * DAY)).toBe(true);
    expect(within(NOW - 30 * DAY - 1)).toBe(false);
    expect(within(NOW - 30 * DAY + 1)).toBe(true);
    expect(within(NOW)).toBe(true);
    expect(within(NOW + 1)).toBe(false);
    expect(attr(undefined, { op: 'withinLastDays', days: 30 })).toBe(false);
    expect(attr(iso(NOW), { op: 'withinLastDays', days: 0 })).toBe(true);
    expect(attr(iso(NOW - 1), { op: 'withinLastDays', days: 0 })).toBe(false);
  });

  it('notWithinLastDays is the negation (holds without a date); olderThanDays needs a date', () => {
    const notWithin = (t: number | undefined) =>
      attr(t === undefined ? undefined : iso(t), { op: 'notWithinLastDays', days: 30 });
    expect(notWithin(NOW - 30 * DAY)).toBe(false);
    expect(notWithin(NOW - 30 * DAY - 1)).toBe(true);
    expect(notWithin(undefined)).toBe(true);
    const older = (t: number | undefined) =>
      attr(t === undefined ? undefined : iso(t), { op: 'olderThanDays', days: 30 });
    expect(older(NOW - 30 * DAY)).toBe(false);
    expect(older(NOW - 30 * DAY - 1)).toBe(true);
    expect(older(NOW + DAY)).toBe(false);
    expect(older(undefined)).toBe(false);
  });

  it('reads dates without a zone as UTC', () => {
    expect(attr('2026-06-15T12:00:00', { op: 'withinLastDays', days: 0 })).toBe(true);
  });

  it('exists / notExists: empty strings and lists are no value', () => {
    expect(attr('x', { op: 'exists' })).toBe(true);
    expect(attr(0, { op: 'exists' })).toBe(true);
    expect(attr(false, { op: 'exists' })).toBe(true);
    expect(attr('', { op: 'exists' })).toBe(false);
    expect(attr([], { op: 'exists' })).toBe(false);
    expect(attr(undefined, { op: 'exists' })).toBe(false);
    expect(attr(undefined, { op: 'notExists' })).toBe(true);
    expect(attr('x', { op: 'notExists' })).toBe(false);
  });

  it('reads contact fields, and only own attributes', () => {
    const c = contact({ email: 'ana@shop.es', firstName: 'Ana', locale: 'es-ES', attributes: {} });
    expect(check({ type: 'attribute', field: 'email', op: 'endsWith', value: '.es' }, { contact: c })).toBe(
      true,
    );
    expect(
      check(
        { type: 'attribute', field: 'firstName', op: 'equals', value: 'ANA', caseInsensitive: true },
        { contact: c },
      ),
    ).toBe(true);
    expect(
      check({ type: 'attribute', field: 'locale', op: 'in', value: ['es-ES', 'es-MX'] }, { contact: c }),
    ).toBe(true);
    expect(check({ type: 'attribute', field: 'phone', op: 'notExists' }, { contact: c })).toBe(true);
    expect(check({ type: 'attribute', field: 'source', op: 'equals', value: 'api' }, { contact: c })).toBe(
      true,
    );
    expect(
      check({ type: 'attribute', field: 'createdAt', op: 'olderThanDays', days: 100 }, { contact: c }),
    ).toBe(true);
    expect(check({ type: 'attribute', field: 'attributes.constructor', op: 'exists' }, { contact: c })).toBe(
      false,
    );
  });
});

describe('tags, consent, suppression, stage and score', () => {
  const tagged = contact({ tags: ['vip', 'beta'] });
  it('tags', () => {
    expect(check({ type: 'tag', op: 'has', value: 'vip' }, { contact: tagged })).toBe(true);
    expect(check({ type: 'tag', op: 'has', value: 'VIP' }, { contact: tagged })).toBe(false);
    expect(check({ type: 'tag', op: 'hasNot', value: 'vip' }, { contact: tagged })).toBe(false);
    expect(check({ type: 'tag', op: 'hasAny', value: ['x', 'beta'] }, { contact: tagged })).toBe(true);
    expect(check({ type: 'tag', op: 'hasAll', value: ['vip', 'beta'] }, { contact: tagged })).toBe(true);
    expect(check({ type: 'tag', op: 'hasAll', value: ['vip', 'x'] }, { contact: tagged })).toBe(false);
    expect(check({ type: 'tag', op: 'hasNone', value: ['x', 'y'] }, { contact: tagged })).toBe(true);
    expect(check({ type: 'tag', op: 'hasNone', value: ['x', 'vip'] }, { contact: tagged })).toBe(false);
  });

  it('consent per channel, none when never recorded', () => {
    const c = contact({ consent: { email: { status: 'subscribed', source: 'form', at: iso(NOW) } } });
    expect(check({ type: 'consent', channel: 'email', status: 'subscribed' }, { contact: c })).toBe(true);
    expect(check({ type: 'consent', channel: 'email', status: 'unsubscribed' }, { contact: c })).toBe(false);
    expect(check({ type: 'consent', channel: 'sms', status: 'none' }, { contact: c })).toBe(true);
    expect(check({ type: 'consent', channel: 'email', status: 'none' }, { contact: c })).toBe(false);
  });

  it('suppression', () => {
    const suppressed = contact({ suppression: { reason: 'hard_bounce', at: iso(NOW) } });
    expect(check({ type: 'suppression', suppressed: true }, { contact: suppressed })).toBe(true);
    expect(check({ type: 'suppression', suppressed: false }, { contact: suppressed })).toBe(false);
    expect(check({ type: 'suppression', suppressed: false })).toBe(true);
  });

  it('stage equals, in, atLeast in the default or the given order', () => {
    expect(check({ type: 'stage', op: 'equals', value: 'mql' }, { stage: 'mql' })).toBe(true);
    expect(check({ type: 'stage', op: 'in', value: ['sql', 'customer'] }, { stage: 'mql' })).toBe(false);
    expect(check({ type: 'stage', op: 'atLeast', value: 'mql' }, { stage: 'mql' })).toBe(true);
    expect(check({ type: 'stage', op: 'atLeast', value: 'mql' }, { stage: 'customer' })).toBe(true);
    expect(check({ type: 'stage', op: 'atLeast', value: 'mql' }, { stage: 'lead' })).toBe(false);
    expect(check({ type: 'stage', op: 'atLeast', value: 'mql' })).toBe(false);
    expect(check({ type: 'stage', op: 'atLeast', value: 'mql' }, { stage: 'unknown' })).toBe(false);
    const stages = ['cold', 'warm', 'hot'];
    expect(check({ type: 'stage', op: 'atLeast', value: 'warm' }, { stage: 'hot', stages })).toBe(true);
    expect(check({ type: 'stage', op: 'atLeast', value: 'hot' }, { stage: 'warm', stages })).toBe(false);
  });

  it('score comparisons; no score is 0', () => {
    expect(check({ type: 'score', op: 'gte', value: 60 }, { score: 60 })).toBe(true);
    expect(check({ type: 'score', op: 'gt', value: 60 }, { score: 60 })).toBe(false);
    expect(check({ type: 'score', op: 'lt', value: 60 }, { score: 59 })).toBe(true);
    expect(check({ type: 'score', op: 'lte', value: 59 }, { score: 60 })).toBe(false);
    expect(check({ type: 'score', op: 'equals', value: 0 })).toBe(true);
    expect(check({ type: 'score', op: 'notEquals', value: 0 }, { score: 3 })).toBe(true);
  });
});

describe('purchases', () => {
  const buyer = contact({
    purchases: {
      orderCount: 3,
      firstOrderAt: iso(NOW - 200 * DAY),
      lastOrderAt: iso(NOW - 90 * DAY),
      totals: { EUR: { spent: 12_000, refunded: 0, orders: 3, average: 4000 } },
      products: ['sku-1', 'sku-2'],
      categories: ['mugs'],
    },
  });
  const p = (doc: Record<string, unknown>, c: Contact = buyer, now = NOW) =>
    check({ type: 'purchases', ...doc }, { contact: c, now });

  it('order count, spend and average per currency', () => {
    expect(p({ metric: 'orderCount', op: 'gte', value: 3 })).toBe(true);
    expect(p({ metric: 'orderCount', op: 'gt', value: 3 })).toBe(false);
    expect(p({ metric: 'orderCount', op: 'equals', value: 0 }, contact())).toBe(true);
    expect(p({ metric: 'totalSpent', currency: 'EUR', op: 'gte', value: 12_000 })).toBe(true);
    expect(p({ metric: 'totalSpent', currency: 'EUR', op: 'gt', value: 12_000 })).toBe(false);
    expect(p({ metric: 'totalSpent', currency: 'USD', op: 'equals', value: 0 })).toBe(true);
    expect(p({ metric: 'averageOrderValue', currency: 'EUR', op: 'equals', value: 4000 })).toBe(true);
    expect(p({ metric: 'averageOrderValue', currency: 'USD', op: 'lt', value: 5000 })).toBe(false);
  });

  it('last and first order windows at their edges', () => {
    expect(p({ metric: 'lastOrderAt', op: 'withinLastDays', days: 90 })).toBe(true);
    expect(p({ metric: 'lastOrderAt', op: 'withinLastDays', days: 90 }, buyer, NOW + 1)).toBe(false);
    expect(p({ metric: 'lastOrderAt', op: 'olderThanDays', days: 90 })).toBe(false);
    expect(p({ metric: 'lastOrderAt', op: 'olderThanDays', days: 90 }, buyer, NOW + 1)).toBe(true);
    expect(p({ metric: 'lastOrderAt', op: 'notWithinLastDays', days: 90 }, contact())).toBe(true);
    expect(p({ metric: 'lastOrderAt', op: 'olderThanDays', days: 90 }, contact())).toBe(false);
    expect(p({ metric: 'firstOrderAt', op: 'withinLastDays', days: 199 })).toBe(false);
    expect(p({ metric: 'firstOrderAt', op: 'before', value: iso(NOW - 100 * DAY) })).toBe(true);
    expect(p({ metric: 'firstOrderAt', op: 'exists' })).toBe(true);
    expect(p({ metric: 'firstOrderAt', op: 'notExists' }, contact())).toBe(true);
  });

  it('products and categories bought', () => {
    expect(p({ metric: 'products', op: 'hasAny', value: ['sku-9', 'sku-2'] })).toBe(true);
    expect(p({ metric: 'products', op: 'hasAll', value: ['sku-1', 'sku-2'] })).toBe(true);
    expect(p({ metric: 'products', op: 'hasAll', value: ['sku-1', 'sku-9'] })).toBe(false);
    expect(p({ metric: 'products', op: 'hasNone', value: ['sku-1'] })).toBe(false);
    expect(p({ metric: 'products', op: 'hasNone', value: ['sku-1'] }, contact())).toBe(true);
    expect(p({ metric: 'categories', op: 'hasAny', value: ['mugs'] })).toBe(true);
  });
});

describe('event conditions', () => {
  const withActivity = (byName: Record<string, { count: number; lastAt: string }>) =>
    contact({ activity: { eventCount: 0, byName } });
  const event = (name: string, t: number, properties: Record<string, unknown> = {}): EventInput => ({
    name,
    occurredAt: iso(t),
    properties,
  });

  it('answers all-time counts and recency from the roll-up, without an event list', () => {
    const c = withActivity({ 'order.placed': { count: 3, lastAt: iso(NOW - 10 * DAY) } });
    expect(check({ type: 'event', name: 'order.placed', op: 'did' }, { contact: c })).toBe(true);
    expect(check({ type: 'event', name: 'order.placed', op: 'did', atLeast: 3 }, { contact: c })).toBe(true);
    expect(check({ type: 'event', name: 'order.placed', op: 'did', atLeast: 4 }, { contact: c })).toBe(false);
    expect(check({ type: 'event', name: 'order.placed', op: 'did', exactly: 3 }, { contact: c })).toBe(true);
    expect(check({ type: 'event', name: 'order.placed', op: 'did', atMost: 2 }, { contact: c })).toBe(false);
    expect(check({ type: 'event', name: 'order.placed', op: 'didNot' }, { contact: c })).toBe(false);
    expect(check({ type: 'event', name: 'signed_up', op: 'didNot' }, { contact: c })).toBe(true);
    expect(check({ type: 'event', name: 'constructor', op: 'did' }, { contact: c })).toBe(false);
  });

  it('decides "did within N days" from the roll-up last time, at the window edges', () => {
    const last = (t: number) => withActivity({ visit: { count: 9, lastAt: iso(t) } });
    const did = { type: 'event', name: 'visit', op: 'did', withinLastDays: 30 };
    const didNot = { type: 'event', name: 'visit', op: 'didNot', withinLastDays: 30 };
    expect(check(did, { contact: last(NOW - 30 * DAY) })).toBe(true);
    expect(check(did, { contact: last(NOW - 30 * DAY - 1) })).toBe(false);
    expect(check(didNot, { contact: last(NOW - 30 * DAY) })).toBe(false);
    expect(check(didNot, { contact: last(NOW - 30 * DAY - 1) })).toBe(true);
    expect(check(didNot)).toBe(true);
  });

  it('counts the event list in a window when a count needs it', () => {
    const events = [
      event('order.placed', NOW - 10 * DAY),
      event('order.placed', NOW - 90 * DAY),
      event('x', NOW),
    ];
    const twice = (t: number) =>
      check(
        { type: 'event', name: 'order.placed', op: 'did', atLeast: 2, withinLastDays: 90 },
        { events, now: t },
      );
    expect(twice(NOW)).toBe(true);
    expect(twice(NOW + 1)).toBe(false);
    expect(
      check({ type: 'event', name: 'order.placed', op: 'did', exactly: 1, withinLastDays: 30 }, { events }),
    ).toBe(true);
    expect(
      check({ type: 'event', name: 'order.placed', op: 'did', atMost: 1, withinLastDays: 90 }, { events }),
    ).toBe(false);
    expect(check({ type: 'event', name: 'order.placed', op: 'did', atLeast: 2, withinLastDays: 90 })).toBe(
      false,
    );
  });

  it('filters on properties with the attribute operators, nested paths and list indexes', () => {
    const events = [
      event('order.placed', NOW - DAY, {
        total: 5000,
        shipping: { country: 'ES' },
        items: [{ sku: 'sku-1' }],
      }),
      event('order.placed', NOW - 2 * DAY, { total: 900, shipping: { country: 'FR' } }),
    ];
    const where = (filters: unknown[], extra: Record<string, unknown> = {}) =>
      check({ type: 'event', name: 'order.placed', op: 'did', where: filters, ...extra }, { events });
    expect(where([{ path: 'properties.total', op: 'gte', value: 5000 }])).toBe(true);
    expect(where([{ path: 'properties.total', op: 'gte', value: 5001 }])).toBe(false);
    expect(
      where([{ path: 'properties.shipping.country', op: 'equals', value: 'es', caseInsensitive: true }]),
    ).toBe(true);
    expect(where([{ path: 'properties.items.0.sku', op: 'equals', value: 'sku-1' }])).toBe(true);
    expect(
      where([
        { path: 'properties.total', op: 'lt', value: 1000 },
        { path: 'properties.shipping.country', op: 'equals', value: 'ES' },
      ]),
    ).toBe(false);
    expect(
      where([{ path: 'properties.shipping.country', op: 'in', value: ['ES', 'FR'] }], { atLeast: 2 }),
    ).toBe(true);
    expect(where([{ path: 'properties.coupon', op: 'exists' }])).toBe(false);
    expect(where([{ path: 'properties.total.cents', op: 'exists' }])).toBe(false);
  });

  it('counts a between window from its start included to its end excluded', () => {
    const from = Date.parse('2026-03-01T00:00:00Z');
    const to = Date.parse('2026-04-01T00:00:00Z');
    const between = { type: 'event', name: 'visit', op: 'did', between: { from: iso(from), to: iso(to) } };
    expect(check(between, { events: [event('visit', from)] })).toBe(true);
    expect(check(between, { events: [event('visit', from - 1)] })).toBe(false);
    expect(check(between, { events: [event('visit', to - 1)] })).toBe(true);
    expect(check(between, { events: [event('visit', to)] })).toBe(false);
  });

  it('does not read the event list when the roll-up answers, and reads it when filters need it', () => {
    const c = withActivity({ visit: { count: 2, lastAt: iso(NOW) } });
    expect(check({ type: 'event', name: 'visit', op: 'did', atLeast: 2 }, { contact: c, events: [] })).toBe(
      true,
    );
    expect(
      check(
        { type: 'event', name: 'visit', op: 'did', where: [{ path: 'properties.url', op: 'exists' }] },
        { contact: c, events: [] },
      ),
    ).toBe(false);
  });
});

describe('engagement conditions', () => {
  const item = (kind: EngagementInput['kind'], t: number, campaignId?: string): EngagementInput => ({
    kind,
    at: iso(t),
    ...(campaignId ? { campaignId } : {}),
  });

  it('opened / clicked within N days at the edges, or not', () => {
    const engagement = [item('opened', NOW - 30 * DAY), item('delivered', NOW - 31 * DAY)];
    const opened = (now: number) =>
      check({ type: 'engagement', kind: 'opened', op: 'did', withinLastDays: 30 }, { engagement, now });
    expect(opened(NOW)).toBe(true);
    expect(opened(NOW + 1)).toBe(false);
    expect(
      check({ type: 'engagement', kind: 'clicked', op: 'didNot', withinLastDays: 30 }, { engagement }),
    ).toBe(true);
    expect(check({ type: 'engagement', kind: 'opened', op: 'did', atLeast: 2 }, { engagement })).toBe(false);
    expect(check({ type: 'engagement', kind: 'opened', op: 'did' })).toBe(false);
  });

  it('filters by campaign', () => {
    const engagement = [item('clicked', NOW - DAY, 'cmp_1')];
    expect(
      check({ type: 'engagement', kind: 'clicked', op: 'did', campaignId: 'cmp_1' }, { engagement }),
    ).toBe(true);
    expect(
      check({ type: 'engagement', kind: 'clicked', op: 'did', campaignId: 'cmp_2' }, { engagement }),
    ).toBe(false);
  });

  it('"of the last N emails" counts from the N-th most recent delivery on', () => {
    const d = [NOW - 40 * DAY, NOW - 30 * DAY, NOW - 20 * DAY, NOW - 10 * DAY];
    // Delivered in shuffled order; one open, after the 2nd delivery and before the 3rd.
    const engagement = [
      item('delivered', d[2] ?? 0),
      item('delivered', d[0] ?? 0),
      item('opened', (d[1] ?? 0) + DAY),
      item('delivered', d[3] ?? 0),
      item('delivered', d[1] ?? 0),
    ];
    const neverOpened = (n: number) =>
      check({ type: 'engagement', kind: 'opened', op: 'didNot', inLastEmails: n }, { engagement });
    expect(neverOpened(2)).toBe(true);
    expect(neverOpened(3)).toBe(false);
    expect(neverOpened(10)).toBe(false);
    expect(check({ type: 'engagement', kind: 'opened', op: 'didNot', inLastEmails: 3 })).toBe(true);
  });
});

describe('groups', () => {
  const t = { type: 'score', op: 'gte', value: 0 };
  const f = { type: 'score', op: 'lt', value: 0 };

  it('all, any, not and nesting', () => {
    expect(check({ type: 'all', conditions: [t, t] })).toBe(true);
    expect(check({ type: 'all', conditions: [t, f] })).toBe(false);
    expect(check({ type: 'any', conditions: [f, t] })).toBe(true);
    expect(check({ type: 'any', conditions: [f, f] })).toBe(false);
    expect(check({ type: 'not', condition: f })).toBe(true);
    expect(
      check({
        type: 'not',
        condition: { type: 'any', conditions: [f, { type: 'all', conditions: [t, t] }] },
      }),
    ).toBe(false);
  });

  it('evaluates the issue example: bought twice in 90 days, never opened the last 3 emails, lives in Spain', () => {
    const condition = parseCondition({
      type: 'all',
      conditions: [
        { type: 'event', name: 'order.placed', op: 'did', atLeast: 2, withinLastDays: 90 },
        { type: 'engagement', kind: 'opened', op: 'didNot', inLastEmails: 3 },
        { type: 'attribute', field: 'attributes.country', op: 'equals', value: 'es', caseInsensitive: true },
      ],
    });
    const run = compile(condition);
    const subject: Subject = {
      contact: contact({ attributes: { country: 'ES' } }),
      events: [
        { name: 'order.placed', occurredAt: iso(NOW - 5 * DAY), properties: {} },
        { name: 'order.placed', occurredAt: iso(NOW - 80 * DAY), properties: {} },
      ],
      engagement: [1, 2, 3].map((i) => ({ kind: 'delivered' as const, at: iso(NOW - i * 7 * DAY) })),
    };
    expect(run(subject, { now: new Date(NOW) })).toBe(true);
    expect(
      run(
        {
          ...subject,
          engagement: [...(subject.engagement ?? []), { kind: 'opened' as const, at: iso(NOW - DAY) }],
        },
        { now: new Date(NOW) },
      ),
    ).toBe(false);
    expect(run(subject, { now: new Date(NOW + 11 * DAY) })).toBe(false);
  });
});

describe('totality', () => {
  it('never throws on odd data: unreadable dates, nulls, prototype names, missing roll-ups', () => {
    const condition = parseCondition({
      type: 'any',
      conditions: [
        { type: 'attribute', field: 'attributes.d', op: 'withinLastDays', days: 3 },
        { type: 'attribute', field: 'attributes.toString', op: 'equals', value: 'x' },
        { type: 'event', name: 'e', op: 'did', where: [{ path: 'properties.a.b.c', op: 'gt', value: 1 }] },
        { type: 'event', name: 'hasOwnProperty', op: 'did', atLeast: 2, withinLastDays: 3 },
        { type: 'engagement', kind: 'opened', op: 'did', inLastEmails: 2 },
        { type: 'purchases', metric: 'averageOrderValue', currency: 'EUR', op: 'gt', value: 1 },
      ],
    });
    const odd: Subject = {
      contact: contact({ attributes: { d: 'soon' } }),
      events: [
        { name: 'e', occurredAt: 'yesterday', properties: { a: null } },
        { name: 'e', occurredAt: iso(NOW), properties: { a: { b: 'text' } } },
      ],
      engagement: [
        { kind: 'delivered', at: 'never' },
        { kind: 'opened', at: '' },
      ],
    };
    expect(() => evaluate(condition, odd, { now: new Date(NOW) })).not.toThrow();
    expect(evaluate(condition, odd, { now: new Date(NOW) })).toBe(false);
    expect(evaluate(condition, odd, { now: new Date(Number.NaN) })).toBe(false);
  });
});
