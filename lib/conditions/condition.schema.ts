/**
 * The condition language: one JSON document, validated here, read by segments, lead scoring (fit
 * rules, event filters), journeys and campaigns alike. A condition is a tree of nodes discriminated by
 * `type`:
 *
 * - groups: `all` / `any` (`conditions`: a non-empty list) and `not` (`condition`: one node);
 * - `attribute`: a contact field (`email`, `firstName`, `lastName`, `phone`, `locale`, `timezone`,
 *   `source`, `createdAt`) or a custom attribute (`attributes.<name>`) tested by a {@link Predicate};
 * - `tag`: `has` / `hasNot` one tag, `hasAny` / `hasAll` / `hasNone` of a list;
 * - `consent`: a channel's consent status (`none` = never recorded); `suppression`: suppressed or not;
 * - `stage` (`equals`, `in`, `atLeast` in the lifecycle order) and `score` (numeric comparison);
 * - `purchases`: the contact's purchase roll-up (order count, spend and average per currency in minor
 *   units, first/last order dates, products and categories bought);
 * - `event`: did / did not do an event, with property filters, counts and a time window;
 * - `engagement`: email opened / clicked / delivered / bounced / complained, with counts and a window
 *   (last N days, between dates, or "of the last N emails").
 *
 * Every operand is called `value` (a list for `in`, `notIn`, `hasAny`...); relative windows are whole
 * days (`days`, `withinLastDays`), at most 3650. Documents are strict: an unknown field, an operator
 * that does not fit its value (e.g. `gt` with a string that is not a date), an empty list or a
 * negative count is refused with the JSON path of the offending field.
 */
import * as z from 'zod';
import type { FieldIssue } from '../shared/errors.ts';
import { ValidationError } from '../shared/errors.ts';
import { type Channel, channelSchema } from '../shared/values/channel.schema.ts';
import { eventNameSchema } from '../shared/values/event-name.schema.ts';
import { stageNameSchema } from '../shared/values/stage.schema.ts';
import { isStorableNumber, UNSTORABLE_NUMBER } from '../shared/values/storable-number.schema.ts';
import { DAY_MS, isIsoDate, parseIsoDate } from './dates.ts';

export const CONDITION_LIMITS = {
  /** Nodes on the longest path from the root to a leaf, the root counting as 1. */
  depth: 8,
  /** Condition nodes in a document (property filters inside an event node are not nodes). */
  nodes: 200,
  /** Longest relative window, and longest `between` window. */
  days: 3650,
  listValues: 500,
  stringValue: 1024,
  where: 20,
  propertyPathSegments: 6,
  lastEmails: 100,
  count: 1_000_000,
} as const;

