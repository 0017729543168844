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
 * - A campaign with an A/B test sends one request per variant in its test wave, and its other wave
 *   only once the winner is known (variant-groups.ts); until then that wave stays pending.
 */
import type { BatchOutcome, SendDeps, SendOptions } from '../../email/send/send-batch.ts';
import { sendRecorded } from '../../email/send/send-batch.ts';
import type { SendRequest } from '../../email/send/send-request.schema.ts';
import type { UtmParams } from '../../email/send/utm.ts';
import type { AbTestToSend } from '../ab-test.ts';
import { campaignMessageId } from './campaign-message-id.ts';
import type { ChunkRef } from './chunk.schema.ts';
import type { ChunksRepository } from './chunks.repository.ts';
import { variantGroups } from './variant-groups.ts';

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
  /** Its A/B test, when it has one (`abTestToSend` of lib/campaigns/ab-test.ts). */
  readonly abTest?: AbTestToSend | undefined;
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

  const plan = variantGroups(positions, job.wave, chunk.variants, campaign.template, campaign.abTest);
  if ('waiting' in plan) return { status: 'idle', why: plan.waiting };

  const launchedAt = new Date(campaign.startedAt);
  const batches: BatchOutcome[] = [];
  for (const group of plan.groups) {
    const recipients = group.positions.map((i) => {
      const contactId = chunk.contacts[i] ?? '';
      return { contactId, messageId: campaignMessageId(job.campaignId, launchedAt, contactId) };
    });
    const request: SendRequest = {
      workspaceId: job.workspaceId,
      kind: 'marketing',
      origin: 'campaign',
      originId: job.campaignId,
      template: group.template,
      ...(campaign.topic ? { topic: campaign.topic } : {}),
      ...(campaign.utm ? { utm: campaign.utm } : {}),
      ...(campaign.senderDomain ? { senderDomain: campaign.senderDomain } : {}),
      ...(group.subject !== undefined ? { subject: group.subject } : {}),
      ...(group.variant !== undefined ? { variant: group.variant } : {}),
      chunk: `${job.shard}-${job.page}`,
      recipients,
    };
    const indexOf = new Map(recipients.map((r, k) => [r.messageId, group.positions[k] ?? -1]));
    batches.push(await sendRecorded(request, deps.send, deps.chunks.claims(job, indexOf), options));
  }

  return { status: 'sent', batch: mergeBatches(batches) };
};

/** One outcome for the requests of one chunk's wave (one per A/B variant). */
const mergeBatches = (batches: readonly BatchOutcome[]): BatchOutcome => {
  const halted = batches.find((b) => b.halted !== undefined)?.halted;
  return {
    recipients: Object.assign({}, ...batches.map((b) => b.recipients)),
    retry: batches.some((b) => b.retry),
    ...(halted !== undefined ? { halted } : {}),
    ...(batches.some((b) => b.dailyQuota) ? { dailyQuota: true } : {}),
  };
};
