/**
 * A journey as marketers write it: a JSON document with a trigger, entry rules, an optional goal and
 * quiet hours, and its steps. Steps form a graph by id: the first step starts the run, each names the
 * step that follows (`next`, or one per outcome), a step without a follower ends the run. The graph
 * is checked whole (journey-graph.ts): ids unique, every follower known, no cycle, every step reached.
 *
 * Triggers:
 * - `event`: an event with property filters (a tracked event by name, or a storefront fact such as
 *   `order.placed` or `checkout.abandoned`);
 * - `segment`: the contact enters or leaves a segment;
 * - `stage`: the contact's lifecycle stage moves to `to` (from `from`, when given);
 * - `date`: every year on a date attribute of the contact (a birthday), at a time of day in the
 *   contact's zone, `offsetDays` before or after;
 * - `inactivity`: `days` after the contact's last `event` (a win-back 90 days after the last order).
 *
 * Steps: `email`, `wait` (a duration), `waitUntil` (a time of day in the contact's zone, on given
 * weekdays), `waitForEvent` (an event matching a key of the trigger, e.g. the order of this checkout,
 * with a timeout and a follower for each outcome), `branch` (a condition of the shared language),
 * (`ifTrue`, `ifFalse`; not `then`, which would make a step look like a promise),
 * `split` (random paths by weight: A/B, holdout), `update` (tags, attributes, stage), `emit` (a
 * `journey.signal` domain event), `webhook` (a delivery to an outgoing webhook endpoint) and `exit`.
 */
import * as z from 'zod';
import { conditionSchema, propertyFilterSchema } from '../conditions/condition.schema.ts';
import { segmentIdSchema } from '../segments/segment.schema.ts';
import { eventNameSchema } from '../shared/values/event-name.schema.ts';
import { localTimeSchema } from '../shared/values/local-time.schema.ts';
import { stageNameSchema } from '../shared/values/stage.schema.ts';
import { storableJsonOnly, storableNumber } from '../shared/values/storable-number.schema.ts';
import { templateIdSchema } from '../templates/template.schema.ts';
import { checkGraph } from './journey-graph.ts';

export const JOURNEY_LIMITS = {
  steps: 50,
  splitPaths: 4,
  filters: 20,
  /** The longest single wait. */
  waitDays: 365,
  /** The longest wait for an event. */
  eventWaitDays: 90,
  inactivityDays: 730,
  tags: 20,
  attributes: 20,
} as const;

export const stepIdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9_-]{0,39}$/,
    'a step id: lowercase letter first, then letters, digits, _ or -, 40 at most',
  );

const where = z
  .array(propertyFilterSchema)
  .min(1, 'leave where out rather than empty')
  .max(JOURNEY_LIMITS.filters, `at most ${JOURNEY_LIMITS.filters} filters`)
  .optional();

/** A path into an event: `properties.<key>...` of a tracked event, `data.<key>...` of a domain event. */
const EVENT_PATH = /^(properties|data)(\.[A-Za-z0-9_-]{1,64}){1,4}$/;
const eventPath = z
  .string()
  .regex(EVENT_PATH, 'expected properties.<key> or data.<key> (up to 4 keys: letters, digits, _ and -)');

/** Which value of the awaited (or goal) event must equal which value of the trigger event. */
const keySchema = z.strictObject({ event: eventPath, trigger: eventPath });

export interface Duration {
  readonly minutes?: number | undefined;
  readonly hours?: number | undefined;
  readonly days?: number | undefined;
}

export const durationMinutes = (d: Duration): number =>
  (d.minutes ?? 0) + (d.hours ?? 0) * 60 + (d.days ?? 0) * 1440;

const durationSchema = z
  .strictObject({
    minutes: z.number().int().min(0).optional(),
    hours: z.number().int().min(0).optional(),
    days: z.number().int().min(0).optional(),
  })
  .refine((d) => durationMinutes(d) > 0, 'a duration of at least one minute: minutes, hours and/or days')
  .refine(
    (d) => durationMinutes(d) <= JOURNEY_LIMITS.waitDays * 1440,
    `at most ${JOURNEY_LIMITS.waitDays} days`,
  );

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const templateRef = z.strictObject({
  templateId: templateIdSchema,
  version: z.number().int().positive().optional(),
});

const next = stepIdSchema.optional().describe('the step that follows; none ends the run');

const attributeName = z
  .string()
  .regex(/^[A-Za-z][\w-]{0,63}$/, 'an attribute name: a letter, then letters, digits, _ or -');