/** The contact's own fields a condition can read; custom attributes are `attributes.<name>`. */
export const CONTACT_FIELDS = [
  'email',
  'firstName',
  'lastName',
  'phone',
  'locale',
  'timezone',
  'source',
  'createdAt',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
/** Contact fields that hold dates (ISO 8601 strings); the others hold text. */
export const DATE_FIELDS: readonly ContactField[] = ['createdAt'];

export const CONSENT_STATUSES = ['subscribed', 'unsubscribed', 'pending', 'none'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const ENGAGEMENT_KINDS = ['opened', 'clicked', 'delivered', 'bounced', 'complained'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export type Scalar = string | number | boolean;

/**
 * A test on one value: a contact field or attribute, an event property, a purchase metric.
 *
 * - No coercion: `"30"` does not equal `30`. A list value (string list attribute) matches `equals`,
 *   `in`, `contains`, `startsWith`, `endsWith` when one of its items does; `contains` on a list means
 *   an item equals the operand, on a string it means substring. Comparisons (`gt`...) never match a list.
 * - `gt` / `gte` / `lt` / `lte` compare numbers, or dates when the operand is an ISO 8601 date; `before`
 *   / `after` are the same as `lt` / `gt` on dates. Dates in data are ISO 8601 strings (UTC when no zone).
 * - `withinLastDays`: the date is in `[now − days, now]`, both edges included (a future date is not
 *   within). `olderThanDays`: the date is before `now − days` (strictly). `notWithinLastDays` is exactly
 *   `not withinLastDays`, so it also holds when there is no date.
 * - `exists`: the value is present and not an empty string or empty list.
 * - Every negative operator (`notEquals`, `notIn`, `notWithinLastDays`, `notExists`) is the exact
 *   negation of its positive one, so it holds when the value is missing; add `exists` to require one.
 * - `caseInsensitive` compares strings after lower-casing both sides.
 */
export type Predicate =
  | { readonly op: 'equals' | 'notEquals'; readonly value: Scalar; readonly caseInsensitive?: boolean }
  | {
      readonly op: 'in' | 'notIn';
      readonly value: readonly (string | number)[];
      readonly caseInsensitive?: boolean;
    }
  | {
      readonly op: 'contains' | 'startsWith' | 'endsWith';
      readonly value: string;
      readonly caseInsensitive?: boolean;
    }
  | { readonly op: 'gt' | 'gte' | 'lt' | 'lte'; readonly value: number | string }
  | { readonly op: 'before' | 'after'; readonly value: string }
  | { readonly op: 'withinLastDays' | 'notWithinLastDays' | 'olderThanDays'; readonly days: number }
  | { readonly op: 'exists' | 'notExists' };
export type PredicateOp = Predicate['op'];

/** `field`: one of {@link CONTACT_FIELDS} or `attributes.<name>`. */
export type AttributeCondition = { readonly type: 'attribute'; readonly field: string } & Predicate;

/** A filter on an event's properties: `path` is `properties.<key>[.<key>...]` (a number indexes a list). */
export type PropertyFilter = { readonly path: string } & Predicate;

export type TagCondition =
  | { readonly type: 'tag'; readonly op: 'has' | 'hasNot'; readonly value: string }
  | { readonly type: 'tag'; readonly op: 'hasAny' | 'hasAll' | 'hasNone'; readonly value: readonly string[] };

export interface ConsentCondition {
  readonly type: 'consent';
  readonly channel: Channel;
  readonly status: ConsentStatus;
}

export interface SuppressionCondition {
  readonly type: 'suppression';
  readonly suppressed: boolean;
}

/** `atLeast` follows the lifecycle order given in the evaluation context. */
export type StageCondition =
  | { readonly type: 'stage'; readonly op: 'equals' | 'atLeast'; readonly value: string }
  | { readonly type: 'stage'; readonly op: 'in'; readonly value: readonly string[] };

export type NumericOp = 'equals' | 'notEquals' | 'gt' | 'gte' | 'lt' | 'lte';

/** A contact with no score yet has score 0. */
export interface ScoreCondition {
  readonly type: 'score';
  readonly op: NumericOp;
  readonly value: number;
}

/**
 * On the contact's purchase roll-up. No roll-up means no orders: orderCount 0, totalSpent 0. The
 * average order value exists only in a currency with orders. `products` / `categories` are the most
 * recent ones the roll-up keeps (50 and 30). Maps to the usual asks: "last order within 90 days" =
 * `lastOrderAt withinLastDays 90`; "last order more than 90 days ago" = `lastOrderAt olderThanDays 90`;
 * "no order in 90 days" (buyers or not) = `lastOrderAt notWithinLastDays 90`.
 */
export type PurchasesCondition =
  | {
      readonly type: 'purchases';
      readonly metric: 'orderCount';
      readonly op: NumericOp;
      readonly value: number;
    }
  | {
      readonly type: 'purchases';
      readonly metric: 'totalSpent' | 'averageOrderValue';
      /** ISO 4217, amounts in minor units (cents). */
      readonly currency: string;
      readonly op: NumericOp;
      readonly value: number;
    }
  | ({ readonly type: 'purchases'; readonly metric: 'firstOrderAt' | 'lastOrderAt' } & DatePredicate)
  | {
      readonly type: 'purchases';
      readonly metric: 'products' | 'categories';
      readonly op: 'hasAny' | 'hasAll' | 'hasNone';
      readonly value: readonly string[];
    };

export type DatePredicate = Extract<
  Predicate,
  {
    op:
      | 'withinLastDays'
      | 'notWithinLastDays'
      | 'olderThanDays'
      | 'before'
      | 'after'
      | 'exists'
      | 'notExists';
  }
>;

/** At most one of them; without one, `did` means at least once and `didNot` means never. */
export interface Counted {
  readonly atLeast?: number;
  readonly atMost?: number;
  readonly exactly?: number;
}

/** At most one window; without one, all time. */
export interface Windowed {
  /**
   * At or after `now − N days` (exactly N days ago is in, one millisecond more is out). No upper edge:
   * an event a client clock dated slightly in the future counts as within.
   */
  readonly withinLastDays?: number;
  /** `from ≤ t < to`: start included, end excluded, so consecutive windows never count an event twice. */
  readonly between?: { readonly from: string; readonly to: string };
}

/**
 * Did / did not do event `name`. Evaluated on the contact's event list when given, or answered from the
 * contact's `activity.byName` roll-up when that is exact: see `compile` in evaluate.ts.
 */
export interface EventCondition extends Counted, Windowed {
  readonly type: 'event';
  readonly name: string;
  readonly op: 'did' | 'didNot';
  /** All must hold for an event to count. */
  readonly where?: readonly PropertyFilter[];
}

export interface EngagementCondition extends Counted, Windowed {
  readonly type: 'engagement';
  readonly kind: EngagementKind;
  readonly op: 'did' | 'didNot';
  /** Only this campaign's emails. */
  readonly campaignId?: string;
  /**
   * "Of the last N emails": counts the `kind` items at or after the N-th most recent delivery (or the
   * first delivery when fewer were delivered; none when nothing was delivered). Not for `delivered`.
   */
  readonly inLastEmails?: number;
}

export interface AllCondition {
  readonly type: 'all';
  readonly conditions: readonly Condition[];
}
export interface AnyCondition {
  readonly type: 'any';
  readonly conditions: readonly Condition[];
}
export interface NotCondition {
  readonly type: 'not';
  readonly condition: Condition;
}

export type Condition =
  | AllCondition
  | AnyCondition
  | NotCondition
  | AttributeCondition
  | TagCondition
  | ConsentCondition
  | SuppressionCondition
  | StageCondition
  | ScoreCondition
  | PurchasesCondition
  | EventCondition
  | EngagementCondition;

// ---- value schemas: custom ones where a union would only say "Invalid input" ----

const { stringValue, listValues, days: maxDays } = CONDITION_LIMITS;

const text = z
  .string()
  .min(1, 'must not be empty')
  .max(stringValue, `strings hold at most ${stringValue} characters`);

/** A number in a condition is stored with it (segments, journeys, the scoring model): one the table keeps. */
const storedIfNumber = (v: unknown) => typeof v !== 'number' || isStorableNumber(v);

const scalar = z
  .custom<Scalar>(
    (v) =>
      (typeof v === 'string' && v.length <= stringValue) ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      typeof v === 'boolean',
    `expected a string (at most ${stringValue} characters), a finite number or a boolean`,
  )
  .refine(storedIfNumber, UNSTORABLE_NUMBER);

const listItem = z
  .custom<string | number>(
    (v) =>
      (typeof v === 'string' && v.length <= stringValue) || (typeof v === 'number' && Number.isFinite(v)),
    'list items are strings or finite numbers',
  )
  .refine(storedIfNumber, UNSTORABLE_NUMBER);

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'the list is empty: give at least one value')
    .max(listValues, `lists hold at most ${listValues} values`);

const isoDate = z.custom<string>(
  (v) => typeof v === 'string' && isIsoDate(v),
  'expected an ISO 8601 date: 2026-01-31, or a date-time with a zone such as 2026-01-31T09:00:00Z',
);

const comparable = z
  .custom<number | string>(
    (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && isIsoDate(v)),
    'compares numbers or dates: expected a number or an ISO 8601 date (2026-01-31 or 2026-01-31T09:00:00Z)',
  )
  .refine(storedIfNumber, UNSTORABLE_NUMBER);

const days = z
  .number('days is a whole number')
  .int('days is a whole number')
  .min(0, 'days cannot be negative')
  .max(maxDays, `windows are at most ${maxDays} days`);

const count = z
  .number('a count is a whole number')
  .int('a count is a whole number')
  .min(0, 'a count cannot be negative')
  .max(CONDITION_LIMITS.count, `a count is at most ${CONDITION_LIMITS.count}`);

const caseInsensitive = z.boolean().optional();

const NUMERIC_OPS = ['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte'] as const;

// ---- predicates, shared by attributes and event property filters ----

const predicateOptions = <B extends z.core.$ZodLooseShape>(base: B) =>
  [
    z.strictObject({ ...base, op: z.enum(['equals', 'notEquals']), value: scalar, caseInsensitive }),
    z.strictObject({ ...base, op: z.enum(['in', 'notIn']), value: list(listItem), caseInsensitive }),
    z.strictObject({
      ...base,
      op: z.enum(['contains', 'startsWith', 'endsWith']),
      value: text,
      caseInsensitive,
    }),
    z.strictObject({ ...base, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: comparable }),
    z.strictObject({ ...base, op: z.enum(['before', 'after']), value: isoDate }),
    z.strictObject({ ...base, op: z.enum(['withinLastDays', 'notWithinLastDays', 'olderThanDays']), days }),
    z.strictObject({ ...base, op: z.enum(['exists', 'notExists']) }),
  ] as const;

const ATTRIBUTE_FIELD = /^attributes\.[A-Za-z][A-Za-z0-9_]{0,63}$/;
const CONTACT_FIELD_NAMES: readonly string[] = CONTACT_FIELDS;
export const isContactField = (field: string): field is ContactField => CONTACT_FIELD_NAMES.includes(field);

const field = z
  .string()
  .refine(
    (f) => isContactField(f) || ATTRIBUTE_FIELD.test(f),
    `expected a contact field (${CONTACT_FIELDS.join(', ')}) or attributes.<name>`,
  );

const DATE_OPS: readonly string[] = [
  'before',
  'after',
  'withinLastDays',
  'notWithinLastDays',
  'olderThanDays',
];

/** Contact fields have known types: refuse tests that could never match them. */
const fitsContactField = (node: { field: string; op: string; value?: unknown }, ctx: z.RefinementCtx) => {
  if (!isContactField(node.field)) return;
  const isDateField = DATE_FIELDS.includes(node.field);
  if (DATE_OPS.includes(node.op) && !isDateField)
    ctx.addIssue({
      code: 'custom',
      path: ['op'],
      message: `${node.field} is text, not a date: ${node.op} never matches`,
    });
  if (['gt', 'gte', 'lt', 'lte'].includes(node.op) && typeof node.value === 'number')
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `${node.field} is ${isDateField ? 'a date' : 'text'}: ${node.op} with a number never matches`,
    });
  if (['gt', 'gte', 'lt', 'lte'].includes(node.op) && typeof node.value === 'string' && !isDateField)
    ctx.addIssue({ code: 'custom', path: ['value'], message: `${node.field} is text, not a date` });
};

