/**
 * The catalogue writes event patterns as EventBridge JSON (`detail-type`), the form the local bus matches;
 * CDK's Rule wants camelCase fields. This converts one to the other and refuses unknown top-level fields,
 * so a typo in the catalogue fails the synth instead of producing a rule that never matches.
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

export const toRulePattern = (pattern: EventPattern): events.EventPattern => {
  const converted: { -readonly [K in keyof events.EventPattern]: events.EventPattern[K] } = {};
  for (const [key, value] of Object.entries(pattern)) {
    if (key === 'detail') {
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
