/**
 * The campaign work queue's consumer: campaign events from the bus (a launch, a resume, a cancel)
 * start the work, one message per shard, which runs here too (run-work.ts). A message that fails is
 * reported (ReportBatchItemFailures) and redelivered; every step is safe to run again. A snapshot out
 * of time queues its own continuation.
 */
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { runCampaignWork } from '../../lib/campaigns/send/run-work.ts';
import {
  type CampaignEvent,
  isCampaignWorkEvent,
  startCampaignWork,
} from '../../lib/campaigns/send/start-send.ts';
import { campaignWorkSchema } from '../../lib/campaigns/send/work.schema.ts';
import { parseDomainEvent } from '../../lib/shared/events/catalogue.ts';
import { pipelineDeps } from '../shared/campaign-send-deps.ts';
import { logger } from '../shared/logger.ts';

/** Time left when a snapshot stops and hands over to its continuation. */
const HANDOVER_MS = 30_000;

const busEnvelope = z.object({ 'detail-type': z.string(), detail: z.unknown() });

type Message =
  | { readonly kind: 'event'; readonly event: CampaignEvent }
  | { readonly kind: 'work'; readonly work: z.infer<typeof campaignWorkSchema> };

const campaignEvent = (type: string, detail: unknown): CampaignEvent => {
  const event = parseDomainEvent(type, detail);
  if (!isCampaignWorkEvent(event)) throw new Error(`not a campaign event the work queue takes: ${type}`);
  return event;
};

const parse = (record: SQSRecord): Message | undefined => {
  try {
    const raw: unknown = JSON.parse(record.body);
    const envelope = busEnvelope.safeParse(raw);
    if (envelope.success)
      return { kind: 'event', event: campaignEvent(envelope.data['detail-type'], envelope.data.detail) };
    return { kind: 'work', work: campaignWorkSchema.parse(raw) };
  } catch (error) {
    logger.error('dropping a campaign work message that is not one', {
      messageId: record.messageId,
      error: error instanceof Error ? error : String(error),
    });
    return undefined;
  }
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event, context: Context) => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  const deps = pipelineDeps();
  const outOfTime = () => context.getRemainingTimeInMillis() < HANDOVER_MS;
  await Promise.all(
    event.Records.map(async (record) => {
      const message = parse(record);
      if (!message) return;
      try {
        const result =
          message.kind === 'event'
            ? await startCampaignWork(message.event, deps)
            : await runCampaignWork(message.work, deps, { outOfTime });
        logger.info('campaign work done', {
          ...(message.kind === 'event'
            ? { event: message.event.type, campaignId: message.event.data.campaignId }
            : { work: message.work.work, campaignId: message.work.campaignId, shard: message.work.shard }),
          result,
        });
      } catch (error) {
        logger.error('campaign work failed; it will be retried', {
          messageId: record.messageId,
          error: error instanceof Error ? error : String(error),
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures: failures };
});