const attributeCondition = z
  .discriminatedUnion('op', predicateOptions({ type: z.literal('attribute'), field }))
  .superRefine(fitsContactField);

const PROPERTY_PATH = new RegExp(`^properties(\\.[^.]{1,128}){1,${CONDITION_LIMITS.propertyPathSegments}}$`);
const propertyPath = z
  .string()
  .refine(
    (p) => PROPERTY_PATH.test(p),
    `expected properties.<key>[.<key>...], at most ${CONDITION_LIMITS.propertyPathSegments} keys`,
  );

export const propertyFilterSchema = z.discriminatedUnion('op', predicateOptions({ path: propertyPath }));

// ---- tags, consent, stage, score ----

const tagValue = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\w:.-]+$/, 'tags are letters, digits and _ : . - only');

const tagCondition = z.discriminatedUnion('op', [
  z.strictObject({ type: z.literal('tag'), op: z.enum(['has', 'hasNot']), value: tagValue }),
  z.strictObject({
    type: z.literal('tag'),
    op: z.enum(['hasAny', 'hasAll', 'hasNone']),
    value: list(tagValue),
  }),
]);

const consentCondition = z.strictObject({
  type: z.literal('consent'),
  channel: channelSchema,
  status: z.enum(CONSENT_STATUSES),
});

