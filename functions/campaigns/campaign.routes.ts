/** The campaigns API's contracts. */
import * as z from 'zod';
import {
  campaignIdSchema,
  campaignListQuery,
  campaignViewSchema,
  createCampaignBody,
  scheduleCampaignBody,
  updateCampaignBody,
} from '../../lib/campaigns/campaign.schema.ts';
import { errorBodySchema, errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

const params = z.strictObject({ campaignId: campaignIdSchema });
const tag = 'campaigns';
interface Conflict {
  readonly 409: { readonly description: string; readonly schema: typeof errorBodySchema };
}
const notNow: Conflict = {
  409: {
    description: "not allowed in the campaign's status (the message names it), or it changed meanwhile",
    schema: errorBodySchema,
  },
};
const idempotent: Conflict = {
  409: {
    description: "not allowed in the campaign's status, or the Idempotency-Key was used with another request",
    schema: errorBodySchema,
  },
};
const IDEMPOTENCY =
  ' With an `Idempotency-Key` header (8-128 printable characters), the same request within 24 h, ' +
  'retried or sent in parallel by another client, is carried out once and answered the same ' +
  '(`Idempotent-Replayed: true` on the replays); the key with another request is a 409.';

export const createCampaignRoute = defineRoute({
  operationId: 'createCampaign',
  method: 'POST',
  path: '/v1/campaigns',
  scope: 'write',
  tag,
  summary:
    'Create a draft campaign: a marketing template (version pinned, or the latest when scheduled or ' +
    'started), an audience (segments included and excluded, or a condition), optionally a topic, UTM ' +
    'parameters and a sender domain. Every reference is checked.' +
    IDEMPOTENCY,
  body: createCampaignBody,
  responses: {
    201: { description: 'the draft campaign', schema: campaignViewSchema },
    ...errorResponses,
    ...idempotent,
  },
});

export const listCampaignsRoute = defineRoute({
  operationId: 'listCampaigns',
  method: 'GET',
  path: '/v1/campaigns',
  scope: 'read',
  tag,
  summary: "The workspace's campaigns, newest first, optionally of one status; paginated by `next`.",
  query: campaignListQuery,
  responses: {
    200: {
      description: 'a page of campaigns; `next` is the cursor of the following page',
      schema: z.strictObject({ campaigns: z.array(campaignViewSchema), next: z.string().optional() }),
    },
    ...errorResponses,
  },
});

export const getCampaignRoute = defineRoute({
  operationId: 'getCampaign',
  method: 'GET',
  path: '/v1/campaigns/{campaignId}',
  scope: 'read',
  tag,
  summary:
    'A campaign: its content, audience, status and schedule; with an A/B test once launched, when the ' +
    "winner is picked and each variant's test-wave emails sent, opened and clicked (each once) with their rates.",
  params,
  responses: {
    200: { description: 'the campaign', schema: campaignViewSchema },
    ...errorResponses,
    ...notFound,
  },
});

export const updateCampaignRoute = defineRoute({
  operationId: 'updateCampaign',
  method: 'PATCH',
  path: '/v1/campaigns/{campaignId}',
  scope: 'write',
  tag,
  summary:
    'Change a draft or scheduled campaign (name, template, audience, topic, UTM, sender domain; `null` ' +
    'removes an optional one). A scheduled campaign keeps its time.',
  params,
  body: updateCampaignBody,
  responses: {
    200: { description: 'the campaign', schema: campaignViewSchema },
    ...errorResponses,
    ...notFound,
    ...notNow,
  },
});

export const deleteCampaignRoute = defineRoute({
  operationId: 'deleteCampaign',
  method: 'DELETE',
  path: '/v1/campaigns/{campaignId}',
  scope: 'write',
  tag,
  summary: 'Delete a draft campaign (unschedule a scheduled one first; a started one can only be cancelled).',
  params,
  responses: {
    204: { description: 'deleted' },
    ...errorResponses,
    ...notFound,
    ...notNow,
  },
});

export const scheduleCampaignRoute = defineRoute({
  operationId: 'scheduleCampaign',
  method: 'POST',
  path: '/v1/campaigns/{campaignId}/schedule',
  scope: 'write',
  tag,
  summary:
    'Schedule a draft, or reschedule a scheduled campaign: `{"type":"at","at":"2026-12-01T09:00",' +
    '"timeZone":"Europe/Paris"}` (DST gaps move forward, overlaps take the first), or ' +
    '`{"type":"recipientLocal","date":"2026-12-01","time":"09:00"}` (each recipient\'s own zone; `sendAt` is ' +
    'when the first zone, UTC+14, gets there). The time must be in the future. The references are ' +
    'checked again and the template version pinned.',
  params,
  body: scheduleCampaignBody,
  responses: {
    200: { description: 'the scheduled campaign, with `sendAt`', schema: campaignViewSchema },
    ...errorResponses,
    ...notFound,
    ...notNow,
  },
});

const action = (operationId: string, verb: string, summary: string, description: string, conflict = notNow) =>
  defineRoute({
    operationId,
    method: 'POST',
    path: `/v1/campaigns/{campaignId}/${verb}`,
    scope: 'write',
    tag,
    summary,
    params,
    responses: {
      200: { description, schema: campaignViewSchema },
      ...errorResponses,
      ...notFound,
      ...conflict,
    },
  });

export const unscheduleCampaignRoute = action(
  'unscheduleCampaign',
  'unschedule',
  'Take a scheduled campaign back to draft (its send time is dropped).',
  'the draft campaign',
);

export const startCampaignRoute = action(
  'startCampaign',
  'start',
  'Start sending a draft or scheduled campaign now (references checked, template version pinned).' +
    IDEMPOTENCY,
  'the sending campaign',
  idempotent,
);

export const pauseCampaignRoute = action(
  'pauseCampaign',
  'pause',
  'Pause a sending campaign: nothing more is sent until it is resumed.',
  'the paused campaign',
);

export const resumeCampaignRoute = action(
  'resumeCampaign',
  'resume',
  'Resume a paused campaign: it continues exactly where it stopped.',
  'the sending campaign',
);

export const cancelCampaignRoute = action(
  'cancelCampaign',
  'cancel',
  'Cancel a scheduled, sending or paused campaign: nothing more is sent. Final.',
  'the cancelled campaign',
);
