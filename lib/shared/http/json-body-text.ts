/**
 * What a parsed JSON body may not hold, whatever the route: text that is not Unicode (a lone UTF-16
 * surrogate, which JSON can spell as "\ud800" but UTF-8 cannot carry: not to DynamoDB, SES or a
 * webhook), and the key `__proto__`, which a JavaScript object cannot hold as data (it would be
 * dropped silently, or set a prototype). Each is a field issue at its own path. No I/O.
 */
import type { FieldIssue } from '../errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_ISSUES = 20;

/** A position in the body, linked to its parent: a deep body costs no copy of its path per level. */
interface At {
  readonly parent: At | undefined;
  readonly key: string | number;
}

const pathText = (at: At | undefined): string => {
  const keys: (string | number)[] = [];
  for (let n = at; n; n = n.parent) keys.unshift(n.key);
  return keys.reduce<string>(
    (out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k),
    '',
  );
};

/** Iterative (a body nested 10,000 deep must not exhaust the call stack), depth-first in order. */
const walk = (body: unknown, issues: FieldIssue[]): void => {
  const stack: [unknown, At | undefined][] = [[body, undefined]];
  while (stack.length > 0 && issues.length < MAX_ISSUES) {
    const [value, at] = stack.pop() ?? [undefined, undefined];
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value))
        issues.push({
          path: pathText(at) || '(body)',
          message: 'holds a lone UTF-16 surrogate: not Unicode text',
        });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { parent: at, key: i }]);
    } else if (typeof value === 'object' && value !== null) {
      const children: [unknown, At][] = [];
      for (const [key, v] of Object.entries(value)) {
        const child = { parent: at, key };
        if (key === '__proto__')
          issues.push({ path: pathText(child), message: '__proto__ is not accepted as a key' });
        else if (LONE_SURROGATE.test(key))
          issues.push({
            path: pathText(child),
            message: 'the key holds a lone UTF-16 surrogate: not Unicode text',
          });
        else children.push([v, child]);
      }
      stack.push(...children.reverse());
    }
  }
};

/** The issues of a parsed JSON body (empty when it may go on to the route's schema). */
export const jsonBodyTextIssues = (body: unknown): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  walk(body, issues);
  return issues;
};
