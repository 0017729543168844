/**
 * An A/B test's results per variant, read from the campaign's chunks (sent, per recipient's variant,
 * in the test wave), the variants' feedback counters (opened, clicked) and the campaign's
 * conversions (revenue attributed through each variant's emails): what the decision weighs
 * and what `GET /v1/campaigns/{id}` shows. Reading the chunks of the test wave costs what the
 * progress tally costs for that share of the audience (a 10 % test of 1M recipients: ~500 read units).
 */
import type { CountersRepository } from '../email/history/counters.repository.ts';
import { variantOriginId } from '../email/message-tags.ts';
import { NotFoundError } from '../shared/errors.ts';
import { MEMBERSHIP_SHARDS } from '../shared/keys.ts';
import { AB_TEST_WAVE } from './ab-assignment.ts';
import { addSentByVariant, type VariantFigures, variantFigures } from './ab-decision.ts';
import type { AbTest, AbVariantResult } from './ab-test.schema.ts';
import { type Campaign, type CampaignView, campaignView } from './campaign.schema.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import type { ConversionsRepository } from './results/conversions.repository.ts';
import type { ChunksRepository } from './send/chunks.repository.ts';

export interface AbResultsDeps {
  readonly chunks: Pick<ChunksRepository, 'list'>;
  readonly counters: Pick<CountersRepository, 'originTotals'>;
  readonly conversions: Pick<ConversionsRepository, 'revenueByVariant'>;
}

/** Each variant's figures in the test wave, in variant order. */
export const readVariantFigures = async (
  workspaceId: string,
  campaignId: string,
  abTest: Pick<AbTest, 'variants'>,
  deps: AbResultsDeps,
): Promise<VariantFigures[]> => {
  const [perShard, counts, revenue] = await Promise.all([
    Promise.all(
      Array.from({ length: MEMBERSHIP_SHARDS }, async (_, shard) => {
        let sent: number[] = [];
        for await (const chunk of deps.chunks.list(workspaceId, campaignId, shard, AB_TEST_WAVE))
          sent = addSentByVariant(sent, chunk, AB_TEST_WAVE);
        return sent;
      }),
    ),
    Promise.all(
      abTest.variants.map((_, v) =>
        deps.counters.originTotals(workspaceId, 'campaign', variantOriginId(campaignId, v)),
      ),
    ),
    deps.conversions.revenueByVariant(workspaceId, campaignId),
  ]);
  return abTest.variants.map((_, v) =>
    variantFigures(
      v,
      perShard.reduce((sum, sent) => sum + (sent[v] ?? 0), 0),
      counts[v] ?? {},
      revenue.byVariant.get(v) ?? [],
    ),
  );
};

/** When the winner is (or was to be) picked: the launch plus `decideAfterMinutes`. */
export const abDecideAt = (abTest: Pick<AbTest, 'decideAfterMinutes'>, launchedAt: Date): Date =>
  new Date(launchedAt.getTime() + abTest.decideAfterMinutes * 60_000);

/** Each variant's results as the API shows them (`figures` in variant order). */
export const abVariantResults = (
  campaign: Pick<Campaign, 'abTest' | 'template'>,
  figures: readonly VariantFigures[],
): AbVariantResult[] =>
  (campaign.abTest?.variants ?? []).map((v, i) => {
    const f = figures[i] ?? variantFigures(i, 0, {});
    return {
      variant: i,
      template: v.template ?? campaign.template,
      ...(v.subject !== undefined ? { subject: v.subject } : {}),
      sent: f.sent,
      opened: f.opened,
      clicked: f.clicked,
      openRate: f.openRate,
      clickRate: f.clickRate,
      revenue: f.revenue.map((r) => ({ ...r })),
    };
  });

/**
 * One campaign as `GET /v1/campaigns/{id}` shows it: with an A/B test that was launched, its
 * `decideAt` and its results per variant (the chunks of the test wave and the variants' counters
 * read; nothing more for a campaign without a test).
 */
export const campaignWithAbResults = async (
  workspaceId: string,
  campaignId: string,
  deps: AbResultsDeps & { readonly campaigns: Pick<CampaignsRepository, 'get'> },
): Promise<CampaignView> => {
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) throw new NotFoundError(`no campaign ${campaignId}`);
  const view = campaignView(campaign);
  const ab = campaign.abTest;
  if (!ab || !view.abTest || !campaign.startedAt) return view;
  const figures = await readVariantFigures(workspaceId, campaignId, ab, deps);
  return {
    ...view,
    abTest: {
      ...view.abTest,
      decideAt: abDecideAt(ab, new Date(campaign.startedAt)).toISOString(),
      results: abVariantResults(campaign, figures),
    },
  };
};
