/**
 * The condition evaluator: pure, total and compiled. `compile` turns a parsed condition into a closure
 * once (operands prepared, no regular expression or JSON work per call); evaluating it reads the
 * contact, the optional event and engagement lists, score and stage, and the time passed in — never a
 * clock. `nextChange` tells a scheduler when the result could flip with no new input, as windows expire.
 *
 * Sources of an `event` condition:
 * - the contact's `activity.byName` roll-up (all-time count and last time per event name) answers when
 *   there is no property filter and either no window (the count is the all-time count) or a
 *   `withinLastDays` window with an existence test (did at least once / did not): the last time decides;
 * - otherwise the `events` list of the subject is counted (a missing list reads as empty). The list is the
 *   caller's (typically the contact's timeline, which expires by TTL): all-time counts with filters only
 *   see what it holds.
 * The roll-up keeps the 25 most recently seen names; an older name reads as never done.
 *
 * Windows: `withinLastDays` counts events at or after `now − N days` (an event dated slightly in the
 * future by a client clock counts as within); `between` counts `from ≤ t < to`.
 */
import type { Contact } from '../contacts/contact.schema.ts';
import { DEFAULT_STAGES } from '../shared/values/stage.schema.ts';
import type {
  AttributeCondition,
  Condition,
  ContactField,
  Counted,
  EngagementCondition,
  EventCondition,
  NumericOp,
  PurchasesCondition,
  StageCondition,
  TagCondition,
  Windowed,
} from './condition.schema.ts';
import { isContactField } from './condition.schema.ts';
import { DAY_MS, dateOf, parseIsoDate } from './dates.ts';
import { compileEventFilter, compilePredicate } from './predicate.ts';
import type { EvaluationContext, Subject } from './subject.ts';

type Test = (subject: Subject, now: number, stages: readonly string[]) => boolean;
type Times = (subject: Subject, now: number, out: number[]) => void;

interface Node {
  readonly test: Test;
  /** Present when the node's result depends on `now`. */
  readonly times?: Times;
}

export type Evaluator = (subject: Subject, context: EvaluationContext) => boolean;

const CONTACT_GETTERS: Record<ContactField, (c: Contact) => unknown> = {
  email: (c) => c.email,
  firstName: (c) => c.firstName,
  lastName: (c) => c.lastName,
  phone: (c) => c.phone,
  locale: (c) => c.locale,
  timezone: (c) => c.timezone,
  source: (c) => c.source,
  createdAt: (c) => c.createdAt,
};

const fieldGetter = (field: string): ((c: Contact) => unknown) => {
  if (isContactField(field)) return CONTACT_GETTERS[field];
  const name = field.slice('attributes.'.length);
  return (c) => {
    const attributes = c.attributes;
    return attributes !== undefined && Object.hasOwn(attributes, name) ? attributes[name] : undefined;
  };
};

const compileAttribute = (node: AttributeCondition): Node => {
  const get = fieldGetter(node.field);
  const { test, times } = compilePredicate(node);
  return {
    test: (s, now) => test(get(s.contact), now),
    ...(times ? { times: (s, now, out) => times(get(s.contact), now, out) } : {}),
  };
};

const setTest = (op: 'hasAny' | 'hasAll' | 'hasNone', values: readonly string[]) => {
  switch (op) {
    case 'hasAny':
      return (items: readonly string[]) => values.some((v) => items.includes(v));
    case 'hasAll':
      return (items: readonly string[]) => values.every((v) => items.includes(v));
    case 'hasNone':
      return (items: readonly string[]) => !values.some((v) => items.includes(v));
  }
};

const NO_ITEMS: readonly string[] = [];

const compileTag = (node: TagCondition): Node => {
  const tags = (s: Subject) => s.contact.tags ?? NO_ITEMS;
  switch (node.op) {
    case 'has': {
      const tag = node.value;
      return { test: (s) => tags(s).includes(tag) };
    }
    case 'hasNot': {
      const tag = node.value;
      return { test: (s) => !tags(s).includes(tag) };
    }
    default: {
      const test = setTest(node.op, node.value);
      return { test: (s) => test(tags(s)) };
    }
  }
};

