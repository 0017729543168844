import { describe, expect, it } from 'vitest';
import {
  compileEventPattern,
  InvalidEventPatternError,
  matchesPattern,
  validateEventPattern,
} from '../../infra/local/event-pattern.ts';

/** The EC2 state-change event used throughout AWS's event pattern documentation. */
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-10-02T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...ec2Event, detail });

describe('exact matching', () => {
  it('matches source, detail-type and a nested detail field (AND across fields)', () => {
    const pattern = {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'running' }))).toBe(false);
    expect(matchesPattern(pattern, { ...ec2Event, source: 'aws.s3' })).toBe(false);
  });

  it('treats the values of a field as alternatives (OR)', () => {
    const pattern = { detail: { state: ['running', 'terminated'] } };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, withDetail({ state: 'pending' }))).toBe(false);
  });

  it('is case sensitive and type strict', () => {
    expect(matchesPattern({ detail: { state: ['Terminated'] } }, ec2Event)).toBe(false);
    expect(matchesPattern({ detail: { n: ['5'] } }, withDetail({ n: 5 }))).toBe(false);
    expect(matchesPattern({ detail: { n: [5] } }, withDetail({ n: 5 }))).toBe(true);
    expect(matchesPattern({ detail: { n: [5] } }, withDetail({ n: 5.0 }))).toBe(true);
    expect(matchesPattern({ detail: { b: [true] } }, withDetail({ b: true }))).toBe(true);
    expect(matchesPattern({ detail: { b: [true] } }, withDetail({ b: 'true' }))).toBe(false);
  });

  it('matches null and the empty string exactly, and neither matches a missing field', () => {
    expect(
      matchesPattern({ detail: { responseElements: [null] } }, withDetail({ responseElements: null })),
    ).toBe(true);
    expect(matchesPattern({ detail: { responseElements: [null] } }, withDetail({}))).toBe(false);
    expect(matchesPattern({ detail: { eventVersion: [''] } }, withDetail({ eventVersion: '' }))).toBe(true);
    expect(matchesPattern({ detail: { eventVersion: [''] } }, withDetail({ eventVersion: null }))).toBe(
      false,
    );
  });

  it('matches when any element of an event array matches (AWS resources example)', () => {
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0',
      ],
    };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern(pattern, { ...ec2Event, resources: ['arn:other'] })).toBe(false);
    expect(matchesPattern(pattern, { ...ec2Event, resources: [] })).toBe(false);
  });

  it('matches sub-patterns against one array element at a time (array consistency)', () => {
    const event = withDetail({
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
      ],
    });
    expect(matchesPattern({ detail: { items: { sku: ['b'], qty: [2] } } }, event)).toBe(true);
    expect(matchesPattern({ detail: { items: { sku: ['a'], qty: [2] } } }, event)).toBe(false);
  });

  it('does not match a leaf matcher against an object, nor a nested pattern against a string', () => {
    expect(matchesPattern({ detail: ['terminated'] }, ec2Event)).toBe(false);
    expect(matchesPattern({ source: { sub: ['x'] } }, ec2Event)).toBe(false);
  });

  it('ignores inherited properties of the event object', () => {
    expect(matchesPattern({ detail: { constructor: [{ exists: true }] } }, withDetail({}))).toBe(false);
    expect(matchesPattern({ detail: { toString: [{ exists: false }] } }, withDetail({}))).toBe(true);
  });

  it('never matches a non-object event', () => {
    expect(matchesPattern({ source: ['aws.ec2'] }, 'aws.ec2')).toBe(false);
    expect(matchesPattern({ source: ['aws.ec2'] }, null)).toBe(false);
  });
});

