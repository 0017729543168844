import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import { domainEvent, toOutbox } from '../../lib/shared/events/outbox.ts';

const eb = mockClient(EventBridgeClient);
type Handler = (e: DynamoDBStreamEvent, c: object) => Promise<void>;
let relay: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    BUS_NAME: 'ecrm-test',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
  });
  relay = (await import('../../functions/outbox/relay.handler.ts')).handler as unknown as Handler;
});
beforeEach(() => eb.reset());

const clock = fixedClock('2026-01-01T00:00:00.000Z');
const record = (image: Record<string, unknown>) => ({
  eventName: 'INSERT' as const,
  dynamodb: { NewImage: marshall(image, { removeUndefinedValues: true }) as never },
});
const streamEvent = (n: number): DynamoDBStreamEvent => ({
  Records: Array.from({ length: n }, (_, i) =>
    record({
      pk: `p${i}`,
      sk: 'C',
      _ev: toOutbox(domainEvent('contact.created', 'ws_t', { contactId: `c_${i}`, fields: [] }, clock)),
    }),
  ),
});

describe('outbox relay handler', () => {
  it('publishes every outbox entry of the batch', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    await relay(streamEvent(12), {});
    const sent = eb.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    expect(sent).toHaveLength(12);
    expect(sent.every((e) => e.EventBusName === 'ecrm-test')).toBe(true);
  });

  it('fails the batch when the bus keeps refusing, so the stream redelivers it', async () => {
    eb.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'x' }],
    });
    await expect(relay(streamEvent(1), {})).rejects.toThrow('not accepted');
  });

  it('skips a malformed outbox entry instead of blocking the stream forever', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const bad = record({
      pk: 'x',
      sk: 'C',
      _ev: { id: 'e1', type: 'contact.created', detail: { nonsense: true } },
    });
    await relay({ Records: [bad, ...streamEvent(1).Records] }, {});
    expect(eb.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? [])).toHaveLength(1);
  });
});