const numeric = (op: NumericOp, operand: number) => {
  switch (op) {
    case 'equals':
      return (n: number) => n === operand;
    case 'notEquals':
      return (n: number) => n !== operand;
    case 'gt':
      return (n: number) => n > operand;
    case 'gte':
      return (n: number) => n >= operand;
    case 'lt':
      return (n: number) => n < operand;
    case 'lte':
      return (n: number) => n <= operand;
  }
};

const compileStage = (node: StageCondition): Node => {
  switch (node.op) {
    case 'equals': {
      const stage = node.value;
      return { test: (s) => s.stage === stage };
    }
    case 'in': {
      const stages = new Set<unknown>(node.value);
      return { test: (s) => stages.has(s.stage) };
    }
    case 'atLeast': {
      const floor = node.value;
      return {
        test: (s, _now, order) => {
          if (s.stage === undefined) return false;
          const at = order.indexOf(s.stage);
          const min = order.indexOf(floor);
          return at >= 0 && min >= 0 && at >= min;
        },
      };
    }
  }
};

const compilePurchases = (node: PurchasesCondition): Node => {
  switch (node.metric) {
    case 'orderCount': {
      const test = numeric(node.op, node.value);
      return { test: (s) => test(s.contact.purchases?.orderCount ?? 0) };
    }
    case 'totalSpent': {
      const { currency } = node;
      const test = numeric(node.op, node.value);
      return {
        test: (s) => {
          const totals = s.contact.purchases?.totals;
          return test(totals && Object.hasOwn(totals, currency) ? (totals[currency]?.spent ?? 0) : 0);
        },
      };
    }
    case 'averageOrderValue': {
      const { currency } = node;
      const test = numeric(node.op, node.value);
      return {
        test: (s) => {
          const totals = s.contact.purchases?.totals;
          const total = totals && Object.hasOwn(totals, currency) ? totals[currency] : undefined;
          return total !== undefined && total.orders > 0 && test(total.average);
        },
      };
    }
    case 'firstOrderAt':
    case 'lastOrderAt': {
      const metric = node.metric;
      const { test, times } = compilePredicate(node);
      const get = (s: Subject) => s.contact.purchases?.[metric];
      return {
        test: (s, now) => test(get(s), now),
        ...(times ? { times: (s, now, out) => times(get(s), now, out) } : {}),
      };
    }
    case 'products':
    case 'categories': {
      const metric = node.metric;
      const test = setTest(node.op, node.value);
      return { test: (s) => test(s.contact.purchases?.[metric] ?? NO_ITEMS) };
    }
  }
};

/** [min, max] of the count a counted node asks for. */
const countRange = (node: Counted & { op: 'did' | 'didNot' }): readonly [number, number] => {
  if (node.op === 'didNot') return [0, 0];
  if (node.atLeast !== undefined) return [node.atLeast, Number.POSITIVE_INFINITY];
  if (node.atMost !== undefined) return [0, node.atMost];
  if (node.exactly !== undefined) return [node.exactly, node.exactly];
  return [1, Number.POSITIVE_INFINITY];
};

/** Is `t` inside the node's window at `now`? Windows have no upper edge but `between`'s `to`. */
const windowTest = (node: Windowed): ((t: number, now: number) => boolean) => {
  if (node.withinLastDays !== undefined) {
    const span = node.withinLastDays * DAY_MS;
    return (t, now) => t >= now - span;
  }
  if (node.between !== undefined) {
    const from = parseIsoDate(node.between.from);
    const to = parseIsoDate(node.between.to);
    return (t) => t >= from && t < to;
  }
  return () => true;
};

/** When a dated fact leaves a `withinLastDays` window: one millisecond after exactly N days. */
const leaveTime = (node: Windowed) => {
  if (node.withinLastDays === undefined) return undefined;
  const span = node.withinLastDays * DAY_MS;
  return (t: number, now: number, out: number[]) => {
    if (t + span + 1 > now) out.push(t + span + 1);
  };
};

/**
 * Can the `activity.byName` roll-up answer this event condition exactly? Yes with no property filter
 * and either no window (all-time count) or a `withinLastDays` window asking only whether the event
 * happened (did at least once, did not): the last time decides.
 */
