import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../lib/conditions/subject.ts';
import { applyEvent, settle } from '../../lib/scoring/lead-scoring.ts';
import { MAX_BUCKETS, type ScoreState, scoreStateSchema } from '../../lib/scoring/score-state.schema.ts';
import { currentScore, emptyScoreState, nextDecayStep } from '../../lib/scoring/score-state.ts';
import { parseScoringModel, type ScoringModel } from '../../lib/scoring/scoring-model.schema.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** A Monday. */
const MONDAY = Date.parse('2026-06-15T00:00:00.000Z');

const event = (name: string, t: number, properties: Record<string, unknown> = {}): EventInput => ({
  name,
  occurredAt: iso(t),
  properties,
});

/** Applies events in order, each at its own time, and returns the final state and points given. */
const run = (model: ScoringModel, events: readonly EventInput[], start?: ScoreState) => {
  let state = start ?? emptyScoreState(model);
  const given: number[] = [];
  for (const e of events) {
    const result = applyEvent(state, e, model, new Date(e.occurredAt));
    state = result.state;
    given.push(result.reasons.reduce((sum, r) => sum + r.points, 0));
  }
  return { state, given };
};

const capped = (per: string, points = 5, cap = 20) =>
  parseScoringModel({ engagement: [{ id: 'visit', event: 'visit', points, cap: { points: cap, per } }] });

describe('engagement points', () => {
  const model = parseScoringModel({
    engagement: [
      {
        id: 'pricing',
        event: 'page.viewed',
        where: [{ path: 'properties.path', op: 'startsWith', value: '/pricing' }],
        points: 5,
      },
      { id: 'any-page', event: 'page.viewed', points: 1 },
      { id: 'unsubscribed', event: 'email.unsubscribed', points: -25 },
    ],
  });

  it('gives the points of every matching rule, filtered on properties, with reasons', () => {
    const now = new Date(MONDAY);
    const result = applyEvent(
      emptyScoreState(model),
      event('page.viewed', MONDAY, { path: '/pricing/pro' }),
      model,
      now,
    );
    expect(result.score).toBe(6);
    expect(result.delta).toBe(6);
    expect(result.reasons).toEqual([
      { kind: 'engagement', rule: 'pricing', points: 5 },
      { kind: 'engagement', rule: 'any-page', points: 1 },
    ]);
    const other = applyEvent(result.state, event('page.viewed', MONDAY, { path: '/blog' }), model, now);
    expect(other.delta).toBe(1);
    expect(applyEvent(other.state, event('signed_up', MONDAY), model, now).reasons).toEqual([]);
  });

  it('takes negative points; the score stops at the floor but the debt offsets later points', () => {
    const { state } = run(model, [event('email.unsubscribed', MONDAY)]);
    expect(currentScore(state, model, MONDAY)).toBe(0);
    const { state: after } = run(
      model,
      Array.from({ length: 6 }, (_, i) => event('page.viewed', MONDAY + i, { path: '/pricing' })),
      state,
    );
    expect(currentScore(after, model, MONDAY + 10)).toBe(11);
  });
});

