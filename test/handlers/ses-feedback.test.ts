/**
 * The ses-feedback handler's failure paths, which DynamoDB Local does not produce: a throttled write
 * fails only its own event (ReportBatchItemFailures), a body that is not an SES event is dropped (a
 * retry cannot fix it), and a counter write that fails does not fail the applied events.
 */

import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newMessageId } from '../../lib/email/message.schema.ts';
import type { MessageTags } from '../../lib/email/message-tags.ts';
import { GetCommand, UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { mockDocumentClient } from '../support/mock-aws-client.ts';
import { taggedSesJson } from '../support/ses-events.ts';

const ddb = mockDocumentClient();
type Handler = (e: SQSEvent, c: object) => Promise<SQSBatchResponse>;
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: 'ecrm-test',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  handler = (await import('../../functions/feedback/ses-feedback.handler.ts')).handler as unknown as Handler;
});
beforeEach(() => ddb.reset());

const tags = (contactId: string): MessageTags => ({
  workspaceId: 'ws_handler',
  contactId,
  messageId: newMessageId(new Date('2026-11-01T10:00:00Z')),
  kind: 'marketing',
  origin: 'campaign',
  originId: 'cmp_1',
});

const record = (messageId: string, body: string) => ({
  messageId,
  receiptHandle: 'r',
  body,
  attributes: {} as SQSEvent['Records'][number]['attributes'],
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:ses-feedback',
  awsRegion: 'us-east-1',
});

const throttled = () =>
  Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
  });

describe('ses-feedback handler', () => {
  it('reports only the event whose write failed, drops what is not an SES event, survives a counter failure', async () => {
    const slow = tags('c_slow');
    const fine = tags('c_fine');
    ddb.on(GetCommand).resolves({});
    ddb.on(UpdateCommand).callsFake((input) => {
      const pk = String(input.Key?.pk);
      if (pk.includes('#MC#') || pk.includes('#SO#')) throw throttled();
      if (pk.includes('c_slow')) throw throttled();
      return {};
    });
    const result = await handler(
      {
        Records: [
          record('q-bad', 'not json'),
          record('q-other', JSON.stringify({ source: 'aws.ses', detail: {} })),
          record('q-slow', JSON.stringify(taggedSesJson('delivery', slow))),
          record('q-fine', JSON.stringify(taggedSesJson('delivery', fine))),
        ],
      },
      {},
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'q-slow' }]);
    const messageWrites = ddb
      .commandCalls(UpdateCommand)
      .map((c) => c.args[0].input.Key?.pk)
      .filter((pk) => typeof pk === 'string' && pk.includes('#C#'));
    expect(messageWrites).toHaveLength(2);
  });
});
