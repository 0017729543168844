/** The A/B test results route of a campaign (apart from campaign.routes.ts: its own read). */
import * as z from 'zod';
import { abTestResultsSchema } from '../../lib/campaigns/ab-results.ts';
import { campaignIdSchema } from '../../lib/campaigns/campaign.schema.ts';
import { errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

export const getCampaignAbTestRoute = defineRoute({
  operationId: 'getCampaignAbTest',
  method: 'GET',
  path: '/v1/campaigns/{campaignId}/ab-test',
  scope: 'read',
  tag: 'campaigns',
  summary:
    "A campaign's A/B test: its variants with, per variant, the test-wave emails sent, opened and " +
    'clicked (each email once) and their rates per email sent; when the winner is picked, and which ' +
    'won. 404 when the campaign has no A/B test.',
  params: z.strictObject({ campaignId: campaignIdSchema }),
  responses: {
    200: { description: 'the A/B test and its results per variant', schema: abTestResultsSchema },
    ...errorResponses,
    ...notFound,
  },
});
