/** A campaign's progress while it sends, and its results after. */
import * as z from 'zod';
import { campaignIdSchema, campaignStatusSchema } from '../../lib/campaigns/campaign.schema.ts';
import { MAX_LINKS_LISTED } from '../../lib/email/feedback/feedback.ts';
import { errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { attributionSettingsSchema } from '../../lib/workspaces/email-settings.schema.ts';

const params = z.strictObject({ campaignId: campaignIdSchema });
const tag = 'campaigns';
const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);
const usd = z.number().min(0);

export const campaignProgressSchema = z.strictObject({
  campaignId: z.string(),
  status: campaignStatusSchema,
  audience: count.describe('recipients in the audience snapshot (grows while it is taken)'),
  queued: count.describe(
    'not sent yet: queued, waiting for their wave, or to be sent again after a throttle',
  ),
  inFlight: count.describe('handed to SES, its answer not recorded yet'),
  sent: count,
  suppressed: count.describe('not sent: unsubscribed, suppressed, no consent for the topic, no address'),
  failed: count,
  capped: count.describe("over the workspace's frequency cap"),
  cancelled: count.describe('not sent because the campaign was cancelled'),
  settled: count.describe('recipients with a final outcome: sent + suppressed + failed + capped + cancelled'),
  reasons: z
    .array(z.strictObject({ reason: z.string(), recipients: count }))
    .describe('why recipients were suppressed or failed, most frequent first'),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  pausedReason: z.string().optional(),
  failedReason: z.string().optional(),
});

export const campaignResultsSchema = z.strictObject({
  campaignId: z.string(),
  status: campaignStatusSchema,
  audience: count,
  sent: count.describe('accepted by SES'),
  delivered: count.describe(
    "sent − bounced − rejected (campaign email's SES Delivery events are not collected, to save their cost)",
  ),
  opened: count.describe('emails opened (each once)'),
  clicked: count.describe('emails with a click (each once)'),
  bounced: count.describe('permanent bounces'),
  softBounced: count.describe('emails with a transient bounce (SES retries them; not taken off delivered)'),
  complained: count,
  unsubscribed: count.describe("unsubscribed through the email's link"),
  rejected: count.describe('accepted by SES, then rejected by it or not rendered'),
  rates: z
    .strictObject({
      open: fraction.describe('opened / delivered'),
      click: fraction.describe('clicked / delivered'),
      clickToOpen: fraction.describe('clicked / opened'),
      bounce: fraction.describe('bounced / sent'),
      complaint: fraction.describe('complained / delivered'),
      unsubscribe: fraction.describe('unsubscribed / delivered'),
    })
    .describe('fractions (0.25 = 25 %), 0 when their base is 0'),
  links: z
    .array(z.strictObject({ link: z.string(), clicked: count }))
    .max(MAX_LINKS_LISTED)
    .describe('emails that clicked each link (each email once per link), most clicked first'),
  conversions: z.strictObject({
    attribution: attributionSettingsSchema.describe("the workspace's attribution settings now"),
    byCurrency: z
      .array(
        z.strictObject({
          currency: z.string(),
          conversions: count.describe('orders attributed to the campaign'),
          revenue: z.number().int().describe("their totals when placed, in the currency's minor unit"),
          refunded: z
            .number()
            .int()
            .describe('what was refunded of them since (in their currency), minor units'),
          net: z.number().int().describe('revenue − refunded, minor units'),
          decimal: z
            .strictObject({ revenue: z.string(), refunded: z.string(), net: z.string() })
            .describe('the same as exact decimal text ("19.99")'),
        }),
      )
      .describe('per currency, never summed across currencies; most revenue first'),
  }),
  cost: z
    .strictObject({
      estimate: z.literal(true),
      currency: z.literal('USD'),
      infrastructure: usd.describe('DynamoDB, SQS, Lambda and EventBridge'),
      ses: usd.describe('the SES fee of the emails sent ($0.10 per 1,000)'),
      total: usd,
      breakdown: z.strictObject({ dynamodb: usd, sqs: usd, lambda: usd, eventBridge: usd }),
      basis: z
        .strictObject({
          chunks: count,
          sesCalls: count,
          recipientsHandled: count,
          sent: count,
          feedbackEvents: count,
        })
        .describe('what it consumed, as the estimate counts it'),
    })
    .describe("the campaign's AWS cost, estimated from what it consumed at list prices (us-east-1)"),
});

export const getCampaignProgressRoute = defineRoute({
  operationId: 'getCampaignProgress',
  method: 'GET',
  path: '/v1/campaigns/{campaignId}/progress',
  scope: 'read',
  tag,
  summary:
    "Where a campaign's sending stands: its recipients queued, in flight, sent, suppressed, failed (with " +
    'the reasons), capped and cancelled, out of its audience. All zeros before it launches.',
  params,
  responses: {
    200: { description: 'the progress', schema: campaignProgressSchema },
    ...errorResponses,
    ...notFound,
  },
});

export const getCampaignResultsRoute = defineRoute({
  operationId: 'getCampaignResults',
  method: 'GET',
  path: '/v1/campaigns/{campaignId}/results',
  scope: 'read',
  tag,
  summary:
    "A campaign's results: sent, delivered, opened, clicked (per link), bounced, complained, unsubscribed, " +
    'with their rates; the storefront orders attributed to it and their revenue per currency; and its AWS ' +
    'cost, estimated from what it consumed.',
  params,
  responses: {
    200: { description: 'the results', schema: campaignResultsSchema },
    ...errorResponses,
    ...notFound,
  },
});
