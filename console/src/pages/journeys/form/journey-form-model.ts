/**
 * The journey builder's form state: a journey document (lib/journeys/journey-definition.schema.ts,
 * typed here from the OpenAPI document) as plain fields a marketer fills in. Numbers are kept as the
 * text typed; they are parsed when the document is written (journey-form-write.ts), and the API's
 * validation answers for them next to the field.
 *
 * Steps are an ordered list. Where a step leads is `FOLLOWING` (the step below it in the list, or
 * the end of the run for the last one), `END_RUN`, or another step's id: so the linear parts of a
 * journey move with the list, and jumps (a branch's "yes" side, an awaited event, a split's path)
 * name their step.
 */
import type { BodyOf } from '../../../api/types.ts';
import type { Group } from '../../../conditions/builder-model.ts';

export type JourneyDefinition = BodyOf<'/v1/journeys', 'post'>;
export type JourneyStep = JourneyDefinition['steps'][number];
export type JourneyTrigger = JourneyDefinition['trigger'];
export type PropertyFilter = NonNullable<Extract<JourneyTrigger, { type: 'event' }>['where']>[number];

/** Where a step leads: the next step in the list, the end of the run, or a step id. */
export const FOLLOWING = ':following';
export const END_RUN = ':end';

/** The operators of a property filter (lib/conditions/condition.schema.ts). */
export const FILTER_OPS = [
  'equals',
  'notEquals',
  'in',
  'notIn',
  'contains',
  'startsWith',
  'endsWith',
  'gt',
  'gte',
  'lt',
  'lte',
  'before',
  'after',
  'withinLastDays',
  'notWithinLastDays',
  'olderThanDays',
  'exists',
  'notExists',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** One property filter: `value` is the text typed (a list is comma-separated, days a number). */
export interface FilterRow {
  readonly key: string;
  readonly path: string;
  readonly op: FilterOp;
  readonly value: string;
  readonly caseInsensitive: boolean;
}

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export interface DurationForm {
  readonly amount: string;
  readonly unit: DurationUnit;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A name and a text value: an attribute an update sets, a signal's property, an event's. */
export interface Pair {
  readonly key: string;
  readonly name: string;
  readonly value: string;
}

/** One path of a random split: its weight (the text typed) and where it leads. */
export interface SplitPath {
  /** React's key for the row; never sent. */
  readonly key: string;
  readonly weight: string;
  readonly next: string;
}

/** How many paths a split has (lib/journeys/journey-definition.schema.ts). */
export const SPLIT_PATHS = { min: 2, max: 4 } as const;

interface StepBase {
  /** React's key for the row; never sent. */
  readonly key: string;
  readonly id: string;
}

export type StepForm =
  | (StepBase & {
      readonly type: 'email';
      readonly templateId: string;
      readonly version: string;
      readonly next: string;
    })
  | (StepBase & { readonly type: 'wait'; readonly duration: DurationForm; readonly next: string })
  | (StepBase & {
      readonly type: 'waitUntil';
      readonly time: string;
      /** None: any day. */
      readonly days: readonly Weekday[];
      readonly next: string;
    })
  | (StepBase & {
      readonly type: 'waitForEvent';
      readonly event: string;
      readonly where: readonly FilterRow[];
      readonly keyEvent: string;
      readonly keyTrigger: string;
      readonly timeout: DurationForm;
      readonly onEvent: string;
      readonly onTimeout: string;
    })
  | (StepBase & {
      readonly type: 'branch';
      readonly condition: Group;
      readonly ifTrue: string;
      readonly ifFalse: string;
    })
  | (StepBase & { readonly type: 'split'; readonly paths: readonly SplitPath[] })
  | (StepBase & {
      readonly type: 'update';
      /** Comma-separated. */
      readonly addTags: string;
      readonly removeTags: string;
      readonly attributes: readonly Pair[];
      readonly stage: string;
      readonly next: string;
    })
  | (StepBase & {
      readonly type: 'emit';
      readonly name: string;
      readonly properties: readonly Pair[];
      readonly next: string;
    })
  | (StepBase & {
      readonly type: 'webhook';
      /** An outgoing webhook endpoint's id (`whe_…`); blank until one is picked. */
      readonly endpointId: string;
      readonly next: string;
    })
  | (StepBase & { readonly type: 'exit' });

export type StepType = StepForm['type'];
export const STEP_TYPES: readonly StepType[] = [
  'email',
  'wait',
  'waitUntil',
  'waitForEvent',
  'branch',
  'split',
  'update',
  'emit',
  'webhook',
  'exit',
];

export const TRIGGER_TYPES = ['event', 'segment', 'stage', 'date', 'inactivity'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** Every trigger's fields at once, so switching the type keeps what was typed. */
export interface TriggerForm {
  readonly type: TriggerType;
  /** event, inactivity */
  readonly event: string;
  readonly where: readonly FilterRow[];
  /** segment */
  readonly segmentId: string;
  readonly on: 'enter' | 'exit';
  /** stage */
  readonly to: string;
  readonly from: string;
  /** date: the attribute's name (without `attributes.`), the time of day, days before or after */
  readonly attribute: string;
  readonly at: string;
  readonly offsetDays: string;
  /** inactivity */
  readonly days: string;
}

export const ENTRY_MODES = ['once', 'oncePer', 'always'] as const;
export type EntryMode = (typeof ENTRY_MODES)[number];

export interface JourneyForm {
  readonly name: string;
  readonly description: string;
  readonly trigger: TriggerForm;
  readonly entry: { readonly mode: EntryMode; readonly periodDays: string };
  readonly goal: {
    readonly enabled: boolean;
    readonly event: string;
    readonly where: readonly FilterRow[];
    readonly keyEvent: string;
    readonly keyTrigger: string;
  };
  readonly quietHours: { readonly enabled: boolean; readonly from: string; readonly to: string };
  readonly steps: readonly StepForm[];
}

let counter = 0;
/** A fresh React key. */
export const rowKey = (): string => {
  counter += 1;
  return `r${counter}`;
};

export const emptyTrigger = (): TriggerForm => ({
  type: 'event',
  event: '',
  where: [],
  segmentId: '',
  on: 'enter',
  to: '',
  from: '',
  attribute: 'birthday',
  at: '09:00',
  offsetDays: '0',
  days: '90',
});

export const newFilter = (): FilterRow => ({
  key: rowKey(),
  path: 'properties.',
  op: 'equals',
  value: '',
  caseInsensitive: false,
});

export const newPair = (): Pair => ({ key: rowKey(), name: '', value: '' });

export const newSplitPath = (next: string): SplitPath => ({ key: rowKey(), weight: '50', next });

/** A journey from scratch: an event starts it, one email. */
export const blankForm = (): JourneyForm => ({
  name: '',
  description: '',
  trigger: emptyTrigger(),
  entry: { mode: 'once', periodDays: '' },
  goal: { enabled: false, event: '', where: [], keyEvent: '', keyTrigger: '' },
  quietHours: { enabled: false, from: '21:00', to: '08:00' },
  steps: [{ key: rowKey(), id: 'email-1', type: 'email', templateId: '', version: '', next: FOLLOWING }],
});