const suppressionCondition = z.strictObject({ type: z.literal('suppression'), suppressed: z.boolean() });

const stageCondition = z.discriminatedUnion('op', [
  z.strictObject({ type: z.literal('stage'), op: z.enum(['equals', 'atLeast']), value: stageNameSchema }),
  z.strictObject({ type: z.literal('stage'), op: z.literal('in'), value: list(stageNameSchema) }),
]);

const finite = z.number('expected a number').refine(isStorableNumber, UNSTORABLE_NUMBER);

const scoreCondition = z.strictObject({ type: z.literal('score'), op: z.enum(NUMERIC_OPS), value: finite });

// ---- purchases ----

const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');
const purchaseDate = z.enum(['firstOrderAt', 'lastOrderAt']);

const purchasesCondition = z.discriminatedUnion('metric', [
  z.strictObject({
    type: z.literal('purchases'),
    metric: z.literal('orderCount'),
    op: z.enum(NUMERIC_OPS),
    value: finite,
  }),
  z.strictObject({
    type: z.literal('purchases'),
    metric: z.enum(['totalSpent', 'averageOrderValue']),
    currency,
    op: z.enum(NUMERIC_OPS),
    value: finite,
  }),
  z.discriminatedUnion('op', [
    z.strictObject({
      type: z.literal('purchases'),
      metric: purchaseDate,
      op: z.enum(['withinLastDays', 'notWithinLastDays', 'olderThanDays']),
      days,
    }),
    z.strictObject({
      type: z.literal('purchases'),
      metric: purchaseDate,
      op: z.enum(['before', 'after']),
      value: isoDate,
    }),
    z.strictObject({
      type: z.literal('purchases'),
      metric: purchaseDate,
      op: z.enum(['exists', 'notExists']),
    }),
  ]),
  z.strictObject({
    type: z.literal('purchases'),
    metric: z.enum(['products', 'categories']),
    op: z.enum(['hasAny', 'hasAll', 'hasNone']),
    value: list(text),
  }),
]);

