/** The send function's ports for campaign chunk jobs (chunk-job-ports.ts). */
import { SQSClient } from '@aws-sdk/client-sqs';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import type { CampaignSendPorts } from '../../lib/campaigns/send/chunk-job-ports.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import type { CampaignToSend } from '../../lib/campaigns/send/send-chunk.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { sendDeps } from './email-deps.ts';
import { sqsSendQueue } from './sqs-send-queue.ts';
import { timers } from './timer-deps.ts';

export const chunkSendDeps = once((): CampaignSendPorts => {
  const campaigns = campaignsRepository(table());
  const { messages: _perMessage, ...send } = sendDeps();
  const queue = sqsSendQueue(new SQSClient({}), config('sendQueue').QUEUE_URL_SEND_EMAIL);
  return {
    campaign: async (workspaceId, campaignId): Promise<CampaignToSend | undefined> => {
      const c = await campaigns.get(workspaceId, campaignId);
      // A campaign that left draft has its template version pinned and its start time.
      const version = c?.template.version;
      if (!c?.startedAt || version === undefined) return undefined;
      return {
        status: c.status,
        template: { templateId: c.template.templateId, version },
        topic: c.topic,
        utm: c.utm,
        senderDomain: c.senderDomain,
        startedAt: c.startedAt,
      };
    },
    chunks: chunksRepository(table()),
    send,
    quota: { campaigns, clock: systemClock, timers: timers() },
    requeue: (job) => queue.enqueueChunks([job]),
  };
});