export const answeredByRollUp = (node: EventCondition): boolean => {
  if (node.where !== undefined || node.between !== undefined) return false;
  if (node.withinLastDays === undefined) return true;
  const [min, max] = countRange(node);
  return (max === Number.POSITIVE_INFINITY && min <= 1) || max === 0;
};

const compileEvent = (node: EventCondition): Node => {
  const [min, max] = countRange(node);
  const inWindow = windowTest(node);
  const leave = leaveTime(node);
  const { name } = node;

  if (answeredByRollUp(node)) {
    const entry = (s: Subject) => {
      const byName = s.contact.activity?.byName;
      return byName && Object.hasOwn(byName, name) ? byName[name] : undefined;
    };
    if (node.withinLastDays === undefined) {
      return {
        test: (s) => {
          const n = entry(s)?.count ?? 0;
          return n >= min && n <= max;
        },
      };
    }
    return {
      test: (s, now) => {
        const last = entry(s);
        const n = last !== undefined && inWindow(dateOf(last.lastAt), now) ? 1 : 0;
        return n >= min && n <= max;
      },
      times: (s, now, out) => {
        const last = entry(s);
        if (last !== undefined) leave?.(dateOf(last.lastAt), now, out);
      },
    };
  }

  const filter = compileEventFilter(node);
  const test: Test = (s, now) => {
    const events = s.events;
    let n = 0;
    if (events !== undefined) {
      for (const event of events) {
        if (!filter.matches(event, now) || !inWindow(dateOf(event.occurredAt), now)) continue;
        n += 1;
        if (n > max) return false;
        if (n >= min && max === Number.POSITIVE_INFINITY) return true;
      }
    }
    return n >= min && n <= max;
  };
  if (leave === undefined && filter.times === undefined) return { test };
  return {
    test,
    times: (s, now, out) => {
      for (const event of s.events ?? []) {
        if (event.name !== name) continue;
        filter.times?.(event, now, out);
        leave?.(dateOf(event.occurredAt), now, out);
      }
    },
  };
};

const compileEngagement = (node: EngagementCondition): Node => {
  const [min, max] = countRange(node);
  const inWindow = windowTest(node);
  const leave = leaveTime(node);
  const { kind, campaignId } = node;
  const lastEmails = node.inLastEmails;
  // The N most recent delivery times, newest first: kept across calls (evaluation is synchronous).
  const latest = new Float64Array(lastEmails ?? 0);

  /** The N-th most recent delivery (or the oldest if fewer); +∞ when nothing was delivered. */
  const cutoff = (s: Subject): number => {
    if (lastEmails === undefined) return Number.NEGATIVE_INFINITY;
    let held = 0;
    for (const item of s.engagement ?? []) {
      if (item.kind !== 'delivered' || (campaignId !== undefined && item.campaignId !== campaignId)) continue;
      const t = dateOf(item.at);
      if (Number.isNaN(t) || (held === lastEmails && t <= (latest[held - 1] ?? 0))) continue;
      let i = held === lastEmails ? held - 1 : held++;
      while (i > 0 && (latest[i - 1] ?? 0) < t) {
        latest[i] = latest[i - 1] ?? 0;
        i -= 1;
      }
      latest[i] = t;
    }
    return held === 0 ? Number.POSITIVE_INFINITY : (latest[held - 1] ?? Number.POSITIVE_INFINITY);
  };

  const counts = (item: { kind: string; campaignId?: string }) =>
    item.kind === kind && (campaignId === undefined || item.campaignId === campaignId);

  const test: Test = (s, now) => {
    const items = s.engagement;
    let n = 0;
    if (items !== undefined) {
      const since = cutoff(s);
      for (const item of items) {
        if (!counts(item)) continue;
        const t = dateOf(item.at);
        if (!(t >= since) || !inWindow(t, now)) continue;
        n += 1;
        if (n > max) return false;
        if (n >= min && max === Number.POSITIVE_INFINITY) return true;
      }
    }
    return n >= min && n <= max;
  };
  if (leave === undefined) return { test };
  return {
    test,
    times: (s, now, out) => {
      for (const item of s.engagement ?? []) if (counts(item)) leave(dateOf(item.at), now, out);
    },
  };
};

