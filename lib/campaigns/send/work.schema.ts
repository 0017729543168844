/**
 * The campaign work queue's messages: the steps of a campaign's send that are too long for the
 * function that decides them (a shard's audience snapshot, queuing a wave's chunks, a cancel's
 * sweep), one shard each so the 16 shards run in parallel. The queue is also fed, by a rule on the
 * bus, with the campaign events that start them (`campaign.launched`, `.resumed`, `.cancelled`).
 */
import * as z from 'zod';
import { MEMBERSHIP_SHARDS } from '../../shared/keys.ts';

const workspaceId = z.string().regex(/^ws_[a-z0-9_]{3,40}$/, 'not a workspace id');
const campaignId = z.string().regex(/^cmp_[0-9a-z]{1,40}$/, 'not a campaign id');
const shard = z
  .number()
  .int()
  .min(0)
  .max(MEMBERSHIP_SHARDS - 1);

export const campaignWorkSchema = z.discriminatedUnion('work', [
  /** Write (or go on writing) the shard's chunks; queue each one whose wave is due. */
  z.strictObject({ work: z.literal('snapshot'), workspaceId, campaignId, shard }),
  /** Queue the shard's chunks with something pending in `wave`, or in every due wave when absent. */
  z.strictObject({
    work: z.literal('dispatch'),
    workspaceId,
    campaignId,
    shard,
    wave: z.number().int().min(0).optional(),
  }),
  /** A cancelled campaign: what is still pending in the shard becomes cancelled. */
  z.strictObject({ work: z.literal('sweep'), workspaceId, campaignId, shard }),
]);
export type CampaignWork = z.infer<typeof campaignWorkSchema>;

/** One message per shard. */
export const perShard = <W extends CampaignWork['work']>(
  work: W,
  workspaceId: string,
  campaignId: string,
): { work: W; workspaceId: string; campaignId: string; shard: number }[] =>
  Array.from({ length: MEMBERSHIP_SHARDS }, (_, s) => ({ work, workspaceId, campaignId, shard: s }));