describe('prefix and suffix', () => {
  it('prefix matches the start of a string (AWS time example)', () => {
    expect(matchesPattern({ time: [{ prefix: '2017-10-02' }] }, ec2Event)).toBe(true);
    expect(matchesPattern({ time: [{ prefix: '2017-10-03' }] }, ec2Event)).toBe(false);
  });

  it('prefix with equals-ignore-case ignores the case of the prefix', () => {
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    for (const service of ['EventBridge', 'EVENTBRIDGE', 'eventbridge']) {
      expect(matchesPattern(pattern, withDetail({ service }))).toBe(true);
    }
    expect(matchesPattern(pattern, withDetail({ service: 'Lambda' }))).toBe(false);
  });

  it('suffix matches the end of a string, with or without case', () => {
    expect(matchesPattern({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' })).toBe(true);
    expect(matchesPattern({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.PNG' })).toBe(false);
    const ignoreCase = { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] };
    expect(matchesPattern(ignoreCase, { FileName: 'image.PNG' })).toBe(true);
    expect(matchesPattern(ignoreCase, { FileName: 'image.jpg' })).toBe(false);
  });

  it('prefix does not match numbers', () => {
    expect(matchesPattern({ n: [{ prefix: '12' }] }, { n: 123 })).toBe(false);
  });
});

describe('anything-but', () => {
  it('excludes one string or number', () => {
    const state = { detail: { state: [{ 'anything-but': 'initializing' }] } };
    expect(matchesPattern(state, ec2Event)).toBe(true);
    expect(matchesPattern(state, withDetail({ state: 'initializing' }))).toBe(false);
    const limit = { detail: { 'x-limit': [{ 'anything-but': 123 }] } };
    expect(matchesPattern(limit, withDetail({ 'x-limit': 124 }))).toBe(true);
    expect(matchesPattern(limit, withDetail({ 'x-limit': 123 }))).toBe(false);
  });

  it('excludes a list of strings or of numbers', () => {
    const state = { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } };
    expect(matchesPattern(state, withDetail({ state: 'running' }))).toBe(true);
    expect(matchesPattern(state, withDetail({ state: 'stopped' }))).toBe(false);
    const limit = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matchesPattern(limit, withDetail({ 'x-limit': 301.8 }))).toBe(true);
    expect(matchesPattern(limit, withDetail({ 'x-limit': 200 }))).toBe(false);
  });

  it('needs the field to be present', () => {
    expect(matchesPattern({ detail: { state: [{ 'anything-but': 'x' }] } }, withDetail({}))).toBe(false);
  });

  it('supports prefix, suffix, equals-ignore-case and wildcard exclusions', () => {
    const prefix = { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } };
    expect(matchesPattern(prefix, withDetail({ state: 'running' }))).toBe(true);
    expect(matchesPattern(prefix, withDetail({ state: 'initializing' }))).toBe(false);

    const suffix = { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } };
    expect(matchesPattern(suffix, withDetail({ FileName: 'a.png' }))).toBe(true);
    expect(matchesPattern(suffix, withDetail({ FileName: 'a.txt' }))).toBe(false);

    const ignoreCase = {
      detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] },
    };
    expect(matchesPattern(ignoreCase, withDetail({ state: 'running' }))).toBe(true);
    expect(matchesPattern(ignoreCase, withDetail({ state: 'STOPPED' }))).toBe(false);

    const wildcard = { detail: { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] } };
    expect(matchesPattern(wildcard, withDetail({ FilePath: 'dir/src/a.ts' }))).toBe(true);
    expect(matchesPattern(wildcard, withDetail({ FilePath: 'dir/lib/a.ts' }))).toBe(false);
    expect(matchesPattern(wildcard, withDetail({ FilePath: 'dir/bin/a' }))).toBe(false);
  });
});

describe('numeric', () => {
  it('matches the AWS numeric example and rejects values outside the ranges', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matchesPattern(pattern, withDetail({ 'c-count': 5, 'd-count': 7, 'x-limit': 301.8 }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ 'c-count': 0, 'd-count': 7, 'x-limit': 301.8 }))).toBe(false);
    expect(matchesPattern(pattern, withDetail({ 'c-count': 5, 'd-count': 10, 'x-limit': 301.8 }))).toBe(
      false,
    );
    expect(matchesPattern(pattern, withDetail({ 'c-count': 5, 'd-count': 7, 'x-limit': 301 }))).toBe(false);
  });

  it('honours inclusive and exclusive bounds', () => {
    const range = { n: [{ numeric: ['>=', 1, '<', 2] }] };
    expect(matchesPattern(range, { n: 1 })).toBe(true);
    expect(matchesPattern(range, { n: 1.999 })).toBe(true);
    expect(matchesPattern(range, { n: 2 })).toBe(false);
    expect(matchesPattern(range, { n: 0.999 })).toBe(false);
  });

  it('matches numbers only, never numeric strings', () => {
    expect(matchesPattern({ n: [{ numeric: ['>', 0] }] }, { n: '5' })).toBe(false);
  });
});

