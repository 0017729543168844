/**
 * Compiled value tests: each predicate of the condition language becomes a closure once, with its
 * operands prepared (lower-cased, parsed dates, sets), so that evaluating it on a million contacts
 * allocates nothing and parses nothing but the contact's own dates.
 */
import type { Predicate, PropertyFilter, Scalar } from './condition.schema.ts';
import { DAY_MS, dateOf, parseIsoDate } from './dates.ts';
import type { EventInput } from './subject.ts';

export type ValueTest = (value: unknown, now: number) => boolean;
/** Pushes the instants after `now` at which the test's result on `value` may change by itself. */
export type ValueTimes = (value: unknown, now: number, out: number[]) => void;

export interface CompiledPredicate {
  readonly test: ValueTest;
  /** Only for tests relative to `now`. */
  readonly times?: ValueTimes;
}

type ItemTest = (item: unknown) => boolean;

/** A list matches when one of its items does. */
const anyItem = (value: unknown, test: ItemTest): boolean =>
  Array.isArray(value) ? value.some(test) : test(value);

const present = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

const equalsItem = (target: Scalar, caseInsensitive: boolean): ItemTest => {
  if (caseInsensitive && typeof target === 'string') {
    const lower = target.toLowerCase();
    return (item) => typeof item === 'string' && item.toLowerCase() === lower;
  }
  return (item) => item === target;
};

const inItem = (values: readonly (string | number)[], caseInsensitive: boolean): ItemTest => {
  if (!caseInsensitive) {
    const set = new Set<unknown>(values);
    return (item) => set.has(item);
  }
  const set = new Set<unknown>(values.map((v) => (typeof v === 'string' ? v.toLowerCase() : v)));
  return (item) => set.has(typeof item === 'string' ? item.toLowerCase() : item);
};

const textItem = (
  target: string,
  caseInsensitive: boolean,
  match: (text: string, target: string) => boolean,
): ItemTest => {
  const t = caseInsensitive ? target.toLowerCase() : target;
  return caseInsensitive
    ? (item) => typeof item === 'string' && match(item.toLowerCase(), t)
    : (item) => typeof item === 'string' && match(item, t);
};

const compare = (op: 'gt' | 'gte' | 'lt' | 'lte', a: number, b: number): boolean => {
  switch (op) {
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
};

const comparison = (op: 'gt' | 'gte' | 'lt' | 'lte', operand: number | string): ValueTest => {
  if (typeof operand === 'number') return (value) => typeof value === 'number' && compare(op, value, operand);
  const at = parseIsoDate(operand);
  // NaN (not a date) compares false whatever the operator.
  return (value) => compare(op, dateOf(value), at);
};

/** Breakpoints of "date within [now − span, now]": it enters at `t`, leaves at `t + span + 1 ms`. */
const windowTimes =
  (span: number): ValueTimes =>
  (value, now, out) => {
    const t = dateOf(value);
    if (Number.isNaN(t)) return;
    if (t > now) out.push(t);
    if (t + span + 1 > now) out.push(t + span + 1);
  };

const caseOf = (p: { caseInsensitive?: boolean }) => p.caseInsensitive === true;

export const compilePredicate = (p: Predicate): CompiledPredicate => {
  switch (p.op) {
    case 'equals': {
      const item = equalsItem(p.value, caseOf(p));
      return { test: (v) => anyItem(v, item) };
    }
    case 'notEquals': {
      const item = equalsItem(p.value, caseOf(p));
      return { test: (v) => !anyItem(v, item) };
    }
    case 'in': {
      const item = inItem(p.value, caseOf(p));
      return { test: (v) => anyItem(v, item) };
    }
    case 'notIn': {
      const item = inItem(p.value, caseOf(p));
      return { test: (v) => !anyItem(v, item) };
    }
    case 'contains': {
      const substring = textItem(p.value, caseOf(p), (text, t) => text.includes(t));
      const member = equalsItem(p.value, caseOf(p));
      return { test: (v) => (Array.isArray(v) ? v.some(member) : substring(v)) };
    }
    case 'startsWith': {
      const item = textItem(p.value, caseOf(p), (text, t) => text.startsWith(t));
      return { test: (v) => anyItem(v, item) };
    }
    case 'endsWith': {
      const item = textItem(p.value, caseOf(p), (text, t) => text.endsWith(t));
      return { test: (v) => anyItem(v, item) };
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { test: comparison(p.op, p.value) };
    case 'before':
      return { test: comparison('lt', p.value) };
    case 'after':
      return { test: comparison('gt', p.value) };
    case 'withinLastDays': {
      const span = p.days * DAY_MS;
      return {
        test: (v, now) => {
          const t = dateOf(v);
          return t >= now - span && t <= now;
        },
        times: windowTimes(span),
      };
    }
    case 'notWithinLastDays': {
      const span = p.days * DAY_MS;
      return {
        test: (v, now) => {
          const t = dateOf(v);
          return !(t >= now - span && t <= now);
        },
        times: windowTimes(span),
      };
    }
    case 'olderThanDays': {
      const span = p.days * DAY_MS;
      return { test: (v, now) => dateOf(v) < now - span, times: windowTimes(span) };
    }
    case 'exists':
      return { test: present };
    case 'notExists':
      return { test: (v) => !present(v) };
  }
};

/** Reads `properties.a.b.0` from an event's properties; own keys only, a number indexes a list. */
export const propertyGetter = (path: string): ((properties: unknown) => unknown) => {
  const keys = path.split('.').slice(1);
  return (properties) => {
    let current: unknown = properties;
    for (const key of keys) {
      if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
      current = Reflect.get(current, key);
    }
    return current;
  };
};

export interface CompiledEventFilter {
  /** The event has the name and every property filter holds. */
  readonly matches: (event: EventInput, now: number) => boolean;
  /** Instants after `now` at which `matches(event)` may change (date filters relative to now). */
  readonly times?: (event: EventInput, now: number, out: number[]) => void;
}

/** An event name with property filters: the event part of the language, shared with lead scoring. */
export const compileEventFilter = (filter: {
  readonly name: string;
  readonly where?: readonly PropertyFilter[];
}): CompiledEventFilter => {
  const { name } = filter;
  const tests = (filter.where ?? []).map((f) => ({ get: propertyGetter(f.path), ...compilePredicate(f) }));
  const matches = (event: EventInput, now: number): boolean => {
    if (event.name !== name) return false;
    for (const t of tests) if (!t.test(t.get(event.properties), now)) return false;
    return true;
  };
  const timed = tests.filter((t) => t.times !== undefined);
  if (timed.length === 0) return { matches };
  return {
    matches,
    times: (event, now, out) => {
      if (event.name !== name) return;
      for (const t of timed) t.times?.(t.get(event.properties), now, out);
    },
  };
};