describe('caps per period', () => {
  it('gives at most the cap per UTC day, partially at the edge, and starts again at midnight', () => {
    const model = capped('day', 8, 20);
    const endOfDay = MONDAY + DAY - 1;
    const { given, state } = run(model, [
      event('visit', MONDAY),
      event('visit', MONDAY + 1000),
      event('visit', endOfDay - 1),
      event('visit', endOfDay),
      event('visit', MONDAY + DAY),
    ]);
    expect(given).toEqual([8, 8, 4, 0, 8]);
    expect(currentScore(state, model, MONDAY + DAY)).toBe(28);
  });

  it('says why a capped event gave nothing', () => {
    const model = capped('day', 20, 20);
    const first = applyEvent(emptyScoreState(model), event('visit', MONDAY), model, new Date(MONDAY));
    const second = applyEvent(first.state, event('visit', MONDAY + 1), model, new Date(MONDAY + 1));
    expect(second.reasons).toEqual([{ kind: 'engagement', rule: 'visit', points: 0, note: 'cap reached' }]);
  });

  it('weeks start on Monday 00:00 UTC', () => {
    const model = capped('week', 20, 20);
    const { given } = run(model, [
      event('visit', MONDAY - 1),
      event('visit', MONDAY - 1),
      event('visit', MONDAY),
      event('visit', MONDAY + 6 * DAY + DAY - 1),
      event('visit', MONDAY + 7 * DAY),
    ]);
    expect(given).toEqual([20, 0, 20, 0, 20]);
  });

  it('months are UTC calendar months; ever is once', () => {
    const june30 = Date.parse('2026-06-30T23:59:59.999Z');
    expect(run(capped('month', 20, 20), [event('visit', june30), event('visit', june30 + 1)]).given).toEqual([
      20, 20,
    ]);
    expect(
      run(capped('ever', 20, 20), [event('visit', MONDAY), event('visit', MONDAY + 400 * DAY)]).given,
    ).toEqual([20, 0]);
  });

  it('counts a late event in its own period while tracked, and gives nothing once not tracked', () => {
    const model = capped('day', 5, 10);
    const { state } = run(model, [
      event('visit', MONDAY),
      event('visit', MONDAY + DAY),
      event('visit', MONDAY + DAY),
    ]);
    const now = new Date(MONDAY + DAY + 10);
    const late = applyEvent(state, event('visit', MONDAY + 5), model, now);
    expect(late.reasons).toEqual([{ kind: 'engagement', rule: 'visit', points: 5 }]);
    const later = applyEvent(late.state, event('visit', MONDAY + 6), model, now);
    expect(later.reasons[0]?.note).toBe('cap reached');
    const tooLate = applyEvent(later.state, event('visit', MONDAY - DAY), model, now);
    expect(tooLate.reasons).toEqual([
      { kind: 'engagement', rule: 'visit', points: 0, note: 'period no longer tracked' },
    ]);
  });
});

describe('half-life decay', () => {
  const model = parseScoringModel({
    engagement: [{ id: 'demo', event: 'demo', points: 100 }],
    decay: { mode: 'halfLife', days: 30 },
  });
  const { state } = run(model, [event('demo', MONDAY)]);

  it('halves the points every half-life, continuously', () => {
    expect(currentScore(state, model, MONDAY)).toBe(100);
    expect(currentScore(state, model, MONDAY + 30 * DAY)).toBe(50);
    expect(currentScore(state, model, MONDAY + 60 * DAY)).toBe(25);
    expect(currentScore(state, model, MONDAY + 15 * DAY)).toBe(71);
  });

  it('gives the same ledger whatever order the events arrive in', () => {
    const late = run(model, [event('demo', MONDAY + 10 * DAY)]).state;
    const now = new Date(MONDAY + 10 * DAY);
    const outOfOrder = applyEvent(late, event('demo', MONDAY), model, now).state;
    const inOrder = applyEvent(state, event('demo', MONDAY + 10 * DAY), model, now).state;
    expect(outOfOrder.points).toBeCloseTo(inOrder.points, 4);
    expect(currentScore(outOfOrder, model, MONDAY + 40 * DAY)).toBe(
      currentScore(inOrder, model, MONDAY + 40 * DAY),
    );
  });

  it('schedules the next step exactly: a threshold crossing, or the next point lost', () => {
    const crossing = nextDecayStep(state, model, new Date(MONDAY), { thresholds: [60] });
    const t = crossing?.getTime() ?? 0;
    // 100 · 2^(−Δ/30 d) < 59.5 ⇔ Δ > 30 d · log2(100 / 59.5) ≈ 22.47 days.
    expect(t / DAY - MONDAY / DAY).toBeCloseTo(30 * Math.log2(100 / 59.5), 6);
    expect(currentScore(state, model, t - 1)).toBe(60);
    expect(currentScore(state, model, t)).toBe(59);
    const step = nextDecayStep(state, model, new Date(MONDAY));
    const s = step?.getTime() ?? 0;
    expect(currentScore(state, model, s - 1)).toBe(100);
    expect(currentScore(state, model, s)).toBe(99);
    // A threshold already below the floor, or no points to decay: nothing to schedule.
    expect(nextDecayStep(state, model, new Date(MONDAY), { thresholds: [0] })).toBeUndefined();
    expect(nextDecayStep(emptyScoreState(model), model, new Date(MONDAY))).toBeUndefined();
  });

  it('a negative balance decays towards 0, raising the score on schedule', () => {
    const debtModel = parseScoringModel({
      engagement: [{ id: 'unsubscribed', event: 'email.unsubscribed', points: -40 }],
      decay: { mode: 'halfLife', days: 30 },
      floor: -100,
    });
    const debt = run(debtModel, [event('email.unsubscribed', MONDAY)]).state;
    expect(currentScore(debt, debtModel, MONDAY)).toBe(-40);
    const at = nextDecayStep(debt, debtModel, new Date(MONDAY), { thresholds: [-20] });
    expect(currentScore(debt, debtModel, (at?.getTime() ?? 0) - 1)).toBe(-21);
    expect(currentScore(debt, debtModel, at?.getTime() ?? 0)).toBe(-20);
  });
});

