/** The feedback loop's routes: a workspace's sending status (pause, rates) and an origin's email counts. */
import * as z from 'zod';
import { FEEDBACK_KINDS, MAX_LINKS_LISTED } from '../../lib/email/feedback/feedback.ts';
import { originSchema } from '../../lib/email/message-tags.ts';
import { errorResponses } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

const sendingStatusView = z.strictObject({
  status: z
    .enum(['active', 'paused'])
    .describe('whether marketing email may be sent; transactional always may'),
  reason: z.string().optional().describe('why marketing is paused'),
  by: z.enum(['rates', 'operator']).optional(),
  pausedAt: z.string().optional(),
  resumedAt: z.string().optional().describe('last resume by hand: the rates count from that hour'),
  window: z.strictObject({ from: z.string(), hours: z.number().int() }),
  rates: z.strictObject({
    volume: z.number().int().describe('delivered + hard-bounced messages in the window'),
    delivered: z.number().int(),
    bounced: z.number().int(),
    complained: z.number().int(),
    bounceRate: z.number(),
    complaintRate: z.number(),
  }),
  thresholds: z.strictObject({
    minimumVolume: z.number().int(),
    bounceRate: z.number().describe('marketing pauses at this bounce rate (SES reviews at 0.05)'),
    complaintRate: z.number().describe('marketing pauses at this complaint rate (SES reviews at 0.001)'),
  }),
});

export const getSendingStatusRoute = defineRoute({
  operationId: 'getSendingStatus',
  method: 'GET',
  path: '/v1/workspace/sending',
  scope: 'read',
  tag: 'email',
  summary:
    "Whether the workspace's marketing email is paused and why, with its rolling bounce and complaint rates.",
  responses: { 200: { description: 'the sending status', schema: sendingStatusView }, ...errorResponses },
});

export const resumeSendingRoute = defineRoute({
  operationId: 'resumeSending',
  method: 'POST',
  path: '/v1/workspace/sending/resume',
  scope: 'admin',
  tag: 'email',
  summary:
    'Resume marketing email after a pause (fix the list first); the rates count afresh from now. Idempotent.',
  responses: { 200: { description: 'the sending status', schema: sendingStatusView }, ...errorResponses },
});

export const emailStatsRoute = defineRoute({
  operationId: 'getEmailStats',
  method: 'GET',
  path: '/v1/email-stats/{origin}/{originId}',
  scope: 'read',
  tag: 'email',
  summary:
    'Outcomes of the emails of one origin (a campaign, a journey step `<journeyId>-<stepId>`...), each counted once per message, ' +
    'and the links clicked (messages per link, each once), most clicked first.',
  params: z.strictObject({
    origin: originSchema,
    originId: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'an origin id is A-Z a-z 0-9 _ - only'),
  }),
  responses: {
    200: {
      description: 'the counts',
      schema: z.strictObject({
        origin: originSchema,
        originId: z.string(),
        counts: z.strictObject(
          Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, z.number().int()])) as Record<
            (typeof FEEDBACK_KINDS)[number],
            z.ZodNumber
          >,
        ),
        links: z.array(z.strictObject({ link: z.string(), clicked: z.number().int() })).max(MAX_LINKS_LISTED),
      }),
    },
    ...errorResponses,
  },
});
