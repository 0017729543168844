/**
 * The feedback loop's view of campaign claims (lib/email/feedback's `CampaignClaims`): SES's Send
 * event of a campaign email, by its tags, settles its recipient in the chunk it names.
 */
import type { CampaignClaims } from '../../email/feedback/apply-feedback.ts';
import type { ChunksRepository } from './chunks.repository.ts';

const CHUNK_TAG = /^(\d{1,2})-(\d{1,8})$/;

export const campaignClaims = (chunks: Pick<ChunksRepository, 'confirmSent'>): CampaignClaims => ({
  async confirmSent({ workspaceId, campaignId, chunk, contactId }) {
    const parts = CHUNK_TAG.exec(chunk);
    if (!parts) return false;
    const ref = { workspaceId, campaignId, shard: Number(parts[1]), page: Number(parts[2]) };
    return chunks.confirmSent(ref, contactId);
  },
});
