/**
 * The timer queue on SQS: SendMessageBatch of up to 10, each message delayed to its due second.
 * Entries SQS refuses are retried a few times; what still fails throws, so the drain is retried.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { QueuedTimer, TimerQueue } from '../../lib/timers/timer-queue.ts';

const ATTEMPTS = 4;

export const sqsTimerQueue = (client: SQSClient, queueUrl: string): TimerQueue => ({
  async send(messages) {
    let pending: { id: string; queued: QueuedTimer }[] = messages.map((queued, i) => ({
      id: `m${i}`,
      queued,
    }));
    for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: pending.map(({ id, queued }) => ({
            Id: id,
            MessageBody: JSON.stringify(queued.message),
            DelaySeconds: queued.delaySeconds,
          })),
        }),
      );
      const failed = new Set((out.Failed ?? []).map((f) => f.Id));
      pending = pending.filter((p) => failed.has(p.id));
    }
    if (pending.length > 0)
      throw new Error(`SQS refused ${pending.length} timer messages after ${ATTEMPTS} attempts`);
  },
});
