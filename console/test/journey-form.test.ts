/**
 * The journey builder's form ⇄ document mapping: every ready-made journey (with its default options
 * and with others), and journeys with random splits and webhook calls, read into the form and written
 * back are the same document; what the form cannot hold is refused (shown read-only) rather than
 * changed; editing the list of steps keeps the jumps between steps (and split paths) pointing where
 * they did.
 */
import { describe, expect, it } from 'vitest';
import {
  JOURNEY_LIMITS,
  journeyDefinitionSchema,
  WEEKDAYS as SERVER_WEEKDAYS,
} from '../../lib/journeys/journey-definition.schema.ts';
import { READY_MADE } from '../../lib/journeys/ready-made/index.ts';
import { fromCondition } from '../src/conditions/builder-model.ts';
import {
  blankForm,
  END_RUN,
  FOLLOWING,
  type JourneyForm,
  SPLIT_PATHS,
  STEP_TYPES,
  type StepForm,
  WEEKDAYS,
} from '../src/pages/journeys/form/journey-form-model.ts';
import { formFromDefinition } from '../src/pages/journeys/form/journey-form-read.ts';
import {
  insertStep,
  moveStep,
  removeStep,
  replaceStep,
} from '../src/pages/journeys/form/journey-form-steps.ts';
import { definitionFromForm } from '../src/pages/journeys/form/journey-form-write.ts';

const OTHER_OPTIONS: Record<string, object> = {
  welcome: { followUpDays: 0 },
  'abandoned-checkout': { reminderAfterHours: 2, quietHours: null },
  'post-purchase': { followUpDays: 0, reviewAfterDays: 10 },
  'win-back': { inactiveDays: 120, quietHours: { from: '22:00', to: '07:30' } },
  birthday: { attribute: 'dob', sendAt: '10:15', offsetDays: -3 },
  'lead-nurture': { emails: 1, spacingDays: 2 },
};

const ENDPOINT = 'whe_01hzy3k8v6m2n4p5q7r9s0t1w2';
const base = {
  name: 'Split and call',
  trigger: { type: 'event', event: 'signed.up' },
  entry: { mode: 'once' },
};
const email = (id: string, next?: string) => ({
  id,
  type: 'email',
  template: { templateId: 'welcome' },
  ...(next ? { next } : {}),
});

/** Journeys with random splits and webhook calls, each a document the server accepts. */
const SPLITS_AND_CALLS: readonly (readonly [string, object])[] = [
  [
    'an A/B test of two emails, 50/50, joining again at a webhook call',
    {
      ...base,
      steps: [
        {
          id: 'ab',
          type: 'split',
          paths: [
            { weight: 50, next: 'a' },
            { weight: 50, next: 'b' },
          ],
        },
        email('a', 'notify'),
        email('b', 'notify'),
        { id: 'notify', type: 'webhook', endpointId: ENDPOINT },
      ],
    },
  ],
  [
    'a 9-to-1 holdout whose small path ends the run',
    {
      ...base,
      steps: [
        { id: 'holdout', type: 'split', paths: [{ weight: 9, next: 'hello' }, { weight: 1 }] },
        email('hello'),
      ],
    },
  ],
  [
    'a split as the last step, one path jumping up the list',
    {
      ...base,
      steps: [
        email('hello', 'pick'),
        email('late'),
        { id: 'pick', type: 'split', paths: [{ weight: 3, next: 'late' }, { weight: 2 }] },
      ],
    },
  ],
  [
    'four paths weighted 1, 2, 3 and 4',
    {
      ...base,
      steps: [
        {
          id: 'four',
          type: 'split',
          paths: [
            { weight: 1, next: 'a' },
            { weight: 2, next: 'b' },
            { weight: 3, next: 'c' },
            { weight: 4 },
          ],
        },
        email('a'),
        email('b'),
        email('c'),
      ],
    },
  ],
  [
    'a webhook call in the middle that ends the run, and one that jumps',
    {
      ...base,
      steps: [
        {
          id: 'check',
          type: 'branch',
          condition: { type: 'stage', op: 'atLeast', value: 'mql' },
          ifTrue: 'crm',
          ifFalse: 'hello',
        },
        { id: 'crm', type: 'webhook', endpointId: ENDPOINT },
        { id: 'hello', type: 'email', template: { templateId: 'welcome' }, next: 'crm-2' },
        { id: 'crm-2', type: 'webhook', endpointId: ENDPOINT, next: 'bye' },
        email('bye'),
      ],
    },
  ],
];

