/**
 * An A/B test's results per variant, read from the campaign's chunks (sent, per recipient's variant,
 * in the test wave) and the variants' feedback counters (opened, clicked): what the decision weighs
 * and what `GET /v1/campaigns/{id}/ab-test` shows. Reading the chunks of the test wave costs what the
 * progress tally costs for that share of the audience (a 10 % test of 1M recipients: ~500 read units).
 */
import * as z from 'zod';
import type { CountersRepository } from '../email/history/counters.repository.ts';
import { variantOriginId } from '../email/message-tags.ts';
import { NotFoundError } from '../shared/errors.ts';
import { MEMBERSHIP_SHARDS } from '../shared/keys.ts';
import { AB_TEST_WAVE } from './ab-assignment.ts';
import { addSentByVariant, type VariantFigures, variantFigures } from './ab-decision.ts';
import { type AbTest, abMetricSchema } from './ab-test.schema.ts';
import type { Campaign } from './campaign.schema.ts';
import type { CampaignsRepository } from './campaigns.repository.ts';
import type { ChunksRepository } from './send/chunks.repository.ts';

export interface AbResultsDeps {
  readonly chunks: Pick<ChunksRepository, 'list'>;
  readonly counters: Pick<CountersRepository, 'originTotals'>;
}

/** Each variant's figures in the test wave, in variant order. */
export const readVariantFigures = async (
  workspaceId: string,
  campaignId: string,
  abTest: Pick<AbTest, 'variants'>,
  deps: AbResultsDeps,
): Promise<VariantFigures[]> => {
  const [perShard, counts] = await Promise.all([
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
  ]);
  return abTest.variants.map((_, v) =>
    variantFigures(
      v,
      perShard.reduce((sum, sent) => sum + (sent[v] ?? 0), 0),
      counts[v] ?? {},
    ),
  );
};

/** When the winner is (or was to be) picked: the launch plus `decideAfterMinutes`. */
export const abDecideAt = (abTest: Pick<AbTest, 'decideAfterMinutes'>, launchedAt: Date): Date =>
  new Date(launchedAt.getTime() + abTest.decideAfterMinutes * 60_000);

const rateSchema = z.number().min(0).describe('per email sent, 0 to 1 (0 while none is sent)');

/** `GET /v1/campaigns/{campaignId}/ab-test`. */
export const abTestResultsSchema = z.strictObject({
  metric: abMetricSchema,
  testShare: z.number().int().describe('percent of the audience in the test, all variants together'),
  decideAfterMinutes: z.number().int(),
  decideAt: z
    .string()
    .optional()
    .describe('when the winner is (or was) picked: the launch + decideAfterMinutes'),
  winner: z
    .number()
    .int()
    .optional()
    .describe('the winning variant, once decided; the rest of the audience is sent it'),
  decidedAt: z.string().optional(),
  decidedBy: abMetricSchema
    .optional()
    .describe(
      'the metric the decision used (clickRate for a revenue test: revenue is not counted per variant yet)',
    ),
  variants: z.array(
    z.strictObject({
      variant: z.number().int(),
      template: z.strictObject({ templateId: z.string(), version: z.number().int().optional() }),
      subject: z.string().optional().describe("absent: the template's own subject"),
      sent: z.number().int().describe('test-wave recipients of this variant sent'),
      opened: z.number().int().describe('of those, emails opened at least once'),
      clicked: z.number().int().describe('of those, emails with at least one click'),
      openRate: rateSchema,
      clickRate: rateSchema,
    }),
  ),
});
export type AbTestResults = z.infer<typeof abTestResultsSchema>;

/** The A/B test of a campaign with its results per variant, as the API shows it. */
export const abTestResultsView = (
  campaign: Pick<Campaign, 'abTest' | 'startedAt' | 'template'>,
  figures: readonly VariantFigures[],
): AbTestResults => {
  const ab = campaign.abTest;
  if (!ab) throw new Error('a campaign without an A/B test has no A/B results');
  return {
    metric: ab.metric,
    testShare: ab.testShare,
    decideAfterMinutes: ab.decideAfterMinutes,
    ...(campaign.startedAt ? { decideAt: abDecideAt(ab, new Date(campaign.startedAt)).toISOString() } : {}),
    ...(ab.winner !== undefined ? { winner: ab.winner } : {}),
    ...(ab.decidedAt !== undefined ? { decidedAt: ab.decidedAt } : {}),
    ...(ab.decidedBy !== undefined ? { decidedBy: ab.decidedBy } : {}),
    variants: ab.variants.map((v, i) => {
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
      };
    }),
  };
};

/** A campaign's A/B test and its results; 404 when the campaign does not exist or has no test. */
export const getAbTestResults = async (
  workspaceId: string,
  campaignId: string,
  deps: AbResultsDeps & { readonly campaigns: Pick<CampaignsRepository, 'get'> },
): Promise<AbTestResults> => {
  const campaign = await deps.campaigns.get(workspaceId, campaignId);
  if (!campaign) throw new NotFoundError(`no campaign ${campaignId}`);
  if (!campaign.abTest) throw new NotFoundError(`campaign ${campaignId} has no A/B test`);
  // Before the launch nothing is sent or counted: no read of chunks or counters.
  const figures = campaign.startedAt
    ? await readVariantFigures(workspaceId, campaignId, campaign.abTest, deps)
    : campaign.abTest.variants.map((_, v) => variantFigures(v, 0, {}));
  return abTestResultsView(campaign, figures);
};
