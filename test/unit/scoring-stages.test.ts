import { describe, expect, it } from 'vitest';
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { emptyContact } from '../../lib/contacts/contact-model.ts';
import { applyEvent, applyFit, nextFitChange, setStage, settle } from '../../lib/scoring/lead-scoring.ts';
import type { ScoreState } from '../../lib/scoring/score-state.schema.ts';
import { emptyScoreState, nextDecayStep } from '../../lib/scoring/score-state.ts';
import { parseScoringModel } from '../../lib/scoring/scoring-model.schema.ts';
import { stageFor } from '../../lib/scoring/stages.ts';
import { ValidationError } from '../../lib/shared/errors.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2026-06-15T00:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

const model = parseScoringModel({
  engagement: [
    { id: 'visit', event: 'visit', points: 5 },
    { id: 'demo', event: 'demo.requested', points: 60 },
  ],
  fit: [
    {
      id: 'spain',
      condition: { type: 'attribute', field: 'attributes.country', op: 'equals', value: 'ES' },
      points: 10,
    },
    {
      id: 'new',
      condition: { type: 'attribute', field: 'createdAt', op: 'withinLastDays', days: 7 },
      points: 3,
    },
  ],
  decay: { mode: 'halfLife', days: 30 },
});

const contact = (over: Partial<Contact> = {}): Contact => ({
  ...emptyContact('ws_test', 'c_test', 'api', iso(T0 - 100 * DAY)),
  ...over,
});

const apply = (state: ScoreState, name: string, t: number) =>
  applyEvent(state, { name, occurredAt: iso(t), properties: {} }, model, new Date(t));

