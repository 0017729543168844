import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/shared/clock.ts';
import { BatchGetCommand } from '../../lib/shared/dynamodb/commands.ts';
import { domainEvent, toOutbox } from '../../lib/shared/events/outbox.ts';
import { keys } from '../../lib/shared/keys.ts';
import { awsError, mockDocumentClient } from '../support/mock-aws-client.ts';

const eb = mockClient(EventBridgeClient);
const ddb = mockDocumentClient();
type Handler = (e: DynamoDBStreamEvent, c: object) => Promise<void>;
let relay: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    BUS_NAME: 'ecrm-test',
    TABLE_NAME: 'ecrm-table',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
  });
  relay = (await import('../../functions/outbox/relay.handler.ts')).handler as unknown as Handler;
});
beforeEach(() => {
  eb.reset();
  ddb.reset();
  // No marker items unless a test says otherwise.
  ddb.on(BatchGetCommand).resolves({ Responses: {} });
});

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

describe('outbox relay handler: fan-out markers', () => {
  const marker = (workspaceId: string, webhookEndpoints: number) => ({
    ...keys.fanoutMarker(workspaceId),
    type: 'fanoutMarker',
    v: 1,
    webhookEndpoints,
    exact: true,
  });
  const mixed = (): DynamoDBStreamEvent => ({
    Records: ['ws_a', 'ws_b', 'ws_a', 'ws_c'].map((ws, i) =>
      record({
        pk: `p${i}`,
        sk: 'C',
        _ev: toOutbox(domainEvent('contact.created', ws, { contactId: `c_${i}`, fields: [] }, clock)),
      }),
    ),
  });

  it("reads each workspace's marker once, strongly consistent, and puts it on that workspace's entries", async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    ddb.on(BatchGetCommand).resolves({ Responses: { 'ecrm-table': [marker('ws_a', 2), marker('ws_b', 0)] } });
    await relay(mixed(), {});
    const reads = ddb.commandCalls(BatchGetCommand);
    expect(reads).toHaveLength(1);
    const request = reads[0]?.args[0].input.RequestItems?.['ecrm-table'];
    expect(request?.ConsistentRead).toBe(true);
    expect(request?.Keys).toEqual(['ws_a', 'ws_b', 'ws_c'].map((ws) => keys.fanoutMarker(ws)));
    const sent = eb.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    const fanouts = sent.map((e) => {
      const detail = JSON.parse(e.Detail ?? '{}');
      return [detail.workspaceId, detail.fanout];
    });
    expect(fanouts).toEqual([
      ['ws_a', { hooks: true, journeys: false }],
      ['ws_b', { hooks: false, journeys: false }],
      ['ws_a', { hooks: true, journeys: false }],
      // No marker item: a workspace from before the marker, which needs every consumer.
      ['ws_c', { hooks: true, journeys: true }],
    ]);
  });

  it('fails the batch when the markers cannot be read, so the stream redelivers it', async () => {
    eb.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    ddb.on(BatchGetCommand).rejects(awsError('InternalServerError', 'down', 500));
    await expect(relay(mixed(), {})).rejects.toThrow('down');
    expect(eb.commandCalls(PutEventsCommand)).toHaveLength(0);
  });
});
