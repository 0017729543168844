/**
 * The catalogue writes event patterns as EventBridge JSON (`detail-type`), the form the local bus matches;
 * CDK's Rule wants camelCase fields. This converts one to the other and refuses unknown top-level fields,
 * so a typo in the catalogue fails the synth instead of producing a rule that never matches.
 *
 * `$or` (alternatives, each in EventBridge JSON: CDK renders them as they are) and `replay-name` (the
 * field EventBridge adds to replayed events) are EventBridge's but not in CDK's type; CDK renders every
 * field it does not rename as given, so they are passed through.
 */
import type * as events from 'aws-cdk-lib/aws-events';
import type { EventPattern } from '../catalogue/types.ts';

const LIST_FIELDS = {
  version: 'version',
  id: 'id',
  'detail-type': 'detailType',
  source: 'source',
  account: 'account',
  time: 'time',
  region: 'region',
  resources: 'resources',
} as const;

type ListField = keyof typeof LIST_FIELDS;

const isListField = (key: string): key is ListField => Object.hasOwn(LIST_FIELDS, key);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields of an alternative of `$or`, which CDK does not rename: EventBridge's own names. */
const EVENT_FIELDS = new Set<string>([...Object.keys(LIST_FIELDS), 'detail', 'replay-name']);

const checkAlternatives = (value: unknown): readonly Record<string, unknown>[] => {
  if (!Array.isArray(value) || value.length < 2)
    throw new Error('event pattern field $or must be an array of at least two patterns');
  return value.map((alternative) => {
    if (!isRecord(alternative)) throw new Error('event pattern $or alternatives must be objects');
    for (const key of Object.keys(alternative))
      if (!EVENT_FIELDS.has(key))
        throw new Error(`event pattern field ${key} is not an EventBridge event field`);
    return alternative;
  });
};

export const toRulePattern = (pattern: EventPattern): events.EventPattern => {
  const converted: { -readonly [K in keyof events.EventPattern]: events.EventPattern[K] } & {
    [field: string]: unknown;
  } = {};
  for (const [key, value] of Object.entries(pattern)) {
    if (key === '$or') converted.$or = checkAlternatives(value);
    else if (key === 'replay-name') {
      if (!Array.isArray(value)) throw new Error(`event pattern field ${key} must be an array`);
      converted[key] = value;
    } else if (key === 'detail') {
      if (!isRecord(value)) throw new Error(`event pattern field detail must be an object`);
      converted.detail = value;
    } else if (isListField(key)) {
      if (!Array.isArray(value)) throw new Error(`event pattern field ${key} must be an array`);
      converted[LIST_FIELDS[key]] = value;
    } else {
      throw new Error(`event pattern field ${key} is not an EventBridge event field`);
    }
  }
  return converted;
};
