/**
 * The catalogue of timer tasks: every delayed action ecrm takes is declared here once, with the zod
 * schema of its input, as domain events are in the event catalogue. Setting a timer takes a task type
 * and its input, checked against the schema at once; firing one parses the stored input again.
 */
import * as z from 'zod';

const id = z.string().min(1);

const definitions = {
  'checkout-timeout': {
    description: "A checkout's abandonment window closes: abandoned unless an order came.",
    input: z.object({ connectionId: id, checkoutId: id }),
  },
  'segment-recheck': {
    description: "A contact's time-windowed segment condition can flip with no new event.",
    input: z.object({ contactId: id }),
  },
  'score-decay': {
    description: "A contact's decaying lead score crosses a stage threshold.",
    input: z.object({ contactId: id }),
  },
  'campaign-launch': {
    description:
      "A scheduled campaign's send time came: it starts sending if it is still scheduled for `sendAt`.",
    input: z.object({ campaignId: id, sendAt: z.iso.datetime() }),
  },
  'campaign-ab-decide': {
    description:
      "A campaign's A/B test is due: the winner is picked by its metric and the rest's wave is set to send it.",
    input: z.object({ campaignId: id }),
  },
  'campaign-wave': {
    description:
      'A send wave\'s time came ("9:00 in each recipient\'s own time zone"): its pending chunks are queued.',
    input: z.object({ campaignId: id, wave: z.number().int().min(0) }),
  },
  'campaign-finish': {
    description:
      'A sending campaign is checked: sent when every recipient has a final state, else checked again later.',
    input: z.object({
      campaignId: id,
      settled: z.number().int().min(0).optional(),
      checkedAt: z.iso.datetime().optional(),
      inFlightSince: z.iso.datetime().optional(),
    }),
  },
  'campaign-quota-resume': {
    description:
      "A campaign paused by SES's 24-hour quota resumes if the quota has room again, else is checked later.",
    input: z.object({ campaignId: id }),
  },
  'journey-step': {
    description:
      "A journey run's step is due (a wait's end, a quiet-hours hold, a wait-for-event timeout): the run " +
      'moves on from the move it was set for, once; a one-shot timer, as the run is its own fence.',
    input: z.object({
      journeyId: id,
      contactId: id,
      runId: id,
      seq: z.number().int().min(0),
      at: z.iso.datetime(),
      resume: z.enum(['event', 'timeout']).optional(),
    }),
  },
  'journey-date': {
    description:
      "A contact's date attribute (a birthday) comes round for a date-triggered journey: the contact " +
      "enters, and the next year's timer is set.",
    input: z.object({ journeyId: id, contactId: id, due: z.iso.datetime() }),
  },
  'journey-inactivity': {
    description:
      "An inactivity journey's quiet period ended (90 days after the contact's last order): the contact enters.",
    input: z.object({ journeyId: id, contactId: id, since: z.iso.datetime() }),
  },
  'webhook-retry': {
    description:
      'An outgoing webhook delivery is attempted again (after a failure, with backoff; or replayed by hand).',
    input: z.object({ endpointId: id, deliveryId: id, attempt: z.number().int().min(1) }),
  },
} as const;

type Definitions = typeof definitions;
export type TaskType = keyof Definitions;
export type TaskInputs = { [T in TaskType]: z.infer<Definitions[T]['input']> };
export type TaskInput<T extends TaskType> = TaskInputs[T];

export const taskTypes = Object.keys(definitions) as readonly TaskType[];

export const isTaskType = (value: string): value is TaskType => Object.hasOwn(definitions, value);

export const taskDefinition = <T extends TaskType>(type: T): Definitions[T] => definitions[type];

/** A task with its input, as a discriminated union (what a fired timer hands to its use case). */
export type Task = { [T in TaskType]: { readonly type: T; readonly input: TaskInput<T> } }[TaskType];

export class UnknownTaskError extends Error {}

/** Parse a stored task type and input; throws UnknownTaskError or a ZodError naming the field. */
export const parseTask = (type: string, input: unknown): Task => {
  if (!isTaskType(type)) throw new UnknownTaskError(`no timer task named ${type}`);
  // The union of per-type results is exactly Task; TypeScript cannot correlate the two lookups.
  return { type, input: definitions[type].input.parse(input) } as Task;
};
