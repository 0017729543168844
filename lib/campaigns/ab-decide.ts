/**
 * The A/B decision: `decideAfterMinutes` after the launch, a `campaign-ab-decide` timer reads each
 * variant's results (ab-results.ts), picks the winner (ab-decision.ts), records it on the campaign
 * once (a conditional write: two deliveries, or two racing timers, decide once and agree), then sets
 * the `campaign-wave` timer of the rest's wave (1), due at once, which sends the rest the winner.
 *
 * The wave timer is set on every run that finds the test decided, the deciding one included, under
 * one id and due at the decision's time: a run that died between the write and the timer leaves the
 * redelivery to set it; when it is still pending the set changes nothing, and a wave dispatched twice
 * sends nobody twice (its chunks' recipients are claimed).
 */
import type { Clock } from '../shared/clock.ts';
import type { Timers } from '../timers/timers.ts';
import { AB_REST_WAVE } from './ab-assignment.ts';
import { pickWinner } from './ab-decision.ts';
import { type AbResultsDeps, abDecideAt, readVariantFigures } from './ab-results.ts';
import type { Campaign, CampaignStatus } from './campaign.schema.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import { waveTimerId } from './send/timer-ids.ts';

export const AB_DECIDE_TASK = 'campaign-ab-decide';
export const WAVE_TASK = 'campaign-wave';

/** A launched campaign decides its test while it sends, is paused, or has sent everything it could. */
const DECIDING: readonly CampaignStatus[] = ['sending', 'paused', 'sent'];

export interface AbDecideDeps extends AbResultsDeps {
  readonly campaigns: Pick<CampaignsRepository, 'get' | 'setAbWinner'>;
  readonly timers: Pick<Timers, 'set'>;
  readonly clock: Clock;
}

/**
 * The decision timer of a campaign launched at `launchedAt`, or undefined when it has no A/B test:
 * what the launch sets (`timers.set(ws, t.task, t.timerId, t.due, t.input)`).
 */
export const abDecideTimer = (campaign: Pick<Campaign, 'id' | 'abTest'>, launchedAt: Date) =>
  campaign.abTest
    ? {
        task: AB_DECIDE_TASK,
        timerId: campaign.id,
        due: abDecideAt(campaign.abTest, launchedAt),
        input: { campaignId: campaign.id },
      }
    : undefined;

const sendTheRest = async (
  workspaceId: string,
  campaignId: string,
  decidedAt: string,
  deps: AbDecideDeps,
) => {
  await deps.timers.set(workspaceId, WAVE_TASK, waveTimerId(campaignId, AB_REST_WAVE), new Date(decidedAt), {
    campaignId,
    wave: AB_REST_WAVE,
  });
};

/** The `campaign-ab-decide` task; returns what it did, for the log. */
export const decideAbTest = async (
  workspaceId: string,
  input: { readonly campaignId: string },
  deps: AbDecideDeps,
): Promise<string> => {
  const { campaignId } = input;
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) return `campaign ${campaignId} is gone`;
  const ab = campaign.abTest;
  if (!ab) return `campaign ${campaignId} has no A/B test`;
  if (ab.winner === undefined) {
    if (!DECIDING.includes(campaign.status)) return `not decided: the campaign is ${campaign.status}`;
    const figures = await readVariantFigures(workspaceId, campaignId, ab, deps);
    const { winner, by, values, currency } = pickWinner(figures, ab.metric);
    const decidedAt = deps.clock.now().toISOString();
    if (
      await deps.campaigns.setAbWinner(
        workspaceId,
        campaignId,
        { winner, decidedAt, decidedBy: by },
        DECIDING,
      )
    ) {
      await sendTheRest(workspaceId, campaignId, decidedAt, deps);
      const shown = figures
        .map((f, i) => `${f.variant}: ${(values[i] ?? 0).toFixed(4)} of ${f.sent}`)
        .join(', ');
      return `variant ${winner} won by ${by}${currency ? ` in ${currency}` : ''} (${shown})`;
    }
    // Lost to another decision, or the campaign moved on meanwhile: what is stored now says what to do.
    const now = (await deps.campaigns.get(workspaceId, campaignId))?.abTest;
    if (now?.winner === undefined || now.decidedAt === undefined)
      return 'not decided: the campaign changed meanwhile';
    await sendTheRest(workspaceId, campaignId, now.decidedAt, deps);
    return `decided before: variant ${now.winner}`;
  }
  if (ab.decidedAt !== undefined) await sendTheRest(workspaceId, campaignId, ab.decidedAt, deps);
  return `decided before: variant ${ab.winner}`;
};
