/**
 * Sends one wave of one chunk of a campaign: its pending recipients in one SES call, claimed and
 * settled in the chunk item itself (chunks.repository.ts), with the send path every email takes
 * (consent and suppression checked now, rendering, SES's per-entry answers).
 *
 * - Only a `sending` campaign sends. A paused one leaves the chunk pending (its resume queues the
 *   pending chunks again); a cancelled one marks what is still pending `x`.
 * - A delivery of a chunk already sent sends nothing: its recipients are no longer pending.
 * - A recipient whose contact was erased since the snapshot is refused in the chunk like any other
 *   refusal (the send path records it through the chunk), so that the campaign can finish.
 */
import type { BatchOutcome, SendDeps, SendOptions } from '../../email/send/send-batch.ts';
import { sendRecorded } from '../../email/send/send-batch.ts';
import type { SendRequest } from '../../email/send/send-request.schema.ts';
import type { UtmParams } from '../../email/send/utm.ts';
import { campaignMessageId } from './campaign-message-id.ts';
import type { ChunkRef } from './chunk.schema.ts';
import type { ChunksRepository } from './chunks.repository.ts';

/** One queue message of the campaign send queue: a chunk and the wave to send from it. */
export interface ChunkJob extends ChunkRef {
  readonly wave: number;
}

/** What the send of a chunk needs to know of its campaign. */
export interface CampaignToSend {
  readonly status: 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled' | 'failed';
  readonly template: { readonly templateId: string; readonly version: number };
  readonly topic?: string | undefined;
  readonly utm?: UtmParams | undefined;
  readonly senderDomain?: string | undefined;
  /** When it started sending: the time part of its message ids. */
  readonly startedAt: string;
}

export interface ChunkSendDeps {
  readonly campaign: (workspaceId: string, campaignId: string) => Promise<CampaignToSend | undefined>;
  readonly chunks: Pick<ChunksRepository, 'get' | 'claims' | 'cancelPending'>;
  readonly send: Omit<SendDeps, 'messages'>;
}

export type ChunkOutcome =
  | { readonly status: 'sent'; readonly batch: BatchOutcome }
  /** Nothing to send: the campaign or chunk is gone, the wave was sent before, or the campaign is not sending. */
  | { readonly status: 'idle'; readonly why: string }
  | { readonly status: 'cancelled'; readonly recipients: number };

export const sendChunk = async (
  job: ChunkJob,
  deps: ChunkSendDeps,
  options: SendOptions,
): Promise<ChunkOutcome> => {
  const campaign = await deps.campaign(job.workspaceId, job.campaignId);
  if (!campaign) return { status: 'idle', why: 'no such campaign' };
  const chunk = await deps.chunks.get(job);
  if (!chunk) return { status: 'idle', why: 'no such chunk' };
  if (campaign.status === 'cancelled')
    return { status: 'cancelled', recipients: await deps.chunks.cancelPending(job, chunk) };
  if (campaign.status !== 'sending') return { status: 'idle', why: `the campaign is ${campaign.status}` };

  const positions = chunk.contacts.flatMap((_, i) =>
    chunk.waves[i] === job.wave && chunk.states[i] === 'p' ? [i] : [],
  );
  if (positions.length === 0) return { status: 'idle', why: 'nothing pending in this wave' };

  const launchedAt = new Date(campaign.startedAt);
  const recipients = positions.map((i) => {
    const contactId = chunk.contacts[i] ?? '';
    return { contactId, messageId: campaignMessageId(job.campaignId, launchedAt, contactId) };
  });
  const request: SendRequest = {
    workspaceId: job.workspaceId,
    kind: 'marketing',
    origin: 'campaign',
    originId: job.campaignId,
    template: campaign.template,
    ...(campaign.topic ? { topic: campaign.topic } : {}),
    ...(campaign.utm ? { utm: campaign.utm } : {}),
    ...(campaign.senderDomain ? { senderDomain: campaign.senderDomain } : {}),
    chunk: `${job.shard}-${job.page}`,
    recipients,
  };
  const indexOf = new Map(recipients.map((r, k) => [r.messageId, positions[k] ?? -1]));
  const batch = await sendRecorded(request, deps.send, deps.chunks.claims(job, indexOf), options);

  return { status: 'sent', batch };
};