describe('lifecycle stages', () => {
  it('starts at the first stage and moves forward by score thresholds', () => {
    let state = emptyScoreState(model);
    expect(state.stage).toBe('subscriber');
    const first = apply(state, 'visit', T0);
    expect(first.stageChange).toBeUndefined();
    state = apply(first.state, 'visit', T0 + 1).state;
    expect(state.stage).toBe('lead');
    const jump = apply(state, 'demo.requested', T0 + 2);
    expect(jump.score).toBe(70);
    expect(jump.stageChange).toEqual({ from: 'lead', to: 'mql', by: 'threshold' });
  });

  it('moves forward by event: an order makes a customer, whatever the score', () => {
    const result = apply(emptyScoreState(model), 'order.placed', T0);
    expect(result.score).toBe(0);
    expect(result.stageChange).toEqual({
      from: 'subscriber',
      to: 'customer',
      by: 'event',
      rule: 'order.placed',
    });
    // and a later threshold never takes a customer back to mql
    expect(apply(result.state, 'demo.requested', T0 + 1).state.stage).toBe('customer');
  });

  it('never moves backward by rule: decay lowers the score, not the stage', () => {
    const mql = apply(emptyScoreState(model), 'demo.requested', T0).state;
    expect(mql.stage).toBe('mql');
    const later = new Date(T0 + 90 * DAY);
    const settled = settle(mql, model, later);
    expect(settled.score).toBe(8);
    expect(settled.state.stage).toBe('mql');
    expect(settled.stageChange).toBeUndefined();
    expect(stageFor(mql, model, later)).toBe('mql');
  });

  it('moves backward only by explicit action, which holds the contact until its score crosses a threshold again', () => {
    const mql = apply(emptyScoreState(model), 'demo.requested', T0).state;
    const back = setStage(mql, 'lead', model, new Date(T0 + 1));
    expect(back.stageChange).toEqual({ from: 'mql', to: 'lead', by: 'manual' });
    expect(back.state.held).toBe(true);
    // Still above 60: a new event does not undo the staff's decision.
    const visit = apply(back.state, 'visit', T0 + 2);
    expect(visit.score).toBe(65);
    expect(visit.state.stage).toBe('lead');
    expect(stageFor(visit.state, model, new Date(T0 + 2))).toBe('lead');
    // Decay below 60, then points crossing it upward: promoted again.
    const low = settle(visit.state, model, new Date(T0 + 30 * DAY));
    expect(low.score).toBeLessThan(60);
    const cross = apply(low.state, 'demo.requested', T0 + 30 * DAY);
    expect(cross.stageChange).toEqual({ from: 'lead', to: 'mql', by: 'threshold' });
    expect(cross.state.held).toBeUndefined();
  });

  it('lets events promote a held contact, and an explicit move forward release it', () => {
    const mql = apply(emptyScoreState(model), 'demo.requested', T0).state;
    const held = setStage(mql, 'subscriber', model, new Date(T0)).state;
    expect(apply(held, 'order.placed', T0 + 1).state.stage).toBe('customer');
    const forward = setStage(held, 'sql', model, new Date(T0 + 1));
    expect(forward.stageChange).toEqual({ from: 'subscriber', to: 'sql', by: 'manual' });
    expect(forward.state.held).toBeUndefined();
    expect(() => setStage(held, 'vip', model, new Date(T0))).toThrow(ValidationError);
  });

  it('promotes on schedule when a negative balance decays past a threshold', () => {
    const debtModel = parseScoringModel({
      engagement: [{ id: 'complaint', event: 'complaint', points: -20 }],
      fit: [
        {
          id: 'big',
          condition: { type: 'attribute', field: 'attributes.employees', op: 'gte', value: 500 },
          points: 75,
        },
      ],
      decay: { mode: 'halfLife', days: 10 },
    });
    const subject = { contact: contact({ attributes: { employees: 800 } }) };
    let state = applyFit(emptyScoreState(debtModel), subject, debtModel, new Date(T0)).state;
    expect(state.stage).toBe('mql');
    state = setStage(state, 'lead', debtModel, new Date(T0)).state;
    state = applyEvent(
      state,
      { name: 'complaint', occurredAt: iso(T0), properties: {} },
      debtModel,
      new Date(T0),
    ).state;
    expect(state.score).toBe(55);
    const at = nextDecayStep(state, debtModel, new Date(T0), { thresholds: [60] });
    expect(at).toBeDefined();
    const before = settle(state, debtModel, new Date((at?.getTime() ?? 0) - 1));
    expect(before.state.stage).toBe('lead');
    const due = settle(before.state, debtModel, at ?? new Date(0));
    expect(due.score).toBe(60);
    expect(due.stageChange).toEqual({ from: 'lead', to: 'mql', by: 'threshold' });
  });
});

describe('fit points', () => {
  it('follow the contact: + when a rule starts to hold, − when it stops', () => {
    const now = new Date(T0);
    const spanish = applyFit(
      emptyScoreState(model),
      { contact: contact({ attributes: { country: 'ES' } }) },
      model,
      now,
    );
    expect(spanish.score).toBe(10);
    expect(spanish.reasons).toEqual([{ kind: 'fit', rule: 'spain', points: 10 }]);
    expect(spanish.state.fitRules).toEqual(['spain']);
    const moved = applyFit(
      spanish.state,
      { contact: contact({ attributes: { country: 'FR' } }) },
      model,
      now,
    );
    expect(moved.score).toBe(0);
    expect(moved.delta).toBe(-10);
    expect(moved.reasons).toEqual([{ kind: 'fit', rule: 'spain', points: -10 }]);
  });

  it('do not decay, and time-relative fit rules say when to re-check', () => {
    const created = T0 - 2 * DAY;
    const subject = { contact: contact({ createdAt: iso(created), attributes: { country: 'ES' } }) };
    const result = applyFit(emptyScoreState(model), subject, model, new Date(T0));
    expect(result.score).toBe(13);
    expect(settle(result.state, model, new Date(T0 + 365 * DAY)).score).toBe(13);
    expect(nextFitChange(subject, model, new Date(T0))?.getTime()).toBe(created + 7 * DAY + 1);
  });
});