// ---- events and engagement ----

const between = z.strictObject({ from: isoDate, to: isoDate }).superRefine((w, ctx) => {
  const from = parseIsoDate(w.from);
  const to = parseIsoDate(w.to);
  if (!(from < to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  else if (to - from > maxDays * DAY_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `windows are at most ${maxDays} days` });
});

const countedWindowed = {
  op: z.enum(['did', 'didNot']),
  atLeast: count.optional(),
  atMost: count.optional(),
  exactly: count.optional(),
  withinLastDays: days.optional(),
  between: between.optional(),
};

const COUNT_KEYS = ['atLeast', 'atMost', 'exactly'] as const;

const oneCountOneWindow =
  (windowKeys: readonly string[]) =>
  (node: Record<string, unknown> & { op: 'did' | 'didNot' }, ctx: z.RefinementCtx) => {
    const counts = COUNT_KEYS.filter((k) => node[k] !== undefined);
    if (node.op === 'didNot') {
      for (const k of counts)
        ctx.addIssue({ code: 'custom', path: [k], message: `didNot takes no count: use did with ${k}` });
    } else if (counts.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: [counts[1] ?? 'op'],
        message: 'give one of atLeast, atMost, exactly',
      });
    }
    const windows = windowKeys.filter((k) => node[k] !== undefined);
    if (windows.length > 1)
      ctx.addIssue({
        code: 'custom',
        path: [windows[1] ?? 'op'],
        message: `give one window: ${windowKeys.join(', ')}`,
      });
  };

const eventCondition = z
  .strictObject({
    type: z.literal('event'),
    name: eventNameSchema,
    where: z
      .array(propertyFilterSchema)
      .min(1, 'leave where out rather than empty')
      .max(CONDITION_LIMITS.where, `at most ${CONDITION_LIMITS.where} property filters`)
      .optional(),
    ...countedWindowed,
  })
  .superRefine(oneCountOneWindow(['withinLastDays', 'between']));

