import { describe, expect, it } from 'vitest';
import {
  busNameOf,
  entrySize,
  MAX_REQUEST_BYTES,
  type PutEventsContext,
  PutEventsValidationError,
  putEvents,
} from '../../infra/local/put-events.ts';

const ctx: PutEventsContext = {
  region: 'eu-west-1',
  account: '123456789012',
  now: new Date('2026-05-01T10:20:30.456Z'),
  newId: () => 'id-1',
  busExists: (name) => name === 'default' || name === 'ecrm',
};

describe('PutEvents entry size (AWS formula)', () => {
  it('counts 14 bytes for Time and the UTF-8 bytes of Source, DetailType, Detail and Resources', () => {
    expect(entrySize({ Source: 'ab', DetailType: 'c', Detail: '{}', Resources: ['r1', 'é'] })).toBe(
      2 + 1 + 2 + 2 + 2,
    );
    expect(entrySize({ Time: 1, Source: 'ab' })).toBe(14 + 2);
  });

  it('accepts exactly 256 KB in total and rejects one byte more', () => {
    const detailOf = (bytes: number) => JSON.stringify({ x: 'y'.repeat(bytes - 8) });
    const entry = (bytes: number) => ({ Source: 's', DetailType: 't', Detail: detailOf(bytes - 2) });
    expect(entrySize(entry(MAX_REQUEST_BYTES))).toBe(MAX_REQUEST_BYTES);
    expect(putEvents({ Entries: [entry(MAX_REQUEST_BYTES)] }, ctx).accepted).toHaveLength(1);
    expect(() => putEvents({ Entries: [entry(MAX_REQUEST_BYTES + 1)] }, ctx)).toThrow(
      PutEventsValidationError,
    );
  });
});

describe('PutEvents → events', () => {
  it('builds the EventBridge event, time to the second, region and account from the context', () => {
    const { accepted, results } = putEvents(
      { Entries: [{ Source: 'ecrm', DetailType: 'x', Detail: '{"a":1}', EventBusName: 'ecrm' }] },
      ctx,
    );
    expect(results).toEqual([{ EventId: 'id-1' }]);
    expect(accepted).toEqual([
      {
        eventBusName: 'ecrm',
        event: {
          version: '0',
          id: 'id-1',
          'detail-type': 'x',
          source: 'ecrm',
          account: '123456789012',
          time: '2026-05-01T10:20:30Z',
          region: 'eu-west-1',
          resources: [],
          detail: { a: 1 },
        },
      },
    ]);
  });

  it('rejects zero entries as a whole request', () => {
    expect(() => putEvents({ Entries: [] }, ctx)).toThrow('greater than or equal to 1');
  });

  it('reads the bus name from a name or an ARN, defaulting to default', () => {
    expect(busNameOf(undefined)).toBe('default');
    expect(busNameOf('ecrm')).toBe('ecrm');
    expect(busNameOf('arn:aws:events:us-east-1:123456789012:event-bus/ecrm-prod')).toBe('ecrm-prod');
  });
});
