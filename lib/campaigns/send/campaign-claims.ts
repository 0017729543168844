/**
 * The feedback loop's view of campaign claims (lib/email/feedback's `CampaignClaims`): SES's Send
 * event of a campaign email, by its tags, settles its recipient in the chunk it names; the Send event
 * of a call's witness (its last entry, the only Send event of campaign mail the feedback rule lets
 * through) settles every recipient of the chunk still in flight: SES took their call. (SES refuses a
 * bulk entry alone only for its rate or quota, which stop an entry and all that follow it: the last
 * one taken means the earlier ones were.)
 */
import type { CampaignClaims } from '../../email/feedback/apply-feedback.ts';
import type { ChunksRepository } from './chunks.repository.ts';

const CHUNK_TAG = /^(\d{1,2})-(\d{1,8})(-w)?$/;

export const campaignClaims = (
  chunks: Pick<ChunksRepository, 'confirmSent' | 'confirmCall'>,
): CampaignClaims => ({
  async confirmSent({ workspaceId, campaignId, chunk, contactId }) {
    const parts = CHUNK_TAG.exec(chunk);
    if (!parts) return false;
    const ref = { workspaceId, campaignId, shard: Number(parts[1]), page: Number(parts[2]) };
    return parts[3] ? (await chunks.confirmCall(ref)) > 0 : chunks.confirmSent(ref, contactId);
  },
});
