import { describe, expect, it } from 'vitest';
import { parseCondition } from '../../lib/conditions/condition.schema.ts';
import { dependencies, isAffectedBy } from '../../lib/conditions/dependencies.ts';

const deps = (doc: unknown) => dependencies(parseCondition(doc));

describe('dependencies', () => {
  it('lists every input a condition reads', () => {
    const d = deps({
      type: 'all',
      conditions: [
        { type: 'attribute', field: 'attributes.country', op: 'equals', value: 'ES' },
        { type: 'attribute', field: 'email', op: 'endsWith', value: '.es' },
        { type: 'not', condition: { type: 'tag', op: 'hasAny', value: ['vip', 'staff'] } },
        { type: 'consent', channel: 'email', status: 'subscribed' },
        { type: 'suppression', suppressed: false },
        {
          type: 'any',
          conditions: [
            { type: 'score', op: 'gte', value: 60 },
            { type: 'stage', op: 'equals', value: 'mql' },
          ],
        },
        { type: 'purchases', metric: 'orderCount', op: 'gte', value: 2 },
        { type: 'event', name: 'page.viewed', op: 'did' },
        { type: 'engagement', kind: 'opened', op: 'didNot', inLastEmails: 3 },
      ],
    });
    expect(d).toEqual({
      contactFields: ['email'],
      attributes: ['country'],
      tags: ['vip', 'staff'],
      consent: ['email'],
      suppression: true,
      purchases: true,
      events: ['page.viewed'],
      timeline: false,
      engagement: true,
      score: true,
      stage: true,
      timeRelative: false,
    });
  });

  it('says when the event list is needed: the same rule as the evaluator', () => {
    const e = (extra: Record<string, unknown>) =>
      deps({ type: 'event', name: 'x', op: 'did', ...extra }).timeline;
    expect(e({})).toBe(false);
    expect(e({ atLeast: 5 })).toBe(false);
    expect(e({ withinLastDays: 30 })).toBe(false);
    expect(e({ withinLastDays: 30, atLeast: 1 })).toBe(false);
    expect(deps({ type: 'event', name: 'x', op: 'didNot', withinLastDays: 30 }).timeline).toBe(false);
    expect(e({ withinLastDays: 30, atLeast: 2 })).toBe(true);
    expect(e({ withinLastDays: 30, exactly: 1 })).toBe(true);
    expect(e({ withinLastDays: 30, atMost: 0 })).toBe(false);
    expect(e({ where: [{ path: 'properties.url', op: 'exists' }] })).toBe(true);
    expect(e({ between: { from: '2026-01-01', to: '2026-02-01' } })).toBe(true);
  });

  it('says when the result depends on time', () => {
    expect(deps({ type: 'attribute', field: 'createdAt', op: 'withinLastDays', days: 7 }).timeRelative).toBe(
      true,
    );
    expect(
      deps({ type: 'attribute', field: 'createdAt', op: 'after', value: '2026-01-01' }).timeRelative,
    ).toBe(false);
    expect(
      deps({ type: 'purchases', metric: 'lastOrderAt', op: 'olderThanDays', days: 90 }).timeRelative,
    ).toBe(true);
    expect(deps({ type: 'event', name: 'x', op: 'did', withinLastDays: 3 }).timeRelative).toBe(true);
    expect(deps({ type: 'engagement', kind: 'opened', op: 'did', withinLastDays: 3 }).timeRelative).toBe(
      true,
    );
    expect(deps({ type: 'engagement', kind: 'opened', op: 'did', inLastEmails: 3 }).timeRelative).toBe(false);
  });
});

describe('isAffectedBy', () => {
  const d = deps({
    type: 'all',
    conditions: [
      { type: 'attribute', field: 'attributes.country', op: 'equals', value: 'ES' },
      { type: 'tag', op: 'has', value: 'vip' },
      { type: 'event', name: 'order.placed', op: 'did' },
      { type: 'consent', channel: 'email', status: 'subscribed' },
    ],
  });

  it('re-evaluates only for changes to what the condition reads', () => {
    expect(isAffectedBy(d, { fields: ['attributes'], attributes: ['country'] })).toBe(true);
    expect(isAffectedBy(d, { fields: ['attributes'], attributes: ['plan'] })).toBe(false);
    expect(isAffectedBy(d, { fields: ['attributes'] })).toBe(true);
    expect(isAffectedBy(d, { fields: ['tags'], tags: ['vip'] })).toBe(true);
    expect(isAffectedBy(d, { fields: ['tags'], tags: ['beta'] })).toBe(false);
    expect(isAffectedBy(d, { fields: ['consent'], consent: ['sms'] })).toBe(false);
    expect(isAffectedBy(d, { fields: ['consent'], consent: ['email'] })).toBe(true);
    expect(isAffectedBy(d, { fields: ['firstName', 'purchases', 'suppression'] })).toBe(false);
    expect(isAffectedBy(d, { events: ['page.viewed'] })).toBe(false);
    expect(isAffectedBy(d, { events: ['order.placed'] })).toBe(true);
    expect(isAffectedBy(d, { score: true, stage: true, engagement: true })).toBe(false);
  });

  it('contact fields, score, stage, engagement, purchases and suppression when read', () => {
    const all = deps({
      type: 'any',
      conditions: [
        { type: 'attribute', field: 'firstName', op: 'exists' },
        { type: 'score', op: 'gt', value: 1 },
        { type: 'stage', op: 'equals', value: 'lead' },
        { type: 'engagement', kind: 'clicked', op: 'did' },
        { type: 'purchases', metric: 'orderCount', op: 'gt', value: 1 },
        { type: 'suppression', suppressed: true },
      ],
    });
    expect(isAffectedBy(all, { fields: ['firstName'] })).toBe(true);
    expect(isAffectedBy(all, { fields: ['lastName'] })).toBe(false);
    expect(isAffectedBy(all, { score: true })).toBe(true);
    expect(isAffectedBy(all, { stage: true })).toBe(true);
    expect(isAffectedBy(all, { engagement: true })).toBe(true);
    expect(isAffectedBy(all, { fields: ['purchases'] })).toBe(true);
    expect(isAffectedBy(all, { fields: ['suppression'] })).toBe(true);
  });
});
