/**
 * The finish check of a sending campaign, a timer that comes back until the campaign is done:
 *
 * - done (every shard snapshotted, every recipient in a final state) → the campaign is `sent`;
 * - recipients left in flight (claimed or unknown) with nothing else to do: SES's Send event settles
 *   them as sent; those it has not settled after STALE_IN_FLIGHT_MS were not accepted (the event comes
 *   within seconds) and become failed, never sent again (SES has no idempotency key: sending again
 *   could send twice);
 * - recipients pending with no progress since the last check (a chunk job lost, a wave dispatched
 *   while paused) → the due waves are queued again (a chunk queued twice sends nothing twice);
 * - next check: when the remaining recipients should be done at the rate seen, between the poll's
 *   minimum and maximum; sooner would read every chunk for nothing (~5,000 read units per 1M
 *   recipients a look).
 *
 * A campaign no longer sending stops its checks: a resume starts them again.
 */

import { MEMBERSHIP_SHARDS } from '../../shared/keys.ts';
import { finishCampaign } from '../campaign-lifecycle.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import { campaignTally, isDone } from './progress.ts';
import { scheduleFinishCheck } from './start-send.ts';
import { perShard } from './work.schema.ts';

export const STALE_IN_FLIGHT_MS = 15 * 60_000;
export const SES_DID_NOT_CONFIRM = 'SES did not confirm the send';

export interface FinishCheckInput {
  readonly campaignId: string;
  /** Recipients in a final state at the last check, and when it was. */
  readonly settled?: number | undefined;
  readonly checkedAt?: string | undefined;
  /** Since when only in-flight recipients are left. */
  readonly inFlightSince?: string | undefined;
}

const failStale = async (workspaceId: string, campaignId: string, deps: PipelineDeps) => {
  let failed = 0;
  await Promise.all(
    Array.from({ length: MEMBERSHIP_SHARDS }, async (_, shard) => {
      for await (const chunk of deps.chunks.list(workspaceId, campaignId, shard))
        failed += await deps.chunks.failInFlight(
          { workspaceId, campaignId, shard, page: chunk.page },
          chunk,
          SES_DID_NOT_CONFIRM,
        );
    }),
  );
  return failed;
};

export const checkFinish = async (
  workspaceId: string,
  input: FinishCheckInput,
  deps: PipelineDeps,
): Promise<string> => {
  const { campaignId } = input;
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) return 'no such campaign';
  if (campaign.status !== 'sending') return `the campaign is ${campaign.status}: no more checks`;
  const snapshotted = (await deps.shards.doneCount(workspaceId, campaignId)) >= MEMBERSHIP_SHARDS;
  let tally = await campaignTally(deps.chunks, workspaceId, campaignId);
  const now = deps.clock.now();

  let inFlightSince: string | undefined;
  if (snapshotted && tally.pending === 0 && tally.inFlight > 0) {
    inFlightSince = input.inFlightSince ?? now.toISOString();
    if (now.getTime() - Date.parse(inFlightSince) >= STALE_IN_FLIGHT_MS) {
      await failStale(workspaceId, campaignId, deps);
      tally = await campaignTally(deps.chunks, workspaceId, campaignId);
    }
  }
  if (snapshotted && isDone(tally)) {
    await finishCampaign(workspaceId, campaignId, deps);
    return `sent: ${tally.sent} sent, ${tally.suppressed} suppressed, ${tally.failed} failed, ${tally.capped} capped`;
  }

  const settled = tally.audience - tally.pending - tally.inFlight;
  const since = input.checkedAt ? Date.parse(input.checkedAt) : undefined;
  const progressed = input.settled === undefined ? undefined : settled - input.settled;
  if (snapshotted && tally.pending > 0 && progressed === 0)
    await deps.enqueueWork(perShard('dispatch', workspaceId, campaignId));

  const { minMs, maxMs } = deps.finishPoll;
  const left = tally.pending + tally.inFlight;
  const elapsed = since === undefined ? minMs : now.getTime() - since;
  const wait =
    progressed && progressed > 0 ? (left * elapsed) / progressed : progressed === 0 ? elapsed * 2 : minMs;
  const due = new Date(now.getTime() + Math.min(maxMs, Math.max(minMs, Math.round(wait))));
  await scheduleFinishCheck(
    workspaceId,
    campaignId,
    due,
    { settled, checkedAt: now.toISOString(), ...(inFlightSince ? { inFlightSince } : {}) },
    deps,
  );
  return `${tally.pending} pending, ${tally.inFlight} in flight; next check ${due.toISOString()}`;
};
