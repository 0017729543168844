/**
 * The timer queue's consumer: each message claims its timer once and runs the task's use case from
 * the task table in lib/timers. Failures are reported per message (ReportBatchItemFailures), so only
 * those are redelivered, and after the queue's maxReceiveCount they land in its DLQ.
 */
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { systemClock } from '../../lib/shared/clock.ts';
import { fireTimer } from '../../lib/timers/fire.ts';
import { runTask } from '../../lib/timers/tasks.ts';
import { timerMessage } from '../../lib/timers/timer.schema.ts';
import { abDecideDeps, campaignStateDeps } from '../shared/campaign-deps.ts';
import { campaignSendDeps } from '../shared/campaign-send-deps.ts';
import { logger } from '../shared/http-errors.ts';
import { journeyEngineDeps } from '../shared/journey-engine-deps.ts';
import { attemptDeps } from '../shared/outgoing-webhook-deps.ts';
import { scoringDeps } from '../shared/scoring-deps.ts';
import { membershipDeps } from '../shared/segment-deps.ts';
import { timersRepo } from '../shared/timer-deps.ts';
import { checkoutDeps } from '../shared/webhook-deps.ts';

const run = runTask({
  checkout: checkoutDeps,
  membership: membershipDeps,
  scoring: scoringDeps,
  campaigns: campaignStateDeps,
  abTests: abDecideDeps,
  campaignSend: campaignSendDeps,
  journeys: journeyEngineDeps,
  outgoingWebhooks: attemptDeps,
});

const parseBody = (body: string) => {
  try {
    return timerMessage.safeParse(JSON.parse(body));
  } catch {
    return timerMessage.safeParse(undefined);
  }
};

export const handler = middy<SQSEvent, SQSBatchResponse>().handler(async (event) => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  await Promise.all(
    event.Records.map(async (record) => {
      const message = parseBody(record.body);
      if (!message.success) {
        logger.error('dropping a timer message that is not one', { messageId: record.messageId });
        return;
      }
      try {
        const outcome = await fireTimer(message.data, record.messageId, run, {
          timers: timersRepo(),
          clock: systemClock,
        });
        if (outcome.status === 'fired')
          logger.info('timer fired', { task: outcome.task, result: outcome.result });
      } catch (error) {
        logger.error('timer task failed; it will be retried', {
          messageId: record.messageId,
          error: error instanceof Error ? error : String(error),
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures: failures };
});
