/**
 * EventBridge event patterns, matched the way EventBridge matches them, for the local bus.
 *
 * Semantics (AWS "Content filtering in Amazon EventBridge event patterns" and the Event Ruler rules):
 * - Every field named in the pattern must match (AND); the values listed in a field's array are
 *   alternatives (OR); `$or` lists alternative sub-patterns for the object it sits in.
 * - Arrays in the event are flattened: a field matches when ANY element matches. Nested objects inside
 *   event arrays are matched element by element, so all fields of a sub-pattern must hold on the SAME
 *   element (Event Ruler's array consistency).
 * - Matchers apply to leaf values only (string, number, boolean, null). An object value never satisfies
 *   a leaf matcher, and `exists: false` holds when the path has no leaf value (missing, `[]` or object).
 * - Types are strict: the pattern value `"5"` does not match the event value `5`; `prefix`, `suffix`,
 *   `equals-ignore-case`, `wildcard` and `cidr` match strings only; `numeric` matches numbers only.
 * - `anything-but` needs a value: it never matches a missing field.
 *
 * A pattern is validated (and compiled) once; malformed patterns raise {@link InvalidEventPatternError}
 * naming the offending path, as PutRule's InvalidEventPatternException would.
 */
import { BlockList, isIP } from 'node:net';