const group = (children: readonly Node[], every: boolean): Node => {
  const test: Test = every
    ? (s, now, stages) => {
        for (const child of children) if (!child.test(s, now, stages)) return false;
        return true;
      }
    : (s, now, stages) => {
        for (const child of children) if (child.test(s, now, stages)) return true;
        return false;
      };
  const timed = children.filter((c) => c.times !== undefined);
  if (timed.length === 0) return { test };
  return {
    test,
    times: (s, now, out) => {
      for (const child of timed) child.times?.(s, now, out);
    },
  };
};

const compileNode = (node: Condition): Node => {
  switch (node.type) {
    case 'all':
      return group(node.conditions.map(compileNode), true);
    case 'any':
      return group(node.conditions.map(compileNode), false);
    case 'not': {
      const inner = compileNode(node.condition);
      return {
        test: (s, now, stages) => !inner.test(s, now, stages),
        ...(inner.times ? { times: inner.times } : {}),
      };
    }
    case 'attribute':
      return compileAttribute(node);
    case 'tag':
      return compileTag(node);
    case 'consent': {
      const { channel, status } = node;
      return {
        test: (s) => {
          const consent = s.contact.consent?.[channel];
          return status === 'none' ? consent === undefined : consent?.status === status;
        },
      };
    }
    case 'suppression': {
      const { suppressed } = node;
      return { test: (s) => (s.contact.suppression !== undefined) === suppressed };
    }
    case 'stage':
      return compileStage(node);
    case 'score': {
      const test = numeric(node.op, node.value);
      return { test: (s) => test(s.score ?? 0) };
    }
    case 'purchases':
      return compilePurchases(node);
    case 'event':
      return compileEvent(node);
    case 'engagement':
      return compileEngagement(node);
  }
};

const cache = new WeakMap<Condition, Node>();

const compiled = (condition: Condition): Node => {
  let node = cache.get(condition);
  if (node === undefined) {
    node = compileNode(condition);
    cache.set(condition, node);
  }
  return node;
};

/**
 * Compiles a parsed condition once; the evaluator it returns is pure and total (false rather than an
 * error on missing or odd data) and can run on millions of contacts. Compiled forms are cached per
 * condition object, so `evaluate` and `nextChange` on the same object reuse them.
 */
export const compile = (condition: Condition): Evaluator => {
  const node = compiled(condition);
  return (subject, context) => node.test(subject, context.now.getTime(), context.stages ?? DEFAULT_STAGES);
};

/** Does the subject match at `context.now`? */
export const evaluate = (condition: Condition, subject: Subject, context: EvaluationContext): boolean =>
  compile(condition)(subject, context);

/** Candidate instants examined before `nextChange` settles for a conservative (earlier) answer. */
export const MAX_CANDIDATES = 256;

/**
 * The earliest instant after `context.now` at which the result could flip with no new input: a dated
 * fact entering or leaving a relative window (on day N + 1 ms for "within N days"). Every time-relative
 * leaf reports the instants at which it may change; the whole condition is re-evaluated at each in order
 * and the first that flips is returned, so the answer is exact. Past {@link MAX_CANDIDATES} instants the
 * next one is returned: earlier than the flip, never later — a scheduler re-checks then and asks again.
 * `undefined` when time alone can never change the result. Score decay is not a condition input here:
 * lead scoring schedules it (`nextDecayStep`) and the new score is a change like any other.
 */
export const nextChange = (
  condition: Condition,
  subject: Subject,
  context: EvaluationContext,
): Date | undefined => {
  const node = compiled(condition);
  if (node.times === undefined) return undefined;
  const now = context.now.getTime();
  const stages = context.stages ?? DEFAULT_STAGES;
  const candidates: number[] = [];
  node.times(subject, now, candidates);
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => a - b);
  const current = node.test(subject, now, stages);
  let previous = Number.NaN;
  let examined = 0;
  for (const t of candidates) {
    if (t === previous || !(t > now)) continue;
    previous = t;
    examined += 1;
    if (examined > MAX_CANDIDATES || node.test(subject, t, stages) !== current) return new Date(t);
  }
  return undefined;
};
