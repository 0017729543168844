/**
 * The send queue's consumer. Each message is one SES call's worth (≤ 50 recipients): a send request
 * (one-off, API, alerts) or a campaign chunk job (one wave of one chunk, send-chunk.ts).
 *
 * - A send request with recipients to retry (throttled, halted) is reported failed
 *   (ReportBatchItemFailures), so SQS redelivers it after its visibility timeout; what was sent is
 *   never sent again. On the last receive, what is still throttled fails for good.
 * - A chunk job to retry is reported failed too, but never fails its recipients for throttling: near
 *   the last receive it is queued afresh instead (a campaign ends only when every recipient has a
 *   final state). SES's 24-hour quota pauses the campaign (daily-quota.ts) rather than retrying.
 * - A malformed message is logged and dropped.
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type ChunkJobMessage, chunkJobSchema } from '../../lib/campaigns/send/chunk-job.schema.ts';
import type { CampaignSendPorts } from '../../lib/campaigns/send/chunk-job-ports.ts';
import { pauseForDailyQuota } from '../../lib/campaigns/send/daily-quota.ts';
import { type ChunkJob, sendChunk } from '../../lib/campaigns/send/send-chunk.ts';
import { DEFAULT_DELIVER } from '../../lib/email/send/deliver.ts';
import { type BatchOutcome, type SendDeps, sendBatch } from '../../lib/email/send/send-batch.ts';
import { SEND_QUEUE } from '../../lib/email/send/send-queue.ts';
import { type SendRequest, sendRequestSchema } from '../../lib/email/send/send-request.schema.ts';
import { chunkSendDeps } from '../shared/campaign-chunk-deps.ts';
import { sendDeps } from '../shared/email-deps.ts';
import { logger } from '../shared/logger.ts';

type Message =
  | { readonly kind: 'request'; readonly request: SendRequest }
  | { readonly kind: 'chunk'; readonly job: ChunkJobMessage };

const parseBody = (body: string): Message | string => {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return 'not JSON';
  }
  const job = chunkJobSchema.safeParse(raw);
  if (job.success) return { kind: 'chunk', job: job.data };
  const request = sendRequestSchema.safeParse(raw);
  if (request.success) return { kind: 'request', request: request.data };
  return request.error.issues[0]?.message ?? 'not a send request';
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const counts = (outcome: BatchOutcome) => {
  const out: Record<string, number> = {};
  for (const o of Object.values(outcome.recipients)) out[o.status] = (out[o.status] ?? 0) + 1;
  return out;
};

export const sendEmailHandler = (
  deps: () => SendDeps,
  campaigns: () => CampaignSendPorts = chunkSendDeps,
  maxReceiveCount: number = SEND_QUEUE.maxReceiveCount,
) =>
  middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    const deliver = { ...DEFAULT_DELIVER, sleep };

    const chunk = async (record: SQSRecord, job: ChunkJob, receives: number) => {
      const ports = campaigns();
      const outcome = await sendChunk(job, ports, { deliver, lastAttempt: false });
      if (outcome.status !== 'sent') {
        logger.info('campaign chunk: nothing sent', { campaignId: job.campaignId, outcome });
        return;
      }
      const { batch } = outcome;
      logger.info('campaign chunk sent', { campaignId: job.campaignId, ...counts(batch) });
      if (batch.dailyQuota) {
        // Released recipients stay pending; the resume queues the chunk again.
        await pauseForDailyQuota(job.workspaceId, job.campaignId, ports.quota);
        return;
      }
      if (!batch.retry) return;
      if (receives >= maxReceiveCount - 1) await ports.requeue(job);
      else failures.push({ itemIdentifier: record.messageId });
    };

    const request = async (record: SQSRecord, req: SendRequest, receives: number) => {
      const outcome = await sendBatch(req, deps(), { deliver, lastAttempt: receives >= maxReceiveCount });
      logger.info('send request done', { workspaceId: req.workspaceId, ...counts(outcome) });
      if (outcome.retry) failures.push({ itemIdentifier: record.messageId });
    };

    const one = async (record: SQSRecord) => {
      const message = parseBody(record.body);
      if (typeof message === 'string') {
        logger.error('dropping a send message that is not a send request or a chunk job', {
          messageId: record.messageId,
          issue: message,
        });
        return;
      }
      const receives = Number(record.attributes.ApproximateReceiveCount);
      try {
        if (message.kind === 'chunk') await chunk(record, message.job, receives);
        else await request(record, message.request, receives);
      } catch (error) {
        logger.error('send message failed; it will be retried', {
          messageId: record.messageId,
          error: error instanceof Error ? error : String(error),
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    };
    // One message at a time: each is already a 50-recipient SES call, and the rate is paced per container.
    for (const record of event.Records) await one(record);
    return { batchItemFailures: failures };
  });

export const handler = sendEmailHandler(sendDeps);