describe('expiring points', () => {
  const model = parseScoringModel({
    engagement: [{ id: 'visit', event: 'visit', points: 10 }],
    decay: { mode: 'expire', days: 30 },
  });

  it('counts points for 30 days to the day: until the end of their day + 30 days', () => {
    const earned = MONDAY + 10 * 3600_000;
    const { state } = run(model, [event('visit', earned)]);
    const expiry = MONDAY + DAY + 30 * DAY;
    expect(currentScore(state, model, earned + 30 * DAY)).toBe(10);
    expect(currentScore(state, model, expiry - 1)).toBe(10);
    expect(currentScore(state, model, expiry)).toBe(0);
    expect(nextDecayStep(state, model, new Date(earned))?.getTime()).toBe(expiry);
  });

  it('steps down bucket by bucket, and settles to a smaller ledger', () => {
    const { state } = run(model, [
      event('visit', MONDAY),
      event('visit', MONDAY + DAY),
      event('visit', MONDAY + 2 * DAY),
    ]);
    expect(state.buckets).toHaveLength(3);
    const first = nextDecayStep(state, model, new Date(MONDAY + 2 * DAY));
    expect(first?.getTime()).toBe(MONDAY + 31 * DAY);
    expect(nextDecayStep(state, model, new Date(MONDAY + 2 * DAY), { thresholds: [15] })?.getTime()).toBe(
      MONDAY + 32 * DAY,
    );
    const settled = settle(state, model, new Date(MONDAY + 31 * DAY));
    expect(settled.state.buckets).toHaveLength(2);
    expect(settled.score).toBe(20);
    expect(settled.previousScore).toBe(30);
  });

  it('groups long expiries in wider buckets: 90 days → 3-day buckets, never early', () => {
    const long = parseScoringModel({ ...model, decay: { mode: 'expire', days: 90 } });
    const { state } = run(long, [event('visit', MONDAY), event('visit', MONDAY + DAY)]);
    expect(state.buckets).toHaveLength(1);
    const start = state.buckets[0]?.[0] ?? 0;
    const expiry = (start + 3 + 90) * DAY;
    expect(expiry).toBeGreaterThanOrEqual(MONDAY + DAY + 90 * DAY);
    expect(currentScore(state, long, expiry - 1)).toBe(20);
    expect(currentScore(state, long, expiry)).toBe(0);
  });

  it('gives nothing for an event older than the expiry', () => {
    const now = new Date(MONDAY + 60 * DAY);
    const result = applyEvent(emptyScoreState(model), event('visit', MONDAY), model, now);
    expect(result.reasons).toEqual([{ kind: 'engagement', rule: 'visit', points: 0, note: 'expired' }]);
    expect(result.score).toBe(0);
  });
});

describe('ledger size', () => {
  it('stays bounded: a year of heavy activity keeps ≤ 32 buckets and ≤ 2 periods per capped rule', () => {
    const model = parseScoringModel({
      engagement: Array.from({ length: 5 }, (_, i) => ({
        id: `r${i}`,
        event: `e${i}`,
        points: 3,
        cap: { points: 20, per: 'day' },
      })),
      fit: Array.from({ length: 5 }, (_, i) => ({
        id: `fit-rule-${i}`,
        condition: { type: 'attribute', field: 'email', op: 'exists' },
        points: 1,
      })),
      decay: { mode: 'expire', days: 30 },
    });
    let state: ScoreState = { ...emptyScoreState(model), fitRules: model.fit.map((f) => f.id) };
    for (let h = 0; h < 365 * 24; h += 1) {
      const t = MONDAY + h * 3600_000;
      state = applyEvent(state, event(`e${h % 5}`, t), model, new Date(t)).state;
    }
    expect(state.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    for (const entries of Object.values(state.caps)) expect(entries.length).toBeLessThanOrEqual(2);
    expect(JSON.stringify(state).length).toBeLessThan(1000);
    expect(scoreStateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });
});
