/**
 * The feedback queue's consumer: SES events (from a rule on the account's default bus) applied to
 * messages, contacts, counters and rates (lib/email/feedback). A body that is not an SES event can
 * never succeed and is dropped with an ERROR line; an event that fails is reported alone
 * (ReportBatchItemFailures) and redelivered, then lands in the queue's DLQ.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { applyFeedbackBatch, type BatchItem } from '../../lib/email/feedback/feedback-batch.ts';
import { sesEventSchema } from '../../lib/email/feedback/ses-event.schema.ts';
import { feedbackDeps } from '../shared/feedback-deps.ts';
import { logger } from '../shared/http-errors.ts';

// Namespace, name and service match the alarm in infra/constructs/alarms.construct.ts.
const metrics = new Metrics({ namespace: 'ecrm', serviceName: 'email' });

const parse = (body: string) => {
  try {
    return sesEventSchema.safeParse(JSON.parse(body));
  } catch {
    return sesEventSchema.safeParse(undefined);
  }
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
  const items: BatchItem[] = [];
  for (const record of event.Records) {
    const parsed = parse(record.body);
    if (parsed.success) items.push({ id: record.messageId, event: parsed.data });
    else
      logger.error('dropping a feedback message that is not an SES event', {
        messageId: record.messageId,
        issue: parsed.error.issues[0]?.message,
        path: parsed.error.issues[0]?.path.join('.'),
      });
  }
  const result = await applyFeedbackBatch(items, feedbackDeps());
  for (const { id, error } of result.failed)
    logger.warn('SES event failed; it will be retried', {
      messageId: id,
      error: error instanceof Error ? error : String(error),
    });
  for (const error of result.countingErrors)
    logger.error('email counters or rates not updated', {
      error: error instanceof Error ? error : String(error),
    });
  for (const { workspaceId, reason } of result.paused) {
    // The alarm on this metric tells ops; the workspace stays paused until resumed by hand.
    metrics.addMetric('MarketingPaused', MetricUnit.Count, 1);
    logger.warn('marketing email paused', { workspaceId, reason });
  }
  if (result.paused.length > 0) metrics.publishStoredMetrics();
  return { batchItemFailures: result.failed.map(({ id }) => ({ itemIdentifier: id })) };
});