const engagementCondition = z
  .strictObject({
    type: z.literal('engagement'),
    kind: z.enum(ENGAGEMENT_KINDS),
    campaignId: z.string().min(1).max(128).optional(),
    inLastEmails: z
      .number()
      .int('a whole number of emails')
      .min(1, 'at least the last email')
      .max(CONDITION_LIMITS.lastEmails, `at most the last ${CONDITION_LIMITS.lastEmails} emails`)
      .optional(),
    ...countedWindowed,
  })
  .superRefine(oneCountOneWindow(['withinLastDays', 'between', 'inLastEmails']))
  .superRefine((node, ctx) => {
    if (node.kind === 'delivered' && node.inLastEmails !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['inLastEmails'],
        message: 'inLastEmails counts opens, clicks, bounces or complaints',
      });
  });

// ---- the tree ----

const conditionNode: z.ZodType<Condition> = z.lazy(() => conditionUnion);

const conditionUnion = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('all'),
    conditions: z.array(conditionNode).min(1, 'a group needs at least one condition'),
  }),
  z.strictObject({
    type: z.literal('any'),
    conditions: z.array(conditionNode).min(1, 'a group needs at least one condition'),
  }),
  z.strictObject({ type: z.literal('not'), condition: conditionNode }),
  attributeCondition,
  tagCondition,
  consentCondition,
  suppressionCondition,
  stageCondition,
  scoreCondition,
  purchasesCondition,
  eventCondition,
  engagementCondition,
]);

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Depth and size are checked on the raw document, before the schema walks it, so a hostile
 * 10,000-level document is refused without recursing into it.
 */
const withinShapeLimits = (ctx: z.core.ParsePayload<unknown>) => {
  const stack: { node: unknown; depth: number; path: (string | number)[] }[] = [
    { node: ctx.value, depth: 1, path: [] },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const top = stack.pop();
    if (!top || !isObject(top.node)) continue;
    nodes += 1;
    if (nodes > CONDITION_LIMITS.nodes) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: [],
        message: `a condition holds at most ${CONDITION_LIMITS.nodes} nodes`,
      });
      return;
    }
    if (top.depth > CONDITION_LIMITS.depth) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: top.path,
        message: `conditions nest at most ${CONDITION_LIMITS.depth} levels deep`,
      });
      return;
    }
    const children = 'conditions' in top.node ? top.node.conditions : undefined;
    if (Array.isArray(children))
      children.forEach((child, i) => {
        stack.push({ node: child, depth: top.depth + 1, path: [...top.path, 'conditions', i] });
      });
    if ('condition' in top.node)
      stack.push({ node: top.node.condition, depth: top.depth + 1, path: [...top.path, 'condition'] });
  }
};

/** The condition schema, to embed in request bodies (segments, journeys, scoring models...). */
export const conditionSchema = z.unknown().check(withinShapeLimits).pipe(conditionNode);

/** Zod issues as `{path, message}` with dotted JSON paths (`conditions.2.value`). */
export const conditionIssues = (error: z.ZodError, prefix = ''): FieldIssue[] =>
  error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: 'is not a known field',
      }));
    return [{ path: base || '(root)', message: issue.message }];
  });

/** Says "is required" rather than "expected string, received undefined". */
export const requiredField = (issue: z.core.$ZodRawIssue): string | undefined =>
  issue.input === undefined && issue.code !== 'custom' && issue.code !== 'unrecognized_keys'
    ? 'is required'
    : undefined;

/**
 * Validates a condition document. Throws a ValidationError whose issues name each offending field by
 * its JSON path (prefixed with `options.path` when the condition sits inside a larger document).
 */
export const parseCondition = (doc: unknown, options: { path?: string } = {}): Condition => {
  const result = conditionSchema.safeParse(doc, { error: requiredField });
  if (result.success) return result.data;
  const issues = conditionIssues(result.error, options.path);
  const first = issues[0];
  throw new ValidationError(`invalid condition: ${first?.path} ${first?.message}`, issues, {
    cause: result.error,
  });
};
