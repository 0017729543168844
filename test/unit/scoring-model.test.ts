import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE, parseScoringModel } from '../../lib/scoring/scoring-model.schema.ts';
import { ValidationError } from '../../lib/shared/errors.ts';
import { DEFAULT_STAGES } from '../../lib/shared/values/stage.schema.ts';

const issuesOf = (doc: unknown): string[] => {
  try {
    parseScoringModel(doc);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  throw new Error('the model was accepted');
};

const EXAMPLE_MODEL = {
  engagement: [
    {
      id: 'pricing-page',
      event: 'page.viewed',
      where: [{ path: 'properties.path', op: 'startsWith', value: '/pricing' }],
      points: 5,
      cap: { points: 20, per: 'day' },
    },
    { id: 'demo-requested', event: 'demo.requested', points: 30, cap: { points: 30, per: 'ever' } },
    { id: 'unsubscribed', event: 'email.unsubscribed', points: -25 },
  ],
  fit: [
    {
      id: 'spain',
      condition: { type: 'attribute', field: 'attributes.country', op: 'equals', value: 'ES' },
      points: 10,
    },
    {
      id: 'freemail',
      condition: { type: 'attribute', field: 'email', op: 'endsWith', value: '@gmail.com' },
      points: -5,
    },
  ],
  decay: { mode: 'halfLife', days: 30 },
  floor: 0,
  lifecycle: {
    stages: ['subscriber', 'lead', 'mql', 'sql', 'opportunity', 'customer'],
    thresholds: [
      { stage: 'lead', minScore: 10 },
      { stage: 'mql', minScore: 60 },
    ],
    events: [
      { event: 'order.placed', stage: 'customer' },
      { event: 'meeting.booked', stage: 'sql' },
    ],
  },
};

describe('scoring model', () => {
  it('fills defaults: no rules, no decay, floor 0, the default lifecycle', () => {
    expect(parseScoringModel({})).toEqual({
      engagement: [],
      fit: [],
      decay: { mode: 'none' },
      floor: 0,
      lifecycle: DEFAULT_LIFECYCLE,
    });
    expect(DEFAULT_LIFECYCLE.stages).toEqual(DEFAULT_STAGES);
  });

  it('accepts a full model', () => {
    expect(parseScoringModel(EXAMPLE_MODEL)).toEqual(EXAMPLE_MODEL);
  });

  it('names bad rules by path', () => {
    expect(
      issuesOf({
        engagement: [
          { id: 'a', event: 'x', points: 1 },
          { id: 'a', event: 'y', points: 0, cap: { points: 0, per: 'hour' } },
        ],
      }),
    ).toEqual([
      'engagement.1.points: a rule worth 0 points does nothing',
      'engagement.1.cap.points: a cap is at least 1 point',
      'engagement.1.cap.per: Invalid option: expected one of "day"|"week"|"month"|"ever"',
    ]);
    expect(
      issuesOf({
        engagement: [
          { id: 'a', event: 'x', points: 1 },
          { id: 'a', event: 'y', points: 2 },
        ],
      }),
    ).toEqual(['engagement.1.id: rule id a is used twice']);
    expect(issuesOf({ engagement: [{ id: 'a', event: 'x', points: 1.5, bonus: 1 }] })).toEqual([
      'engagement.0.points: points are whole numbers',
      'engagement.0.bonus: is not a known field',
    ]);
  });

  it('checks fit conditions with the condition language, and refuses ones that read score or stage', () => {
    expect(
      issuesOf({
        fit: [
          {
            id: 'f',
            points: 5,
            condition: { type: 'attribute', field: 'attributes.n', op: 'gt', value: 'x' },
          },
        ],
      })[0],
    ).toMatch(/^fit\.0\.condition\.value: compares numbers or dates/);
    expect(
      issuesOf({ fit: [{ id: 'f', points: 5, condition: { type: 'score', op: 'gt', value: 5 } }] }),
    ).toEqual(['fit.0.condition: a fit condition cannot read score or stage: it feeds them']);
  });

  it('checks the lifecycle', () => {
    const lifecycle = (l: Record<string, unknown>) =>
      issuesOf({ lifecycle: { stages: ['a', 'b', 'c'], ...l } });
    expect(lifecycle({ thresholds: [{ stage: 'z', minScore: 1 }] })).toEqual([
      'lifecycle.thresholds.0.stage: z is not a stage',
    ]);
    expect(lifecycle({ thresholds: [{ stage: 'a', minScore: 1 }] })).toEqual([
      'lifecycle.thresholds.0.stage: the first stage is where contacts start: it takes no threshold',
    ]);
    expect(
      lifecycle({
        thresholds: [
          { stage: 'c', minScore: 10 },
          { stage: 'b', minScore: 20 },
        ],
      }),
    ).toEqual(['lifecycle.thresholds.0.minScore: a later stage needs a higher score than an earlier one']);
    expect(lifecycle({ events: [{ event: 'x', stage: 'q' }] })).toEqual([
      'lifecycle.events.0.stage: q is not a stage',
    ]);
    expect(issuesOf({ lifecycle: { stages: ['a', 'a'] } })).toEqual([
      'lifecycle.stages.1: a is listed twice',
    ]);
    expect(issuesOf({ lifecycle: { stages: ['a'] } })).toEqual(['lifecycle.stages: at least two stages']);
  });

  it('checks decay', () => {
    expect(issuesOf({ decay: { mode: 'halfLife', days: 0 } })).toEqual(['decay.days: at least 1 day']);
    expect(issuesOf({ decay: { mode: 'expire' } })).toEqual(['decay.days: is required']);
    expect(issuesOf({ decay: { mode: 'linear', days: 3 } })[0]).toMatch(/^decay\.mode: /);
  });
});