const steps = [
  z.strictObject({ id: stepIdSchema, type: z.literal('email'), template: templateRef, next }),
  z.strictObject({ id: stepIdSchema, type: z.literal('wait'), duration: durationSchema, next }),
  z.strictObject({
    id: stepIdSchema,
    type: z.literal('waitUntil'),
    time: localTimeSchema,
    days: z
      .array(z.enum(WEEKDAYS))
      .min(1)
      .max(7)
      .optional()
      .describe('the weekdays it may be, in the contact’s zone; any day when left out'),
    next,
  }),
  z.strictObject({
    id: stepIdSchema,
    type: z.literal('waitForEvent'),
    event: eventNameSchema,
    where,
    key: keySchema.optional(),
    timeout: durationSchema.refine(
      (d) => durationMinutes(d) <= JOURNEY_LIMITS.eventWaitDays * 1440,
      `at most ${JOURNEY_LIMITS.eventWaitDays} days`,
    ),
    onEvent: next,
    onTimeout: next,
  }),
  z.strictObject({
    id: stepIdSchema,
    type: z.literal('branch'),
    condition: conditionSchema,
    ifTrue: next,
    ifFalse: next,
  }),
  z.strictObject({
    id: stepIdSchema,
    type: z.literal('split'),
    paths: z
      .array(z.strictObject({ weight: z.number().int().min(1).max(100), next }))
      .min(2, 'at least two paths')
      .max(JOURNEY_LIMITS.splitPaths, `at most ${JOURNEY_LIMITS.splitPaths} paths`),
  }),
  z
    .strictObject({
      id: stepIdSchema,
      type: z.literal('update'),
      addTags: z.array(z.string().min(1).max(64)).max(JOURNEY_LIMITS.tags).optional(),
      removeTags: z.array(z.string().min(1).max(64)).max(JOURNEY_LIMITS.tags).optional(),
      attributes: z
        .record(attributeName, z.union([z.string().max(1024), storableNumber, z.boolean(), z.null()]))
        .refine(
          (a) => Object.keys(a).length <= JOURNEY_LIMITS.attributes,
          `at most ${JOURNEY_LIMITS.attributes} attributes`,
        )
        .optional(),
      stage: stageNameSchema.optional(),
      next,
    })
    .refine(
      (s) => s.addTags?.length || s.removeTags?.length || Object.keys(s.attributes ?? {}).length || s.stage,
      'an update changes something: addTags, removeTags, attributes or stage',
    ),
  z.strictObject({
    id: stepIdSchema,
    type: z.literal('emit'),
    name: eventNameSchema.describe('the signal’s name, in `journey.signal`’s data'),
    properties: z.record(z.string(), z.unknown()).superRefine(storableJsonOnly).optional(),
    next,
  }),
  z.strictObject({
    id: stepIdSchema,
    type: z.literal('webhook'),
    endpointId: z.string().regex(/^whe_[0-9a-z]{26}$/, 'not an outgoing webhook endpoint id'),
    next,
  }),
  z.strictObject({ id: stepIdSchema, type: z.literal('exit') }),
] as const;

export const journeyStepSchema = z.discriminatedUnion('type', steps);
export type JourneyStep = z.infer<typeof journeyStepSchema>;
export type StepType = JourneyStep['type'];

export const journeyTriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('event'), event: eventNameSchema, where }),
  z.strictObject({ type: z.literal('segment'), segmentId: segmentIdSchema, on: z.enum(['enter', 'exit']) }),
  z.strictObject({ type: z.literal('stage'), to: stageNameSchema, from: stageNameSchema.optional() }),
  z.strictObject({
    type: z.literal('date'),
    field: z
      .string()
      .regex(/^attributes\.[A-Za-z][\w-]{0,63}$/, 'a date attribute of the contact: attributes.<name>'),
    at: localTimeSchema.default('09:00'),
    offsetDays: z.number().int().min(-30).max(30).default(0),
  }),
  z.strictObject({
    type: z.literal('inactivity'),
    event: eventNameSchema,
    days: z.number().int().min(1).max(JOURNEY_LIMITS.inactivityDays),
  }),
]);
export type JourneyTrigger = z.infer<typeof journeyTriggerSchema>;

export const entrySchema = z
  .strictObject({
    mode: z
      .enum(['once', 'oncePer', 'always'])
      .describe('once ever; once per `periodDays`; or again each time it ends (never two runs at once)'),
    periodDays: z.number().int().min(1).max(3650).optional(),
  })
  .refine((e) => (e.mode === 'oncePer') === (e.periodDays !== undefined), {
    message: 'periodDays goes with mode oncePer, and only with it',
    path: ['periodDays'],
  });

export const journeyDefinitionSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    description: z.string().max(1000).optional(),
    trigger: journeyTriggerSchema,
    entry: entrySchema.default({ mode: 'once' }),
    goal: z
      .strictObject({ event: eventNameSchema, where, key: keySchema.optional() })
      .optional()
      .describe('met: the run ends at once (`goal`), wherever it is'),
    quietHours: z
      .strictObject({ from: localTimeSchema, to: localTimeSchema })
      .optional()
      .describe('no email between these times in the contact’s zone: an email step due then waits for `to`'),
    steps: z
      .array(journeyStepSchema)
      .min(1, 'at least one step')
      .max(JOURNEY_LIMITS.steps, `at most ${JOURNEY_LIMITS.steps} steps`),
  })
  .superRefine(checkGraph);
export type JourneyDefinition = z.infer<typeof journeyDefinitionSchema>;
