/**
 * The send queue on SQS: SendMessageBatch of up to 10 messages (one-off send requests, campaign chunk
 * jobs). Entries SQS refuses are retried a few times; what still fails throws, so the caller's request
 * fails rather than losing a send. Each message's group is its workspace: on a fair queue, SQS keeps a
 * workspace with a big backlog from delaying the others.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { chunkJobMessage } from '../../lib/campaigns/send/chunk-job.schema.ts';
import type { ChunkJob } from '../../lib/campaigns/send/send-chunk.ts';
import type { SendQueue } from '../../lib/email/send/send-queue.ts';

const ATTEMPTS = 4;
const PER_CALL = 10;

export interface Outgoing {
  readonly body: string;
  readonly workspaceId: string;
}

/** Send messages in batches of 10, each in its workspace's group; throws what SQS still refuses. */
export const sendAll = async (client: SQSClient, queueUrl: string, messages: readonly Outgoing[]) => {
  for (let start = 0; start < messages.length; start += PER_CALL) {
    let pending = messages.slice(start, start + PER_CALL).map((m, i) => ({ id: `m${i}`, ...m }));
    for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const out = await client.send(
        new SendMessageBatchCommand({
          QueueUrl: queueUrl,
          Entries: pending.map(({ id, body, workspaceId }) => ({
            Id: id,
            MessageBody: body,
            MessageGroupId: workspaceId,
          })),
        }),
      );
      const failed = new Set((out.Failed ?? []).map((f) => f.Id));
      pending = pending.filter((p) => failed.has(p.id));
    }
    if (pending.length > 0)
      throw new Error(`SQS refused ${pending.length} send messages after ${ATTEMPTS} attempts`);
  }
};

export const sqsSendQueue = (
  client: SQSClient,
  queueUrl: string,
): SendQueue & { enqueueChunks(jobs: readonly ChunkJob[]): Promise<void> } => ({
  enqueue: (requests) =>
    sendAll(
      client,
      queueUrl,
      requests.map((r) => ({ body: JSON.stringify(r), workspaceId: r.workspaceId })),
    ),
  enqueueChunks: (jobs) =>
    sendAll(
      client,
      queueUrl,
      jobs.map((j) => ({ body: JSON.stringify(chunkJobMessage(j)), workspaceId: j.workspaceId })),
    ),
});
