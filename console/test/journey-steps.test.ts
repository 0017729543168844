/** Reading a journey document for the diagram: steps in order, their edges, junk ignored. */
import { describe, expect, it } from 'vitest';
import { journeySteps, triggerType } from '../src/pages/journeys/journey-steps.ts';

describe('the journey diagram reader', () => {
  it('lists each step with where it leads', () => {
    const definition = {
      trigger: { type: 'event', event: 'Signed Up' },
      steps: [
        { id: 'hello', type: 'email', template: { templateId: 'welcome' }, next: 'split' },
        { id: 'split', type: 'split', paths: [{ weight: 8, next: 'check' }, { weight: 2 }] },
        { id: 'check', type: 'branch', condition: {}, ifTrue: 'done', ifFalse: 'hello' },
        { id: 'wait', type: 'waitForEvent', onEvent: 'done', onTimeout: 'hello' },
        { id: 'done', type: 'exit' },
      ],
    };

    expect(triggerType(definition)).toBe('event');
    expect(journeySteps(definition)).toEqual([
      { id: 'hello', type: 'email', templateId: 'welcome', edges: [{ kind: 'next', to: 'split' }] },
      {
        id: 'split',
        type: 'split',
        edges: [
          { kind: 'path', path: 0, to: 'check', share: 80 },
          { kind: 'pathEnd', path: 1, share: 20 },
        ],
      },
      {
        id: 'check',
        type: 'branch',
        edges: [
          { kind: 'ifTrue', to: 'done' },
          { kind: 'ifFalse', to: 'hello' },
        ],
      },
      {
        id: 'wait',
        type: 'waitForEvent',
        edges: [
          { kind: 'onEvent', to: 'done' },
          { kind: 'onTimeout', to: 'hello' },
        ],
      },
      { id: 'done', type: 'exit', edges: [] },
    ]);
  });

  it('shows each split path as its share of the runs, whatever the weights add up to', () => {
    const split = (weights: unknown[]) =>
      journeySteps({
        steps: [{ id: 's', type: 'split', paths: weights.map((weight, i) => ({ weight, next: `p${i}` })) }],
      })[0]?.edges.map((e) => ('share' in e ? e.share : undefined));
    expect(split([9, 1])).toEqual([90, 10]);
    expect(split([1, 1, 1])).toEqual([33, 33, 33]);
    expect(split([1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
    expect(split([1, 'x'])).toEqual([100, 0]);
  });

  it('reads nothing from what is not a journey document', () => {
    expect(journeySteps(null)).toEqual([]);
    expect(journeySteps({ steps: [{ id: 1 }, 'x', { type: 'wait' }] })).toEqual([]);
    expect(triggerType({})).toBeUndefined();
  });
});