describe('exists', () => {
  it('exists true needs a leaf value, exists false needs its absence', () => {
    expect(matchesPattern({ detail: { state: [{ exists: true }] } }, ec2Event)).toBe(true);
    expect(matchesPattern({ detail: { state: [{ exists: true }] } }, withDetail({}))).toBe(false);
    expect(matchesPattern({ detail: { state: [{ exists: false }] } }, withDetail({}))).toBe(true);
    expect(matchesPattern({ detail: { state: [{ exists: false }] } }, ec2Event)).toBe(false);
  });

  it('works on leaf nodes only (AWS c-count example)', () => {
    const event = withDetail({ 'c-count': { c1: 100 } });
    expect(matchesPattern({ detail: { 'c-count': [{ exists: false }] } }, event)).toBe(true);
    expect(matchesPattern({ detail: { 'c-count': [{ exists: true }] } }, event)).toBe(false);
  });

  it('exists false matches when a whole parent object is missing', () => {
    expect(matchesPattern({ detail: { state: [{ exists: false }] } }, { source: 'x' })).toBe(true);
  });

  it('can be an alternative to a value', () => {
    const pattern = { detail: { tier: [{ exists: false }, 'gold'] } };
    expect(matchesPattern(pattern, withDetail({}))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ tier: 'gold' }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ tier: 'silver' }))).toBe(false);
  });
});

describe('equals-ignore-case, wildcard and cidr', () => {
  it('equals-ignore-case ignores case but still needs the whole value', () => {
    const pattern = { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] };
    expect(matchesPattern(pattern, ec2Event)).toBe(true);
    expect(matchesPattern({ 'detail-type': [{ 'equals-ignore-case': 'ec2 instance' }] }, ec2Event)).toBe(
      false,
    );
  });

  it('wildcard matches the AWS event bus ARN example', () => {
    const pattern = { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] };
    expect(
      matchesPattern(pattern, { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/ecrm' }),
    ).toBe(true);
    expect(
      matchesPattern(pattern, { EventBusArn: 'arn:aws:events:us-west-2:123456789012:event-bus/ecrm' }),
    ).toBe(false);
  });

  it('wildcard escapes: a literal star and regular-expression characters', () => {
    expect(matchesPattern({ f: [{ wildcard: 'a\\*b' }] }, { f: 'a*b' })).toBe(true);
    expect(matchesPattern({ f: [{ wildcard: 'a\\*b' }] }, { f: 'axb' })).toBe(false);
    expect(matchesPattern({ f: [{ wildcard: 'a.b*' }] }, { f: 'axbc' })).toBe(false);
    expect(matchesPattern({ f: [{ wildcard: 'a.b*' }] }, { f: 'a.bc' })).toBe(true);
  });

  it('cidr matches IPv4 and IPv6 addresses in the block', () => {
    const v4 = { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } };
    expect(matchesPattern(v4, withDetail({ sourceIPAddress: '10.0.0.255' }))).toBe(true);
    expect(matchesPattern(v4, withDetail({ sourceIPAddress: '10.0.1.1' }))).toBe(false);
    expect(matchesPattern(v4, withDetail({ sourceIPAddress: 'not an ip' }))).toBe(false);
    const v6 = { detail: { sourceIPAddress: [{ cidr: '2001:db8::/64' }] } };
    expect(matchesPattern(v6, withDetail({ sourceIPAddress: '2001:db8::1' }))).toBe(true);
    expect(matchesPattern(v6, withDetail({ sourceIPAddress: '2001:db9::1' }))).toBe(false);
  });
});

describe('$or', () => {
  it('matches when any alternative matches (AWS numeric $or example)', () => {
    const pattern = {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    };
    expect(matchesPattern(pattern, withDetail({ 'd-count': 3 }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ 'x-limit': 301.8 }))).toBe(true);
    expect(matchesPattern(pattern, withDetail({ 'c-count': 9, 'd-count': 11 }))).toBe(false);
  });

  it('combines with sibling fields by AND (AWS top-level $or example)', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricType: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/EC2' })).toBe(true);
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', metricType: 'ReadLatency' })).toBe(true);
    expect(matchesPattern(pattern, { source: 'aws.ec2', namespace: 'AWS/EC2' })).toBe(false);
    expect(matchesPattern(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/S3' })).toBe(false);
  });
});

