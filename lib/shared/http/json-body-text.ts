/**
 * What a parsed JSON body may not hold, whatever the route: text that is not Unicode (a lone UTF-16
 * surrogate, which JSON can spell as "\ud800" but UTF-8 cannot carry: not to DynamoDB, SES or a
 * webhook), and the key `__proto__`, which a JavaScript object cannot hold as data (it would be
 * dropped silently, or set a prototype). Each is a field issue at its own path. No I/O.
 */
import type { FieldIssue } from '../errors.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_ISSUES = 20;

const pathText = (path: readonly (string | number)[]): string =>
  path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '');

const visit = (value: unknown, path: (string | number)[], issues: FieldIssue[]): void => {
  if (issues.length >= MAX_ISSUES) return;
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value))
      issues.push({
        path: pathText(path) || '(body)',
        message: 'holds a lone UTF-16 surrogate: not Unicode text',
      });
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) visit(v, [...path, i], issues);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    const at = [...path, key];
    if (key === '__proto__')
      issues.push({ path: pathText(at), message: '__proto__ is not accepted as a key' });
    else if (LONE_SURROGATE.test(key))
      issues.push({ path: pathText(at), message: 'the key holds a lone UTF-16 surrogate: not Unicode text' });
    else visit(v, at, issues);
  }
};

/** The issues of a parsed JSON body (empty when it may go on to the route's schema). */
export const jsonBodyTextIssues = (body: unknown): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  visit(body, [], issues);
  return issues;
};
