/**
 * The condition builder's mapping: what it builds is valid in the shared condition language (checked
 * by lib's own parser), a saved condition opens and saves back unchanged (rules it cannot show are
 * kept as they are), and unfilled rules are reported before the API is asked.
 */
import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../lib/conditions/condition.schema.ts';
import {
  addTo,
  fromCondition,
  type Group,
  newGroup,
  newRule,
  RULE_KINDS,
  removeItem,
  toCondition,
  updateItem,
} from '../src/conditions/builder-model.ts';

const roundTrip = (condition: unknown) => toCondition(fromCondition(condition)).condition;

describe('the condition builder', () => {
  it('opens and saves back every shape it knows, unchanged', () => {
    const condition = {
      type: 'all',
      conditions: [
        { type: 'attribute', field: 'email', op: 'endsWith', value: '@example.com' },
        { type: 'attribute', field: 'attributes.plan', op: 'exists' },
        { type: 'attribute', field: 'createdAt', op: 'withinLastDays', days: 30 },
        { type: 'attribute', field: 'attributes.age', op: 'gt', value: 30 },
        { type: 'tag', op: 'hasNot', value: 'vip' },
        { type: 'consent', channel: 'email', status: 'subscribed' },
        { type: 'stage', op: 'atLeast', value: 'lead' },
        { type: 'score', op: 'gte', value: 50 },
        { type: 'purchases', metric: 'orderCount', op: 'gt', value: 2 },
        { type: 'purchases', metric: 'lastOrderAt', op: 'olderThanDays', days: 90 },
        { type: 'event', op: 'did', name: 'Product Viewed', withinLastDays: 7 },
        { type: 'event', op: 'didNot', name: 'Order Placed' },
        { type: 'engagement', op: 'did', kind: 'opened', withinLastDays: 30 },
        {
          type: 'any',
          conditions: [
            { type: 'tag', op: 'has', value: 'newsletter' },
            { type: 'engagement', op: 'didNot', kind: 'clicked' },
          ],
        },
      ],
    };
    expect(() => parseCondition(condition)).not.toThrow();

    const builder = fromCondition(condition);

    expect(builder.items.map((i) => i.kind)).toEqual([
      'attribute',
      'attribute',
      'attribute',
      'attribute',
      'tag',
      'consent',
      'stage',
      'score',
      'orderCount',
      'lastOrder',
      'event',
      'event',
      'engagement',
      'group',
    ]);
    expect(roundTrip(condition)).toEqual(condition);
  });

  it('keeps what it cannot show as is, so saving never changes a condition', () => {
    const condition = {
      type: 'any',
      conditions: [
        { type: 'not', condition: { type: 'tag', op: 'has', value: 'staff' } },
        {
          type: 'event',
          op: 'did',
          name: 'Order Placed',
          atLeast: 2,
          where: [{ path: 'properties.total', op: 'gt', value: 100 }],
        },
        { type: 'attribute', field: 'email', op: 'equals', value: 'A@B.C', caseInsensitive: true },
        { type: 'purchases', metric: 'totalSpent', currency: 'EUR', op: 'gte', value: 10000 },
      ],
    };
    const builder = fromCondition(condition);
    expect(builder.items.map((i) => i.kind)).toEqual(['raw', 'raw', 'raw', 'raw']);
    expect(roundTrip(condition)).toEqual(condition);
  });

  it('wraps a single condition in an "all" group, which means the same', () => {
    const condition = { type: 'score', op: 'lt', value: 10 };
    expect(roundTrip(condition)).toEqual({ type: 'all', conditions: [condition] });
  });

  it('builds valid conditions from every new rule once filled in', () => {
    let root: Group = newGroup('any');
    for (const kind of RULE_KINDS) root = addTo(root, root.id, newRule(kind));
    root = {
      ...root,
      items: root.items.map((item) => {
        if (item.kind === 'tag' || item.kind === 'stage') return { ...item, value: 'lead' };
        if (item.kind === 'score') return { ...item, value: '40' };
        if (item.kind === 'attribute') return { ...item, value: '@shop.example' };
        if (item.kind === 'event') return { ...item, name: 'Checkout Started', withinLastDays: '3' };
        return item;
      }),
    };

    const { condition, problems } = toCondition(root);

    expect(problems).toEqual([]);
    expect(() => parseCondition(condition)).not.toThrow();
    expect(condition).toMatchObject({ type: 'any' });
  });

  it('reports unfilled rules and numbers that are not numbers, by rule', () => {
    const tag = newRule('tag');
    const score = { ...newRule('score'), value: 'many' };
    const group = { ...newGroup(), items: [tag, score] };

    const { problems } = toCondition(group);

    expect(problems).toEqual([
      { id: tag.id, message: 'builder.required' },
      { id: score.id, message: 'builder.number' },
    ]);
  });

  it('is empty with no rules, dropping empty nested groups', () => {
    const withEmptyChild = addTo(newGroup(), 'none', newGroup('any'));
    expect(withEmptyChild.items).toEqual([]);
    const root = newGroup();
    const nested = addTo(root, root.id, newGroup('any'));
    expect(nested.items).toHaveLength(1);
    expect(toCondition(newGroup()).condition).toBeUndefined();
    expect(toCondition(nested).condition).toBeUndefined();
  });

  it('edits and removes rules by id, nested or not', () => {
    const rule = newRule('tag');
    const child = { ...newGroup('any'), items: [rule] };
    const root = { ...newGroup(), items: [child] };

    const edited = updateItem(root, rule.id, (r) => (r.kind === 'tag' ? { ...r, value: 'vip' } : r));
    expect(toCondition(edited).condition).toEqual({
      type: 'all',
      conditions: [{ type: 'any', conditions: [{ type: 'tag', op: 'has', value: 'vip' }] }],
    });
    expect(toCondition(removeItem(edited, rule.id)).condition).toBeUndefined();
  });
});
