/**
 * Where a campaign's sending stands, as the progress API and `ecrm campaign watch` show it: its
 * recipients by outcome, counted from its chunks (`campaignTally`), and its status. A campaign that
 * never launched has no chunks: it is all zeros, read without touching the table beyond the campaign.
 * Nothing of the storage shows (no chunk keys, no state letters).
 */
import { NotFoundError } from '../../shared/errors.ts';
import type { Campaign, CampaignStatus } from '../campaign.schema.ts';
import type { CampaignsRepository } from '../campaigns.repository.ts';
import type { ChunksRepository } from '../send/chunks.repository.ts';
import { type CampaignTally, campaignTally, emptyTally } from '../send/progress.ts';

/** The statuses a campaign can be in without having launched (no snapshot yet). */
const NOT_LAUNCHED: ReadonlySet<CampaignStatus> = new Set(['draft', 'scheduled']);

/** The statuses nothing follows from: the watch stops on them. */
export const FINAL_STATUSES: ReadonlySet<CampaignStatus> = new Set(['sent', 'cancelled', 'failed']);

export interface ReasonCount {
  readonly reason: string;
  readonly recipients: number;
}

export interface CampaignProgress {
  readonly campaignId: string;
  readonly status: CampaignStatus;
  /** Recipients in the audience snapshot (grows while the snapshot is taken). */
  readonly audience: number;
  /** Not sent yet: waiting in the queue, for their wave, or to be sent again after a throttle. */
  readonly queued: number;
  /** Handed to SES, its answer not recorded yet. */
  readonly inFlight: number;
  readonly sent: number;
  /** Not sent: unsubscribed, suppressed, without consent for the topic, or without an address. */
  readonly suppressed: number;
  readonly failed: number;
  /** Over the workspace's frequency cap. */
  readonly capped: number;
  /** Not sent because the campaign was cancelled. */
  readonly cancelled: number;
  /** Recipients with a final outcome (sent, suppressed, failed, capped or cancelled). */
  readonly settled: number;
  /** Why recipients were suppressed or failed, most frequent first. */
  readonly reasons: readonly ReasonCount[];
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly pausedReason?: string;
  readonly failedReason?: string;
}

/** Code-point order: the same in every locale. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The progress view of a campaign and its tally; pure. */
export const progressOf = (campaign: Campaign, tally: CampaignTally): CampaignProgress => ({
  campaignId: campaign.id,
  status: campaign.status,
  audience: tally.audience,
  queued: tally.pending,
  inFlight: tally.inFlight,
  sent: tally.sent,
  suppressed: tally.suppressed,
  failed: tally.failed,
  capped: tally.capped,
  cancelled: tally.cancelled,
  settled: tally.sent + tally.suppressed + tally.failed + tally.capped + tally.cancelled,
  reasons: Object.entries(tally.reasons)
    .map(([reason, recipients]) => ({ reason, recipients }))
    .sort((a, b) => b.recipients - a.recipients || byText(a.reason, b.reason)),
  ...(campaign.startedAt !== undefined ? { startedAt: campaign.startedAt } : {}),
  ...(campaign.finishedAt !== undefined ? { finishedAt: campaign.finishedAt } : {}),
  ...(campaign.pausedReason !== undefined ? { pausedReason: campaign.pausedReason } : {}),
  ...(campaign.failedReason !== undefined ? { failedReason: campaign.failedReason } : {}),
});

export interface ProgressDeps {
  readonly campaigns: Pick<CampaignsRepository, 'get'>;
  readonly chunks: Pick<ChunksRepository, 'list'>;
}

/** The campaign and its tally (zeros when it has not launched). */
export const readCampaignTally = async (
  workspaceId: string,
  campaignId: string,
  deps: ProgressDeps,
): Promise<{ campaign: Campaign; tally: CampaignTally }> => {
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) throw new NotFoundError(`no campaign ${campaignId}`);
  const tally = NOT_LAUNCHED.has(campaign.status)
    ? emptyTally()
    : await campaignTally(deps.chunks, workspaceId, campaignId);
  return { campaign, tally };
};

/**
 * @throws NotFoundError when the workspace has no such campaign.
 */
export const readCampaignProgress = async (
  workspaceId: string,
  campaignId: string,
  deps: ProgressDeps,
): Promise<CampaignProgress> => {
  const { campaign, tally } = await readCampaignTally(workspaceId, campaignId, deps);
  return progressOf(campaign, tally);
};
