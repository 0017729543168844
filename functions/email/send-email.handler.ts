/**
 * The send queue's consumer: each message is one send request (≤ 50 recipients, one SES call). A
 * request with recipients to retry (throttled, halted) is reported failed (ReportBatchItemFailures),
 * so SQS redelivers it after its visibility timeout; what was sent is never sent again. On the last
 * receive, what is still throttled fails for good; a malformed message is logged and dropped.
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { DEFAULT_DELIVER } from '../../lib/email/send/deliver.ts';
import { type SendDeps, sendBatch } from '../../lib/email/send/send-batch.ts';
import { SEND_QUEUE } from '../../lib/email/send/send-queue.ts';
import { sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { sendDeps } from '../shared/email-deps.ts';
import { logger } from '../shared/logger.ts';

const parseBody = (body: string) => {
  try {
    return sendRequestSchema.safeParse(JSON.parse(body));
  } catch {
    return sendRequestSchema.safeParse(undefined);
  }
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const sendEmailHandler = (
  deps: () => SendDeps,
  maxReceiveCount: number = SEND_QUEUE.maxReceiveCount,
) =>
  middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    const one = async (record: SQSRecord) => {
      const request = parseBody(record.body);
      if (!request.success) {
        logger.error('dropping a send message that is not a send request', {
          messageId: record.messageId,
          issue: request.error.issues[0]?.message,
        });
        return;
      }
      try {
        const lastAttempt = Number(record.attributes.ApproximateReceiveCount) >= maxReceiveCount;
        const outcome = await sendBatch(request.data, deps(), {
          deliver: { ...DEFAULT_DELIVER, sleep },
          lastAttempt,
        });
        const counts: Record<string, number> = {};
        for (const o of Object.values(outcome.recipients)) counts[o.status] = (counts[o.status] ?? 0) + 1;
        logger.info('send request done', { workspaceId: request.data.workspaceId, ...counts });
        if (outcome.retry) failures.push({ itemIdentifier: record.messageId });
      } catch (error) {
        logger.error('send request failed; it will be retried', {
          messageId: record.messageId,
          error: error instanceof Error ? error : String(error),
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    };
    // One request at a time: each is already a 50-recipient SES call, and the rate is paced per container.
    for (const record of event.Records) await one(record);
    return { batchItemFailures: failures };
  });

export const handler = sendEmailHandler(sendDeps);