describe('a complex pattern combining filters', () => {
  it('matches only when every filter holds', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    };
    const ok = withDetail({ state: 'running', 'c-count': 3, 'x-limit': 301 });
    expect(matchesPattern(pattern, ok)).toBe(true);
    expect(matchesPattern(pattern, { ...ok, time: '2017-10-03T00:00:00Z' })).toBe(false);
    expect(matchesPattern(pattern, withDetail({ state: 'running', 'c-count': 3, 'x-limit': 300 }))).toBe(
      false,
    );
  });
});

describe('validation', () => {
  const invalid: [string, unknown, string][] = [
    ['a non-object pattern', ['aws.ec2'], 'must be a JSON object'],
    ['an empty pattern', {}, 'at least one field'],
    ['a scalar field value', { source: 'aws.ec2' }, 'source: must be an array'],
    ['an empty match array', { source: [] }, 'must not be empty'],
    ['an unknown operator', { source: [{ contains: 'x' }] }, 'unknown operator "contains"'],
    ['an operator object with two keys', { source: [{ prefix: 'a', suffix: 'b' }] }, 'exactly one key'],
    ['a non-string prefix', { source: [{ prefix: 1 }] }, 'prefix must be a string'],
    ['exists with a string', { source: [{ exists: 'yes' }] }, 'exists must be true or false'],
    ['numeric with an odd shape', { n: [{ numeric: ['>', 0, '<'] }] }, 'numeric must be'],
    ['numeric with an unknown operator', { n: [{ numeric: ['!=', 0] }] }, 'unknown numeric operator'],
    ['numeric with a string operand', { n: [{ numeric: ['>', '0'] }] }, 'finite number'],
    ['an upside-down numeric range', { n: [{ numeric: ['<', 5, '>', 0] }] }, 'lower bound'],
    ['an empty numeric range', { n: [{ numeric: ['>', 5, '<', 5] }] }, 'range is empty'],
    ['anything-but with a mixed list', { s: [{ 'anything-but': ['a', 1] }] }, 'only strings or only numbers'],
    [
      'anything-but with numeric',
      { s: [{ 'anything-but': { numeric: ['>', 1] } }] },
      'does not support "numeric"',
    ],
    ['a wildcard with **', { s: [{ wildcard: 'a**b' }] }, 'consecutive'],
    ['a bad cidr', { ip: [{ cidr: '10.0.0.0/33' }] }, 'not an IPv4 or IPv6 CIDR'],
    ['$or with one alternative', { $or: [{ a: ['x'] }] }, 'at least two'],
    ['$or with a non-object', { $or: [{ a: ['x'] }, ['y']] }, '$or[1]'],
    ['a nested empty object', { detail: {} }, 'detail: a pattern object'],
  ];

  it.each(invalid)('rejects %s with a clear message', (_label, pattern, message) => {
    expect(() => validateEventPattern(pattern)).toThrow(InvalidEventPatternError);
    expect(() => compileEventPattern(pattern)).toThrow(message);
  });

  it('names the path of the offending matcher', () => {
    try {
      validateEventPattern({ detail: { state: ['ok', { prefix: 3 }] } });
      expect.unreachable('the pattern is invalid');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidEventPatternError);
      expect(e instanceof InvalidEventPatternError && e.path).toBe('detail.state[1]');
    }
  });

  it('accepts every operator EventBridge documents', () => {
    const pattern = {
      source: ['a', 1, true, null, { prefix: 'x' }, { prefix: { 'equals-ignore-case': 'x' } }],
      b: [{ suffix: 'x' }, { suffix: { 'equals-ignore-case': 'x' } }, { 'equals-ignore-case': 'x' }],
      c: [{ wildcard: 'x*' }, { exists: true }, { cidr: '10.0.0.0/8' }, { numeric: ['=', 1] }],
      d: [{ 'anything-but': { prefix: 'x' } }, { 'anything-but': { 'equals-ignore-case': 'x' } }],
      $or: [{ e: [1] }, { f: { g: [2] } }],
    };
    expect(validateEventPattern(pattern)).toBe(pattern);
  });

  it('matchesPattern throws on a malformed pattern rather than returning false', () => {
    expect(() => matchesPattern({ source: 'aws.ec2' }, ec2Event)).toThrow(InvalidEventPatternError);
  });
});
