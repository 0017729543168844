/**
 * The deliver-webhooks handler's failure paths, which DynamoDB Local does not produce: a throttled
 * delivery write fails only its own message (ReportBatchItemFailures, redelivered), a message that is
 * not a subscribable event is dropped, and with the deployed (default) configuration an endpoint on a
 * loopback address gets no request: its attempt is recorded as refused and retried by timer.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { mockDocumentClient } from '../support/mock-aws-client.ts';

const ddb = mockDocumentClient();
type Handler = (e: SQSEvent, c: object) => Promise<SQSBatchResponse>;
let handler: Handler;
const WS = 'ws_handler';
const ENDPOINT = `whe_${'1'.repeat(26)}`;

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: 'ecrm-test',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    SECRETS_KEY_ID: 'arn:aws:kms:us-east-1:000000000000:key/test',
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  delete process.env.WEBHOOK_ALLOW_LOCAL_TARGETS;
  handler = (await import('../../functions/outgoing-webhooks/deliver-webhooks.handler.ts'))
    .handler as unknown as Handler;
});

const record = (messageId: string, body: string) => ({
  messageId,
  receiptHandle: 'r',
  body,
  attributes: {} as SQSEvent['Records'][number]['attributes'],
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:deliver-webhooks',
  awsRegion: 'us-east-1',
});

const contactCreated = (id: string) =>
  JSON.stringify({
    source: 'ecrm',
    'detail-type': 'contact.created',
    detail: {
      id,
      version: 1,
      workspaceId: WS,
      occurredAt: '2026-11-30T10:00:00.000Z',
      data: { contactId: 'c_1', fields: ['email'] },
    },
  });

const throttled = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
  });

const endpointItem = {
  pk: `W#${WS}`,
  sk: `WHE#${ENDPOINT}`,
  type: 'webhookEndpoint',
  v: 1,
  id: ENDPOINT,
  workspaceId: WS,
  url: 'http://127.0.0.1:1/hook',
  eventTypes: ['contact.created'],
  status: 'enabled',
  secrets: [{ id: 'whs_1', sealed: 'c2VhbGVk', hint: 'abcd', createdAt: '2026-11-01T00:00:00.000Z' }],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  rev: 0,
};

describe('deliver-webhooks handler', () => {
  it('reports only the message whose write failed, drops what it cannot read, never calls loopback when deployed', async () => {
    ddb.on(QueryCommand).resolves({ Items: [endpointItem] });
    ddb
      .on(GetCommand)
      .callsFake((input) => (String(input.Key?.sk).startsWith('WHE#') ? { Item: endpointItem } : {}));
    ddb.on(UpdateCommand).resolves({});
    ddb.on(PutCommand).callsFake((input) => {
      if (String(input.Item?.sk).includes('ev_slow')) throw throttled();
      return {};
    });
    const result = await handler(
      {
        Records: [
          record('q-bad', 'not json'),
          record('q-internal', JSON.stringify({ 'detail-type': 'timer.near', detail: {} })),
          record('q-slow', contactCreated('ev_slow')),
          record('q-fine', contactCreated('ev_fine')),
        ],
      },
      {},
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'q-slow' }]);
    const settled = ddb
      .commandCalls(UpdateCommand)
      .map((c) => c.args[0].input)
      .find((input) => String(input.Key?.sk) === 'D#ev_fine' && input.ExpressionAttributeValues?.[':status']);
    expect(settled?.ExpressionAttributeValues?.[':status']).toBe('retrying');
    expect(JSON.stringify(settled?.ExpressionAttributeValues?.[':attempts'])).toMatch(
      /refused: must be https/,
    );
    const retryTimer = ddb
      .commandCalls(PutCommand)
      .map((c) => c.args[0].input.Item)
      .find((item) => item?.task === 'webhook-retry');
    expect(retryTimer?.input).toEqual({ endpointId: ENDPOINT, deliveryId: 'ev_fine', attempt: 2 });
  });

  it('reads the endpoints once per batch and workspace, strongly consistent, and again for the next batch', async () => {
    ddb.reset();
    // The first batch finds no endpoint; one is made before the second.
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [] })
      .resolves({ Items: [endpointItem] });
    ddb
      .on(GetCommand)
      .callsFake((input) => (String(input.Key?.sk).startsWith('WHE#') ? { Item: endpointItem } : {}));
    ddb.on(UpdateCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    const first = await handler(
      { Records: [record('a', contactCreated('ev_a1')), record('b', contactCreated('ev_a2'))] },
      {},
    );
    expect(first.batchItemFailures).toEqual([]);
    const queries = () => ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(queries()).toHaveLength(1);
    expect(queries()[0]?.ConsistentRead).toBe(true);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);

    await handler({ Records: [record('c', contactCreated('ev_next'))] }, {});
    expect(queries()).toHaveLength(2);
    const created = ddb
      .commandCalls(PutCommand)
      .map((c) => c.args[0].input.Item)
      .find((item) => item?.sk === 'D#ev_next');
    expect(created?.endpointId).toBe(ENDPOINT);
  });
});