const formOf = (definition: unknown): JourneyForm => {
  const form = formFromDefinition(definition);
  if (!form) throw new Error('the form cannot hold this document');
  return form;
};

describe('the journey builder form', () => {
  const cases = READY_MADE.flatMap((r) =>
    (['en', 'zh-Hant'] as const).flatMap((locale) => [
      [`${r.name} (defaults, ${locale})`, r.document({}, locale)] as const,
      [`${r.name} (other options, ${locale})`, r.document(OTHER_OPTIONS[r.name], locale)] as const,
    ]),
  );

  it.each(cases)('gives back the same document for %s', (_name, definition) => {
    const json = JSON.parse(JSON.stringify(definition));

    const written = definitionFromForm(formOf(json));

    expect(JSON.parse(JSON.stringify(written))).toEqual(json);
  });

  it.each(SPLITS_AND_CALLS)('gives back the same document for %s', (_name, definition) => {
    const json = JSON.parse(JSON.stringify(definition));
    expect(journeyDefinitionSchema.safeParse(json).error?.issues).toBeUndefined();

    const written = definitionFromForm(formOf(json));

    expect(JSON.parse(JSON.stringify(written))).toEqual(json);
  });

  it('has an option for every ready-made shape and keeps its own copies of the weekdays and the split’s limit equal to the server’s', () => {
    expect(Object.keys(OTHER_OPTIONS).sort()).toEqual(READY_MADE.map((r) => r.name).sort());
    expect([...WEEKDAYS]).toEqual([...SERVER_WEEKDAYS]);
    expect(SPLIT_PATHS.max).toBe(JOURNEY_LIMITS.splitPaths);
  });

  it('reads a split’s paths as weights and targets, a path without a follower as the end of the run', () => {
    const holdout = SPLITS_AND_CALLS.find(([name]) => name.includes('holdout'))?.[1];
    const form = formOf(holdout);

    expect(form.steps[0]).toMatchObject({
      type: 'split',
      paths: [
        { weight: '9', next: FOLLOWING },
        { weight: '1', next: END_RUN },
      ],
    });
    const calls = formOf(SPLITS_AND_CALLS.find(([name]) => name.includes('webhook call in'))?.[1]);
    expect(calls.steps[1]).toMatchObject({ type: 'webhook', endpointId: ENDPOINT, next: END_RUN });
    expect(calls.steps[3]).toMatchObject({ type: 'webhook', endpointId: ENDPOINT, next: FOLLOWING });
  });

  it('writes a split’s weight it cannot read as null, for the API to name steps[i].paths[n].weight', () => {
    const form = formOf(SPLITS_AND_CALLS[0]?.[1]);
    const split = form.steps[0];
    if (split?.type !== 'split') throw new Error('expected the split');

    const written = definitionFromForm(
      replaceStep(form, 0, {
        ...split,
        paths: split.paths.map((p, i) => (i === 1 ? { ...p, weight: 'half' } : p)),
      }),
    );

    expect(JSON.parse(JSON.stringify(written)).steps[0].paths).toEqual([
      { weight: 50, next: 'a' },
      { weight: null, next: 'b' },
    ]);
  });

  it('reads the linear parts as "the following step" and jumps as step ids', () => {
    const lead = READY_MADE.find((r) => r.name === 'lead-nurture')?.document({ emails: 2 }, 'en');
    const form = formOf(lead);

    expect(form.steps.map((s) => s.id).slice(0, 3)).toEqual(['email-1', 'wait-1', 'check-1']);
    expect(form.steps[0]).toMatchObject({ type: 'email', next: FOLLOWING });
    expect(form.steps[1]).toMatchObject({
      type: 'waitForEvent',
      onEvent: 'sales-ready',
      onTimeout: FOLLOWING,
    });
    expect(form.steps[2]).toMatchObject({ id: 'check-1', ifTrue: 'sales-ready', ifFalse: FOLLOWING });
    // The last check is followed by the hand-off itself; its "no" side ends the run.
    expect(form.steps[5]).toMatchObject({ id: 'check-2', ifTrue: FOLLOWING, ifFalse: END_RUN });
    expect(form.trigger).toMatchObject({ type: 'stage', to: 'lead' });
    expect(form.goal).toMatchObject({ enabled: true, event: 'order.placed' });
  });

  it('refuses what it cannot hold instead of changing it', () => {
    const base = { name: 'J', trigger: { type: 'event', event: 'x.y' }, entry: { mode: 'once' } };
    const cannot = [
      { ...base, steps: [{ id: 'a', type: 'split', paths: [{ weight: 50 }, { weight: 2.5 }] }] },
      { ...base, steps: [{ id: 'a', type: 'split', paths: [{ weight: 50 }, { weight: '50' }] }] },
      { ...base, steps: [{ id: 'a', type: 'split', paths: [{ weight: 50 }, { weight: 50, label: 'B' }] }] },
      { ...base, steps: [{ id: 'a', type: 'split', paths: { a: { weight: 50 } } }] },
      { ...base, steps: [{ id: 'a', type: 'split', paths: [{ weight: 50 }, { weight: 50, next: 3 }] }] },
      { ...base, steps: [{ id: 'a', type: 'webhook', endpointId: 7 }] },
      { ...base, steps: [{ id: 'a', type: 'webhook', endpointId: 'whe_1', url: 'https://crm.example' }] },
      { ...base, steps: [{ id: 'a', type: 'update', attributes: { vip: true } }] },
      { ...base, steps: [{ id: 'a', type: 'email', template: { templateId: 't' }, extra: 1 }] },
      {
        ...base,
        trigger: { type: 'event', event: 'x', where: [{ path: 'properties.n', op: 'equals', value: 3 }] },
        steps: [],
      },
      { ...base, unknownField: 1, steps: [] },
      'not a journey',
      null,
    ];
    for (const definition of cannot)
      expect(formFromDefinition(definition), JSON.stringify(definition)).toBeUndefined();
  });

  it('writes a duration of several units in the largest unit that divides it, and filters with their types', () => {
    const form = formOf({
      name: 'J',
      trigger: {
        type: 'event',
        event: 'checkout.started',
        where: [
          { path: 'properties.total', op: 'gte', value: 50 },
          { path: 'properties.country', op: 'in', value: ['ES', 'FR'], caseInsensitive: true },
          { path: 'properties.coupon', op: 'exists' },
          { path: 'properties.at', op: 'withinLastDays', days: 7 },
        ],
      },
      entry: { mode: 'always' },
      steps: [{ id: 'w', type: 'wait', duration: { hours: 1, minutes: 60 } }],
    });

    expect(form.steps[0]).toMatchObject({ duration: { amount: '2', unit: 'hours' } });
    expect(definitionFromForm(form)).toMatchObject({
      trigger: {
        where: [
          { path: 'properties.total', op: 'gte', value: 50 },
          { path: 'properties.country', op: 'in', value: ['ES', 'FR'], caseInsensitive: true },
          { path: 'properties.coupon', op: 'exists' },
          { path: 'properties.at', op: 'withinLastDays', days: 7 },
        ],
      },
      steps: [{ id: 'w', type: 'wait', duration: { hours: 2 } }],
    });
  });

  it('sends a number it cannot read as null, for the API to name the field', () => {
    const form = formOf(READY_MADE.find((r) => r.name === 'abandoned-checkout')?.document({}, 'en'));
    const step = form.steps[1];
    if (step?.type !== 'waitForEvent') throw new Error('expected the wait for the order');

    const written = definitionFromForm(
      replaceStep(form, 1, { ...step, timeout: { amount: 'two', unit: 'hours' } }),
    );

    expect(JSON.parse(JSON.stringify(written)).steps[1].timeout).toEqual({ hours: null });
  });

  it('adds, moves, renames and removes steps, keeping jumps on their step', () => {
    const form = formOf(READY_MADE.find((r) => r.name === 'abandoned-checkout')?.document({}, 'en'));
    // nudge → wait-order (timeout) → reminder

    const added = insertStep(form, 3, 'wait');
    expect(added.steps.map((s) => s.id)).toEqual(['nudge', 'wait-order', 'reminder', 'wait-1']);
    const moved = moveStep(added, 3, -1);
    expect(moved.steps.map((s) => s.id)).toEqual(['nudge', 'wait-order', 'wait-1', 'reminder']);
    expect(moveStep(moved, 0, -1)).toBe(moved);
    // The timeout still goes to the reminder, by name, now that a wait sits between them.
    const waitOrder = moved.steps[1];
    if (waitOrder?.type !== 'waitForEvent') throw new Error('expected the wait for the order');
    const jumping = replaceStep(moved, 1, { ...waitOrder, onTimeout: 'reminder' });
    const reminder = jumping.steps[3];
    if (!reminder) throw new Error('expected the reminder');
    const renamed = replaceStep(jumping, 3, { ...reminder, id: 'last-call' });
    expect(renamed.steps[1]).toMatchObject({ onTimeout: 'last-call' });
    expect(definitionFromForm(renamed).steps.map((s) => s.id)).toEqual([
      'nudge',
      'wait-order',
      'wait-1',
      'last-call',
    ]);

    const removed = removeStep(renamed, 3);
    expect(removed.steps[1]).toMatchObject({ onTimeout: FOLLOWING });
    expect(definitionFromForm(removed).steps[1]).toMatchObject({ onTimeout: 'wait-1' });
  });

  it('keeps a split’s paths on the steps they lead to when those are renamed or removed', () => {
    const form = formOf(SPLITS_AND_CALLS[0]?.[1]);
    // ab → a | b → notify
    const b = form.steps[2];
    if (!b) throw new Error('expected step b');

    const renamed = replaceStep(form, 2, { ...b, id: 'variant-b' });
    // Path a is the step below the split: it follows the list; path b jumps by name.
    expect(renamed.steps[0]).toMatchObject({ paths: [{ next: FOLLOWING }, { next: 'variant-b' }] });
    expect(definitionFromForm(renamed).steps[0]).toMatchObject({
      paths: [{ next: 'a' }, { next: 'variant-b' }],
    });

    const removed = removeStep(renamed, 2);
    expect(removed.steps[0]).toMatchObject({ paths: [{ next: FOLLOWING }, { next: FOLLOWING }] });
    expect(definitionFromForm(removed).steps[0]).toEqual({
      id: 'ab',
      type: 'split',
      paths: [
        { weight: 50, next: 'a' },
        { weight: 50, next: 'a' },
      ],
    });
  });

  it('adds a split of two paths and a webhook call with no endpoint yet, each with a fresh id', () => {
    const form = insertStep(insertStep(formOf(SPLITS_AND_CALLS[0]?.[1]), 4, 'split'), 5, 'webhook');

    expect(form.steps.slice(4)).toMatchObject([
      {
        id: 'split-1',
        type: 'split',
        paths: [
          { weight: '50', next: FOLLOWING },
          { weight: '50', next: FOLLOWING },
        ],
      },
      { id: 'webhook-1', type: 'webhook', endpointId: '', next: FOLLOWING },
    ]);
  });
});

