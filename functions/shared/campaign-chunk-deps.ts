/** The send function's ports for campaign chunk jobs (chunk-job-ports.ts). */
import { SQSClient } from '@aws-sdk/client-sqs';
import { campaignToSendReader } from '../../lib/campaigns/send/campaign-to-send.reader.ts';
import type { CampaignSendPorts } from '../../lib/campaigns/send/chunk-job-ports.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { sendDeps } from './email-deps.ts';
import { sendAll, sqsSendQueue } from './sqs-send-queue.ts';

export const chunkSendDeps = once((): CampaignSendPorts => {
  const { messages: _perMessage, ...send } = sendDeps();
  const sqs = new SQSClient({});
  const queue = sqsSendQueue(sqs, config('sendQueue').QUEUE_URL_SEND_EMAIL);
  return {
    campaign: campaignToSendReader(table()),
    chunks: chunksRepository(table()),
    send,
    pauseForQuota: (workspaceId, campaignId) =>
      sendAll(sqs, config('campaignWorkQueue').QUEUE_URL_CAMPAIGN_WORK, [
        { body: JSON.stringify({ work: 'quotaPause', workspaceId, campaignId }), workspaceId },
      ]),
    requeue: (job) => queue.enqueueChunks([job]),
  };
});
