import { describe, expect, it } from 'vitest';
import { CONDITION_LIMITS, parseCondition } from '../../lib/conditions/condition.schema.ts';
import { ValidationError } from '../../lib/shared/errors.ts';

/** The issues a document is refused with, as `path: message`. */
const issuesOf = (doc: unknown): string[] => {
  try {
    parseCondition(doc);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('the document was accepted');
};

const leaf = { type: 'tag', op: 'has', value: 'vip' };

const nest = (levels: number): unknown => {
  let node: unknown = leaf;
  for (let i = 1; i < levels; i++) node = { type: 'not', condition: node };
  return node;
};

describe('condition documents', () => {
  it('accepts the issue example: bought twice in 90 days, never opened the last 3 emails, lives in Spain', () => {
    const doc = {
      type: 'all',
      conditions: [
        { type: 'event', name: 'order.placed', op: 'did', atLeast: 2, withinLastDays: 90 },
        { type: 'engagement', kind: 'opened', op: 'didNot', inLastEmails: 3 },
        { type: 'attribute', field: 'attributes.country', op: 'equals', value: 'es', caseInsensitive: true },
      ],
    };
    expect(parseCondition(doc)).toEqual(doc);
  });

  it('accepts every node type', () => {
    const doc = {
      type: 'any',
      conditions: [
        { type: 'not', condition: { type: 'suppression', suppressed: true } },
        { type: 'consent', channel: 'email', status: 'subscribed' },
        { type: 'tag', op: 'hasAny', value: ['vip', 'beta'] },
        { type: 'stage', op: 'atLeast', value: 'mql' },
        { type: 'stage', op: 'in', value: ['sql', 'customer'] },
        { type: 'score', op: 'gte', value: 60 },
        { type: 'purchases', metric: 'totalSpent', currency: 'EUR', op: 'gte', value: 10_000 },
        { type: 'purchases', metric: 'lastOrderAt', op: 'olderThanDays', days: 90 },
        { type: 'purchases', metric: 'products', op: 'hasAll', value: ['sku-1'] },
        { type: 'attribute', field: 'createdAt', op: 'after', value: '2026-01-01' },
        { type: 'attribute', field: 'attributes.plan', op: 'in', value: ['pro', 2] },
        {
          type: 'event',
          name: 'page.viewed',
          op: 'did',
          where: [{ path: 'properties.url', op: 'startsWith', value: '/pricing' }],
          between: { from: '2026-01-01', to: '2026-02-01T00:00:00Z' },
        },
        { type: 'engagement', kind: 'clicked', op: 'did', withinLastDays: 30, campaignId: 'cmp_1' },
      ],
    };
    expect(parseCondition(doc)).toEqual(doc);
  });

  it('names the path and the reason of each bad field', () => {
    expect(
      issuesOf({
        type: 'all',
        conditions: [
          leaf,
          { type: 'attribute', field: 'attributes.age', op: 'gt', value: 'abc' },
          { type: 'attribute', field: 'attributes.country', op: 'in', value: [] },
        ],
      }),
    ).toEqual([
      'conditions.1.value: compares numbers or dates: expected a number or an ISO 8601 date (2026-01-31 or 2026-01-31T09:00:00Z)',
      'conditions.2.value: the list is empty: give at least one value',
    ]);
  });

  it('refuses unknown fields, unknown types and unknown operators by name', () => {
    expect(issuesOf({ type: 'tag', op: 'has', value: 'vip', extra: 1 })).toEqual([
      'extra: is not a known field',
    ]);
    expect(issuesOf({ type: 'any', conditions: [{ type: 'bogus' }] })[0]).toMatch(
      /^conditions\.0\.type: Invalid discriminator/,
    );
    expect(issuesOf({ type: 'attribute', field: 'email', op: 'like', value: 'a' })[0]).toMatch(/^op: /);
    expect(issuesOf({ type: 'attribute', field: 'nope', op: 'exists' })[0]).toMatch(
      /^field: expected a contact field/,
    );
    expect(issuesOf({ type: 'consent', channel: 'email' })).toEqual(['status: is required']);
  });

  it('refuses operators that do not fit the value or the field', () => {
    expect(issuesOf({ type: 'attribute', field: 'attributes.n', op: 'contains', value: 3 })[0]).toMatch(
      /^value: /,
    );
    expect(issuesOf({ type: 'attribute', field: 'attributes.n', op: 'equals', value: 3, days: 2 })).toEqual([
      'days: is not a known field',
    ]);
    expect(
      issuesOf({ type: 'attribute', field: 'attributes.n', op: 'gt', value: 3, caseInsensitive: true }),
    ).toEqual(['caseInsensitive: is not a known field']);
    expect(issuesOf({ type: 'attribute', field: 'email', op: 'withinLastDays', days: 5 })).toEqual([
      'op: email is text, not a date: withinLastDays never matches',
    ]);
    expect(issuesOf({ type: 'attribute', field: 'createdAt', op: 'gt', value: 5 })).toEqual([
      'value: createdAt is a date: gt with a number never matches',
    ]);
    expect(
      issuesOf({ type: 'attribute', field: 'attributes.d', op: 'before', value: '2026-02-30' })[0],
    ).toMatch(/^value: expected an ISO 8601 date/);
    expect(
      issuesOf({ type: 'attribute', field: 'attributes.d', op: 'after', value: '2026-01-01T10:00:00' })[0],
    ).toMatch(/^value: expected an ISO 8601 date/);
    expect(issuesOf({ type: 'purchases', metric: 'totalSpent', op: 'gt', value: 1 })).toEqual([
      'currency: is required',
    ]);
    expect(issuesOf({ type: 'purchases', metric: 'lastOrderAt', op: 'gt', value: 1 })[0]).toMatch(/^op: /);
    expect(issuesOf({ type: 'engagement', kind: 'delivered', op: 'did', inLastEmails: 3 })).toEqual([
      'inLastEmails: inLastEmails counts opens, clicks, bounces or complaints',
    ]);
  });

  it('refuses negative counts, windows over 3650 days and inverted or overlong date windows', () => {
    expect(issuesOf({ type: 'event', name: 'x', op: 'did', atLeast: -1 })).toEqual([
      'atLeast: a count cannot be negative',
    ]);
    expect(issuesOf({ type: 'event', name: 'x', op: 'did', withinLastDays: -1 })).toEqual([
      'withinLastDays: days cannot be negative',
    ]);
    expect(issuesOf({ type: 'event', name: 'x', op: 'did', withinLastDays: 3651 })).toEqual([
      'withinLastDays: windows are at most 3650 days',
    ]);
    expect(() => parseCondition({ type: 'event', name: 'x', op: 'did', withinLastDays: 3650 })).not.toThrow();
    expect(issuesOf({ type: 'attribute', field: 'attributes.d', op: 'withinLastDays', days: 1.5 })).toEqual([
      'days: days is a whole number',
    ]);
    expect(
      issuesOf({ type: 'event', name: 'x', op: 'did', between: { from: '2026-02-01', to: '2026-01-01' } }),
    ).toEqual(['between.to: to must be after from']);
    expect(
      issuesOf({ type: 'event', name: 'x', op: 'did', between: { from: '2000-01-01', to: '2026-01-01' } }),
    ).toEqual(['between.to: windows are at most 3650 days']);
  });

  it('refuses ambiguous counts and windows', () => {
    expect(issuesOf({ type: 'event', name: 'x', op: 'didNot', atLeast: 2 })).toEqual([
      'atLeast: didNot takes no count: use did with atLeast',
    ]);
    expect(issuesOf({ type: 'event', name: 'x', op: 'did', atLeast: 2, exactly: 3 })).toEqual([
      'exactly: give one of atLeast, atMost, exactly',
    ]);
    expect(
      issuesOf({
        type: 'event',
        name: 'x',
        op: 'did',
        withinLastDays: 3,
        between: { from: '2026-01-01', to: '2026-01-02' },
      }),
    ).toEqual(['between: give one window: withinLastDays, between']);
    expect(issuesOf({ type: 'event', name: 'x', op: 'did', where: [] })).toEqual([
      'where: leave where out rather than empty',
    ]);
    expect(
      issuesOf({ type: 'event', name: 'x', op: 'did', where: [{ path: 'url', op: 'exists' }] })[0],
    ).toMatch(/^where\.0\.path: expected properties\./);
  });

  it('refuses empty groups and empty lists', () => {
    expect(issuesOf({ type: 'all', conditions: [] })).toEqual([
      'conditions: a group needs at least one condition',
    ]);
    expect(issuesOf({ type: 'tag', op: 'hasAny', value: [] })).toEqual([
      'value: the list is empty: give at least one value',
    ]);
    expect(issuesOf({ type: 'stage', op: 'in', value: [] })).toEqual([
      'value: the list is empty: give at least one value',
    ]);
  });

  it('takes 8 levels of nesting and refuses a 9th, naming where', () => {
    expect(() => parseCondition(nest(CONDITION_LIMITS.depth))).not.toThrow();
    expect(issuesOf(nest(CONDITION_LIMITS.depth + 1))).toEqual([
      `${Array(CONDITION_LIMITS.depth).fill('condition').join('.')}: conditions nest at most 8 levels deep`,
    ]);
  });

  it('refuses a hostile deep document without recursing into it', () => {
    expect(issuesOf(nest(20_000))[0]).toMatch(/conditions nest at most 8 levels deep$/);
  });

  it('takes 200 nodes and refuses 201', () => {
    expect(() => parseCondition({ type: 'any', conditions: Array(199).fill(leaf) })).not.toThrow();
    expect(issuesOf({ type: 'any', conditions: Array(200).fill(leaf) })).toEqual([
      '(root): a condition holds at most 200 nodes',
    ]);
  });

  it('prefixes paths when the condition sits inside a larger document', () => {
    try {
      parseCondition({ type: 'score', op: 'gt', value: 'x' }, { path: 'condition' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      if (error instanceof ValidationError) expect(error.issues[0]?.path).toBe('condition.value');
    }
  });
});