describe('a journey built from scratch in the form', () => {
  it('is a document the server accepts, with a step of every kind the form offers', () => {
    let form = blankForm();
    for (const type of STEP_TYPES) form = insertStep(form, form.steps.length, type);
    const filled = form.steps.map((step): StepForm => {
      switch (step.type) {
        case 'email':
          return { ...step, templateId: 'welcome' };
        case 'waitForEvent':
          return {
            ...step,
            event: 'order.placed',
            keyEvent: 'data.checkoutId',
            keyTrigger: 'data.checkoutId',
          };
        case 'branch':
          return { ...step, condition: fromCondition({ type: 'stage', op: 'atLeast', value: 'mql' }) };
        case 'update':
          return { ...step, addTags: 'vip, loyal', attributes: [{ key: 'k', name: 'tier', value: 'gold' }] };
        case 'emit':
          return { ...step, name: 'handoff' };
        case 'split': {
          const [a, b] = step.paths;
          if (!a || !b) throw new Error('a new split has two paths');
          return {
            ...step,
            paths: [
              { ...a, weight: '9' },
              { ...b, weight: '1', next: END_RUN },
            ],
          };
        }
        case 'webhook':
          return { ...step, endpointId: ENDPOINT };
        default:
          return step;
      }
    });
    const done = {
      ...form,
      name: 'From scratch',
      trigger: { ...form.trigger, event: 'checkout.abandoned' },
      steps: filled,
    };

    const parsed = journeyDefinitionSchema.safeParse(definitionFromForm(done));

    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data?.steps.map((s) => s.type)).toEqual(['email', ...STEP_TYPES]);
    expect(parsed.data?.steps.find((s) => s.type === 'branch')).toMatchObject({
      condition: { type: 'stage', op: 'atLeast', value: 'mql' },
    });
    expect(parsed.data?.steps.find((s) => s.type === 'split')).toEqual({
      id: 'split-1',
      type: 'split',
      paths: [{ weight: 9, next: 'update-1' }, { weight: 1 }],
    });
    expect(parsed.data?.steps.find((s) => s.type === 'webhook')).toEqual({
      id: 'webhook-1',
      type: 'webhook',
      endpointId: ENDPOINT,
      next: 'exit-1',
    });
  });
});
