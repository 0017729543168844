/**
 * Dependencies of a campaign's send pipeline: the work queue's function (snapshot, dispatch, sweep),
 * the timers it sets (waves, finish check, daily-quota recheck), and the send function's chunk jobs.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { campaignsRepository } from '../../lib/campaigns/campaigns.repository.ts';
import { chunksRepository } from '../../lib/campaigns/send/chunks.repository.ts';
import { DEFAULT_FINISH_POLL, type PipelineDeps } from '../../lib/campaigns/send/pipeline-deps.ts';
import { snapshotShardsRepository } from '../../lib/campaigns/send/snapshot-shards.repository.ts';
import { contactsRepository } from '../../lib/contacts/contacts.repository.ts';
import { sesAccountQuota } from '../../lib/email/send/ses-account.ts';
import { timelineRepository } from '../../lib/events/timeline.repository.ts';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { SesClient } from '../../lib/shared/aws/sesv2.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { workspacesRepository } from '../../lib/workspaces/workspaces.repository.ts';
import { awsEndpoint } from './aws-endpoint.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { sendAll, sqsSendQueue } from './sqs-send-queue.ts';
import { timers } from './timer-deps.ts';

const sqs = once(() => new SQSClient({}));

export const pipelineDeps = once((): PipelineDeps => {
  const t = table();
  const workspaces = workspacesRepository(t);
  const poll = config('campaignFinish').CAMPAIGN_FINISH_POLL_SECONDS * 1000;
  return {
    campaigns: campaignsRepository(t),
    chunks: chunksRepository(t),
    shards: snapshotShardsRepository(t),
    segments: segmentsRepository(t),
    contacts: contactsRepository(t),
    timeline: timelineRepository(t),
    defaultTimeZone: async (workspaceId) =>
      (await workspaces.get(workspaceId))?.settings.email?.defaultTimeZone ?? 'UTC',
    timers: timers(),
    clock: systemClock,
    enqueueWork: (work) =>
      sendAll(
        sqs(),
        config('campaignWorkQueue').QUEUE_URL_CAMPAIGN_WORK,
        work.map((w) => ({ body: JSON.stringify(w), workspaceId: w.workspaceId })),
      ),
    enqueueChunks: (jobs) =>
      sqsSendQueue(sqs(), config('sendQueue').QUEUE_URL_SEND_EMAIL).enqueueChunks(jobs),
    finishPoll: { ...DEFAULT_FINISH_POLL, firstMs: poll, minMs: poll },
  };
});

/** The timer tasks also ask SES for the account's quota (the daily-quota recheck). */
export const campaignSendDeps = once(() => ({
  ...pipelineDeps(),
  readAccount: sesAccountQuota(new SesClient(awsEndpoint('ses', 'SESV2', 'email'), { maxAttempts: 3 })),
}));
