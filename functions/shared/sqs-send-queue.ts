/**
 * The send queue on SQS: SendMessageBatch of up to 10 requests. Entries SQS refuses are retried a few
 * times; what still fails throws, so the caller's request fails rather than losing a send.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SendQueue } from '../../lib/email/send/send-queue.ts';

const ATTEMPTS = 4;
const PER_CALL = 10;

export const sqsSendQueue = (client: SQSClient, queueUrl: string): SendQueue => ({
  async enqueue(requests) {
    for (let start = 0; start < requests.length; start += PER_CALL) {
      let pending = requests.slice(start, start + PER_CALL).map((request, i) => ({ id: `r${i}`, request }));
      for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        const out = await client.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: pending.map(({ id, request }) => ({ Id: id, MessageBody: JSON.stringify(request) })),
          }),
        );
        const failed = new Set((out.Failed ?? []).map((f) => f.Id));
        pending = pending.filter((p) => failed.has(p.id));
      }
      if (pending.length > 0)
        throw new Error(`SQS refused ${pending.length} send requests after ${ATTEMPTS} attempts`);
    }
  },
});
