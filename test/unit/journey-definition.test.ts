/**
 * Journey documents: a complete one parses with its defaults; every mistake is reported at the path of
 * the step and field that is wrong, the graph's included (unknown follower, loop, unreachable step).
 */
import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../../functions/shared/http-errors.ts';
import {
  type JourneyDefinition,
  journeyDefinitionSchema,
} from '../../lib/journeys/journey-definition.schema.ts';
import { stepOrder } from '../../lib/journeys/journey-graph.ts';
import { abandonedCheckoutJourney } from '../support/journeys.ts';

const abandoned = abandonedCheckoutJourney('abandoned-checkout', {
  quietHours: { from: '21:00', to: '08:00' },
  reminderVersion: 2,
});

/** The issues of a document that does not parse, as the API reports them (`path: message`). */
const issues = (doc: unknown): string[] => {
  const result = journeyDefinitionSchema.safeParse(doc);
  if (result.success) throw new Error('it parsed');
  return fieldIssues(result.error).map((i) => `${i.path}: ${i.message}`);
};

const parseJourneyDefinition = (doc: unknown): JourneyDefinition => journeyDefinitionSchema.parse(doc);

const withSteps = (steps: unknown[], over: Record<string, unknown> = {}) => ({
  ...abandoned,
  ...over,
  steps,
});

describe('journey definitions', () => {
  it('parses a complete journey, with the defaults filled in', () => {
    const parsed: JourneyDefinition = parseJourneyDefinition(abandoned);
    expect(parsed.steps.map((s) => s.type)).toEqual(['email', 'waitForEvent', 'email']);
    expect(stepOrder(parsed.steps)).toEqual(['nudge', 'wait-order', 'reminder']);
    const birthday = parseJourneyDefinition({
      name: 'Birthday',
      trigger: { type: 'date', field: 'attributes.birthday' },
      steps: [{ id: 'gift', type: 'email', template: { templateId: 'welcome' } }],
    });
    expect(birthday.trigger).toEqual({
      type: 'date',
      field: 'attributes.birthday',
      at: '09:00',
      offsetDays: 0,
    });
    expect(birthday.entry).toEqual({ mode: 'once' });
  });

  it('names the step and the field of each mistake', () => {
    expect(
      issues(
        withSteps([
          { id: 'a', type: 'wait', duration: { hours: 0 }, next: 'b' },
          { id: 'b', type: 'waitUntil', time: '24:00' },
          { id: 'c', type: 'teleport' },
          { id: 'd', type: 'email', template: { templateId: 'x' }, colour: 'red' },
        ]),
      ),
    ).toEqual(
      expect.arrayContaining([
        'steps[0].duration: a duration of at least one minute: minutes, hours and/or days',
        expect.stringMatching(/^steps\[1\]\.time: not a time HH:mm/),
        expect.stringMatching(/^steps\[2\]\.type: /),
        'steps[3].colour: is not a known field',
      ]),
    );
    expect(issues({ ...abandoned, entry: { mode: 'oncePer' } })).toEqual([
      'entry.periodDays: periodDays goes with mode oncePer, and only with it',
    ]);
    expect(issues({ ...abandoned, trigger: { type: 'segment', on: 'enter' } })).toEqual([
      expect.stringMatching(/^trigger\.segmentId: /),
    ]);
    const segment = { type: 'segment', segmentId: 'sg_0123456789abcdefghjkmnpqrs', on: 'enter' };
    expect(issues({ ...abandoned, trigger: segment })).toEqual([
      'steps[1].key: a key matches a value of the trigger event: the trigger must be an event',
      'goal.key: a key matches a value of the trigger event: the trigger must be an event',
    ]);
  });

  it('checks the graph: unique ids, known followers, no loop, every step reached', () => {
    expect(
      issues(
        withSteps([
          { id: 'a', type: 'wait', duration: { days: 1 }, next: 'b' },
          {
            id: 'b',
            type: 'branch',
            condition: { type: 'tag', op: 'has', value: 'vip' },
            ifTrue: 'c',
            ifFalse: 'nowhere',
          },
          { id: 'c', type: 'wait', duration: { days: 1 }, next: 'a' },
          { id: 'lonely', type: 'exit' },
          { id: 'a', type: 'exit' },
        ]),
      ).sort(),
    ).toEqual(
      [
        'steps[1].ifFalse: no step nowhere',
        "steps[2].next: leads back to a: a journey's steps cannot loop",
        'steps[3].id: step lonely is never reached from the first step',
        'steps[4].id: step id a is used twice',
      ].sort(),
    );
    expect(
      issues(withSteps([{ id: 's', type: 'split', paths: [{ weight: 50, next: 's' }, { weight: 50 }] }])),
    ).toEqual(['steps[0].paths[0].next: a step cannot follow itself']);
  });

  it('keeps the limits: steps, waits, split paths', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `s${i}`, type: 'exit' }));
    expect(issues(withSteps(many))).toContain('steps: at most 50 steps');
    expect(issues(withSteps([{ id: 'w', type: 'wait', duration: { days: 366 } }]))).toEqual([
      'steps[0].duration: at most 365 days',
    ]);
    expect(
      issues(
        withSteps([
          {
            id: 'w',
            type: 'waitForEvent',
            event: 'order.placed',
            timeout: { days: 91 },
          },
        ]),
      ),
    ).toEqual(['steps[0].timeout: at most 90 days']);
    expect(issues(withSteps([{ id: 's', type: 'split', paths: [{ weight: 1 }] }]))).toEqual([
      'steps[0].paths: at least two paths',
    ]);
    expect(issues(withSteps([{ id: 'u', type: 'update' }]))).toEqual([
      'steps[0]: an update changes something: addTags, removeTags, attributes or stage',
    ]);
  });
});