/** Thrown for a pattern EventBridge would reject; `path` locates the problem (e.g. `detail.state[0]`). */
export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternError';
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Invalid event pattern at ${path || '<root>'}: ${reason}`);
  }
}

/** A compiled pattern: a pure predicate over an event (any JSON value). */
export type CompiledEventPattern = (event: unknown) => boolean;

type Leaf = string | number | boolean | null;
type LeafTest = (value: Leaf) => boolean;

interface LeafNode {
  readonly kind: 'leaf';
  readonly tests: readonly LeafTest[];
  /** True when the field's array holds `{ "exists": false }`. */
  readonly matchesAbsent: boolean;
}
interface ObjectNode {
  readonly kind: 'object';
  readonly pattern: CompiledObject;
}
interface CompiledObject {
  readonly fields: readonly { readonly key: string; readonly node: LeafNode | ObjectNode }[];
  readonly or: readonly CompiledObject[] | undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isLeaf = (v: unknown): v is Leaf =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

const invalid = (path: string, reason: string) => new InvalidEventPatternError(path, reason);
const isArray = (v: unknown): v is readonly unknown[] => Array.isArray(v);

const requireString = (v: unknown, path: string, what: string): string => {
  if (typeof v !== 'string') throw invalid(path, `${what} must be a string`);
  return v;
};

const stringOrIgnoreCase = (v: unknown, path: string, op: string): { value: string; ignoreCase: boolean } => {
  if (typeof v === 'string') return { value: v, ignoreCase: false };
  if (isRecord(v) && Object.keys(v).length === 1 && 'equals-ignore-case' in v) {
    return {
      value: requireString(v['equals-ignore-case'], path, `${op}.equals-ignore-case`),
      ignoreCase: true,
    };
  }
  throw invalid(path, `${op} must be a string or { "equals-ignore-case": string }`);
};

const lower = (s: string) => s.toLowerCase();

const startsWith = (p: { value: string; ignoreCase: boolean }): LeafTest => {
  const needle = p.ignoreCase ? lower(p.value) : p.value;
  return (v) => typeof v === 'string' && (p.ignoreCase ? lower(v) : v).startsWith(needle);
};
const endsWith = (p: { value: string; ignoreCase: boolean }): LeafTest => {
  const needle = p.ignoreCase ? lower(p.value) : p.value;
  return (v) => typeof v === 'string' && (p.ignoreCase ? lower(v) : v).endsWith(needle);
};
const equalsIgnoreCase = (values: readonly string[]): LeafTest => {
  const set = new Set(values.map(lower));
  return (v) => typeof v === 'string' && set.has(lower(v));
};

/** `*` matches any run of characters; `\*` is a literal star, `\\` a literal backslash. */
const wildcard = (values: readonly string[], path: string): LeafTest => {
  const regexes = values.map((w) => {
    if (w.includes('**')) throw invalid(path, `wildcard "${w}" has consecutive "*"`);
    let source = '';
    for (let i = 0; i < w.length; i++) {
      const c = w.charAt(i);
      if (c === '\\') {
        const next = w.charAt(i + 1);
        if (next !== '*' && next !== '\\') throw invalid(path, `wildcard "${w}" has an invalid escape`);
        source += `\\${next}`;
        i++;
      } else if (c === '*') source += '[\\s\\S]*';
      else source += c.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
  });
  return (v) => typeof v === 'string' && regexes.some((r) => r.test(v));
};

const stringList = (v: unknown, path: string, op: string): string[] => {
  const list = isArray(v) ? v : [v];
  if (list.length === 0) throw invalid(path, `${op} needs at least one value`);
  return list.map((s) => requireString(s, path, op));
};

type Bound = (v: number) => boolean;

const bound = (op: unknown, x: number): { side: 'lower' | 'upper' | 'equal'; test: Bound } | undefined => {
  switch (op) {
    case '=':
      return { side: 'equal', test: (v) => v === x };
    case '>':
      return { side: 'lower', test: (v) => v > x };
    case '>=':
      return { side: 'lower', test: (v) => v >= x };
    case '<':
      return { side: 'upper', test: (v) => v < x };
    case '<=':
      return { side: 'upper', test: (v) => v <= x };
    default:
      return undefined;
  }
};

/** `[op, n]` or a range `[">"|">=", low, "<"|"<=", high]` with low < high, as Event Ruler accepts. */
const numeric = (spec: unknown, path: string): LeafTest => {
  if (!isArray(spec) || (spec.length !== 2 && spec.length !== 4)) {
    throw invalid(path, 'numeric must be [op, number] or [">"|">=", number, "<"|"<=", number]');
  }
  const bounds: { side: 'lower' | 'upper' | 'equal'; test: Bound; n: number }[] = [];
  for (let i = 0; i < spec.length; i += 2) {
    const op = spec[i];
    const n = spec[i + 1];
    if (typeof n !== 'number' || !Number.isFinite(n)) {
      throw invalid(path, `numeric operand after ${JSON.stringify(op)} must be a finite number`);
    }
    const b = bound(op, n);
    if (!b) throw invalid(path, `unknown numeric operator ${JSON.stringify(op)}`);
    bounds.push({ ...b, n });
  }
  const [first, second] = bounds;
  if (second && (first?.side !== 'lower' || second.side !== 'upper')) {
    throw invalid(
      path,
      'a numeric range is a lower bound (">" or ">=") followed by an upper bound ("<" or "<=")',
    );
  }
  if (first && second && first.n >= second.n) {
    throw invalid(path, 'numeric range is empty: the lower bound must be below the upper bound');
  }
  return (v) => typeof v === 'number' && bounds.every((b) => b.test(v));
};

const cidr = (spec: unknown, path: string): LeafTest => {
  const text = requireString(spec, path, 'cidr');
  const [address = '', bits = '', ...rest] = text.split('/');
  const family = isIP(address);
  const prefix = Number(bits);
  const max = family === 6 ? 128 : 32;
  if (family === 0 || rest.length > 0 || !/^\d+$/.test(bits) || prefix > max) {
    throw invalid(path, `cidr "${text}" is not an IPv4 or IPv6 CIDR block`);
  }
  const block = new BlockList();
  block.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  return (v) => {
    if (typeof v !== 'string') return false;
    const f = isIP(v);
    return f !== 0 && block.check(v, f === 6 ? 'ipv6' : 'ipv4');
  };
};

const anythingBut = (spec: unknown, path: string): LeafTest => {
  if (typeof spec === 'string' || typeof spec === 'number') return (v) => v !== spec;
  if (isArray(spec)) {
    if (spec.length === 0) throw invalid(path, 'anything-but needs at least one value');
    const allStrings = spec.every((s) => typeof s === 'string');
    const allNumbers = spec.every((s) => typeof s === 'number');
    if (!allStrings && !allNumbers)
      throw invalid(path, 'anything-but list must hold only strings or only numbers');
    const excluded = new Set<unknown>(spec);
    return (v) => !excluded.has(v);
  }
  if (isRecord(spec) && Object.keys(spec).length === 1) {
    const [op] = Object.keys(spec);
    const arg = spec[op ?? ''];
    const inner: LeafTest | undefined =
      op === 'prefix'
        ? startsWith({ value: requireString(arg, path, 'anything-but.prefix'), ignoreCase: false })
        : op === 'suffix'
          ? endsWith({ value: requireString(arg, path, 'anything-but.suffix'), ignoreCase: false })
          : op === 'equals-ignore-case'
            ? equalsIgnoreCase(stringList(arg, path, 'anything-but.equals-ignore-case'))
            : op === 'wildcard'
              ? wildcard(stringList(arg, path, 'anything-but.wildcard'), path)
              : undefined;
    if (inner) return (v) => typeof v === 'string' && !inner(v);
    throw invalid(path, `anything-but does not support "${op}"`);
  }
  throw invalid(
    path,
    'anything-but must be a string, a number, a list of either, or one of prefix/suffix/equals-ignore-case/wildcard',
  );
};

const compileMatcher = (m: unknown, path: string): LeafTest | 'absent' => {
  if (isLeaf(m)) return (v) => v === m;
  if (!isRecord(m))
    throw invalid(path, 'a match value must be a string, number, boolean, null or an operator object');
  const keys = Object.keys(m);
  if (keys.length !== 1)
    throw invalid(path, `an operator object must have exactly one key, got ${keys.length}`);
  const op = keys[0] ?? '';
  const arg = m[op];
  switch (op) {
    case 'prefix':
      return startsWith(stringOrIgnoreCase(arg, path, 'prefix'));
    case 'suffix':
      return endsWith(stringOrIgnoreCase(arg, path, 'suffix'));
    case 'equals-ignore-case':
      return equalsIgnoreCase([requireString(arg, path, 'equals-ignore-case')]);
    case 'wildcard':
      return wildcard([requireString(arg, path, 'wildcard')], path);
    case 'anything-but':
      return anythingBut(arg, path);
    case 'numeric':
      return numeric(arg, path);
    case 'cidr':
      return cidr(arg, path);
    case 'exists':
      if (typeof arg !== 'boolean') throw invalid(path, 'exists must be true or false');
      return arg ? () => true : 'absent';
    default:
      throw invalid(path, `unknown operator "${op}"`);
  }
};

const compileObject = (pattern: Record<string, unknown>, path: string): CompiledObject => {
  const fields: { key: string; node: LeafNode | ObjectNode }[] = [];
  let or: CompiledObject[] | undefined;
  for (const [key, value] of Object.entries(pattern)) {
    const here = at(path, key);
    if (key === '$or') {
      if (!isArray(value) || value.length < 2) {
        throw invalid(here, '$or must be an array of at least two pattern objects');
      }
      or = value.map((p, i) => {
        if (!isRecord(p)) throw invalid(`${here}[${i}]`, '$or alternatives must be pattern objects');
        return compileNonEmpty(p, `${here}[${i}]`);
      });
    } else if (isArray(value)) {
      if (value.length === 0) throw invalid(here, 'a match array must not be empty');
      const tests: LeafTest[] = [];
      let matchesAbsent = false;
      for (const [i, m] of value.entries()) {
        const t = compileMatcher(m, `${here}[${i}]`);
        if (t === 'absent') matchesAbsent = true;
        else tests.push(t);
      }
      fields.push({ key, node: { kind: 'leaf', tests, matchesAbsent } });
    } else if (isRecord(value)) {
      fields.push({ key, node: { kind: 'object', pattern: compileNonEmpty(value, here) } });
    } else {
      throw invalid(here, 'must be an array of match values or a nested pattern object');
    }
  }
  return { fields, or };
};

const compileNonEmpty = (pattern: Record<string, unknown>, path: string): CompiledObject => {
  if (Object.keys(pattern).length === 0) throw invalid(path, 'a pattern object must name at least one field');
  return compileObject(pattern, path);
};

const flatten = (v: unknown): unknown[] => (isArray(v) ? v.flatMap(flatten) : v === undefined ? [] : [v]);

const EMPTY: Record<string, unknown> = {};

const matchObject = (p: CompiledObject, event: Record<string, unknown>): boolean =>
  p.fields.every(({ key, node }) => {
    const values = Object.hasOwn(event, key) ? flatten(event[key]) : [];
    if (node.kind === 'leaf') {
      const leaves = values.filter(isLeaf);
      if (leaves.length === 0) return node.matchesAbsent;
      return leaves.some((v) => node.tests.some((t) => t(v)));
    }
    const objects = values.filter(isRecord);
    // With no object here, the sub-pattern can still match through `exists: false`.
    return (objects.length > 0 ? objects : [EMPTY]).some((o) => matchObject(node.pattern, o));
  }) &&
  (p.or === undefined || p.or.some((alt) => matchObject(alt, event)));

/**
 * Validates and compiles a pattern once; the returned predicate is pure and safe to call per event.
 * @throws {InvalidEventPatternError} when the pattern is malformed.
 */
export const compileEventPattern = (pattern: unknown): CompiledEventPattern => {
  if (!isRecord(pattern)) throw invalid('', 'a pattern must be a JSON object');
  const compiled = compileNonEmpty(pattern, '');
  return (event) => isRecord(event) && matchObject(compiled, event);
};

/**
 * Throws {@link InvalidEventPatternError} when EventBridge would reject the pattern; returns it typed
 * as a plain JSON object otherwise.
 */
export const validateEventPattern = (pattern: unknown): Readonly<Record<string, unknown>> => {
  if (!isRecord(pattern)) throw invalid('', 'a pattern must be a JSON object');
  compileNonEmpty(pattern, '');
  return pattern;
};

const cache = new WeakMap<object, CompiledEventPattern>();

/**
 * True when `event` (an EventBridge event object, e.g. `{ source, 'detail-type', detail, ... }`)
 * matches `pattern`. Compiled patterns are cached per pattern object.
 * @throws {InvalidEventPatternError} when the pattern is malformed.
 */
export const matchesPattern = (pattern: unknown, event: unknown): boolean => {
  if (typeof pattern !== 'object' || pattern === null) return compileEventPattern(pattern)(event);
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = compileEventPattern(pattern);
    cache.set(pattern, compiled);
  }
  return compiled(event);
};
