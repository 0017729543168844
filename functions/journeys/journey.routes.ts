/** The journeys API's contracts. */
import * as z from 'zod';
import { dryRunBody } from '../../lib/journeys/dry-run-journey.ts';
import {
  journeyIdSchema,
  journeyListQuery,
  journeySummarySchema,
  journeyViewSchema,
} from '../../lib/journeys/journey.schema.ts';
import { journeyDefinitionSchema } from '../../lib/journeys/journey-definition.schema.ts';
import { journeyReportSchema } from '../../lib/journeys/journey-report.ts';
import { readyMadeOptionsBody } from '../../lib/journeys/ready-made/options.ts';
import { readyMadeCatalogueSchema } from '../../lib/journeys/ready-made/ready-made-catalogue.ts';
import { errorBodySchema, errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

const params = z.strictObject({ journeyId: journeyIdSchema });
const tag = 'journeys';
const notNow = {
  409: {
    description: "not allowed in the journey's status (the message names it), or it changed meanwhile",
    schema: errorBodySchema,
  },
} as const;

const DOCUMENT =
  ' The body is the journey document: `name`, `trigger` (event, segment, stage, date or inactivity), ' +
  '`entry` (once, oncePer with `periodDays`, always), an optional `goal` and `quietHours`, and `steps` ' +
  '(email, wait, waitUntil, waitForEvent, branch, split, update, emit, webhook, exit), each naming the ' +
  'step that follows. A mistake is a 422 whose issues name the step and field (`steps.3.timeout`).';

export const createJourneyRoute = defineRoute({
  operationId: 'createJourney',
  method: 'POST',
  path: '/v1/journeys',
  scope: 'write',
  tag,
  summary: `Create a draft journey (version 1); its templates and segment must exist.${DOCUMENT}`,
  body: journeyDefinitionSchema,
  responses: {
    201: { description: 'the draft journey', schema: journeyViewSchema },
    ...errorResponses,
  },
});

export const listJourneysRoute = defineRoute({
  operationId: 'listJourneys',
  method: 'GET',
  path: '/v1/journeys',
  scope: 'read',
  tag,
  summary: "The workspace's journeys, newest first, optionally of one status; paginated by `next`.",
  query: journeyListQuery,
  responses: {
    200: {
      description: 'a page of journeys (without their documents); `next` is the cursor of the following page',
      schema: z.strictObject({ journeys: z.array(journeySummarySchema), next: z.string().optional() }),
    },
    ...errorResponses,
  },
});

export const getJourneyRoute = defineRoute({
  operationId: 'getJourney',
  method: 'GET',
  path: '/v1/journeys/{journeyId}',
  scope: 'read',
  tag,
  summary: 'A journey with its latest document.',
  params,
  responses: {
    200: { description: 'the journey', schema: journeyViewSchema },
    ...errorResponses,
    ...notFound,
  },
});

export const journeyReportRoute = defineRoute({
  operationId: 'getJourneyReport',
  method: 'GET',
  path: '/v1/journeys/{journeyId}/report',
  scope: 'read',
  tag,
  summary:
    'A journey’s report: runs entered, in progress and how they ended (completed, goal, exit, unsubscribed, ' +
    'suppressed), the order value of goals reached, and per step the emails and their engagement.',
  params,
  responses: {
    200: { description: 'the report', schema: journeyReportSchema },
    ...errorResponses,
    ...notFound,
  },
});

export const getJourneyVersionRoute = defineRoute({
  operationId: 'getJourneyVersion',
  method: 'GET',
  path: '/v1/journeys/{journeyId}/versions/{version}',
  scope: 'read',
  tag,
  summary: 'One version of a journey’s document, as it was saved (runs keep the version they started on).',
  params: z.strictObject({ journeyId: journeyIdSchema, version: z.coerce.number().int().positive() }),
  responses: {
    200: {
      description: 'the version',
      schema: z.strictObject({
        journeyId: z.string(),
        version: z.number().int(),
        createdAt: z.string(),
        definition: z.unknown().describe('the journey document of this version'),
      }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const updateJourneyRoute = defineRoute({
  operationId: 'updateJourney',
  method: 'PUT',
  path: '/v1/journeys/{journeyId}',
  scope: 'write',
  tag,
  summary:
    'Save a new version of a journey (not an archived one). A live journey stays live: new runs start on ' +
    `the new version, runs in progress finish on theirs.${DOCUMENT}`,
  params,
  body: journeyDefinitionSchema,
  responses: {
    200: { description: 'the journey at its new version', schema: journeyViewSchema },
    ...errorResponses,
    ...notFound,
    ...notNow,
  },
});

export const deleteJourneyRoute = defineRoute({
  operationId: 'deleteJourney',
  method: 'DELETE',
  path: '/v1/journeys/{journeyId}',
  scope: 'write',
  tag,
  summary: 'Delete a draft journey and its versions (a journey that went live is archived instead).',
  params,
  responses: {
    204: { description: 'deleted' },
    ...errorResponses,
    ...notFound,
    ...notNow,
  },
});

const action = (operationId: string, verb: string, summary: string, description: string) =>
  defineRoute({
    operationId,
    method: 'POST',
    path: `/v1/journeys/{journeyId}/${verb}`,
    scope: 'write',
    tag,
    summary,
    params,
    responses: {
      200: { description, schema: journeyViewSchema },
      ...errorResponses,
      ...notFound,
      ...notNow,
    },
  });

export const startJourneyRoute = action(
  'startJourney',
  'start',
  'Put a draft or paused journey live: contacts enter it from now (its references are checked again).',
  'the live journey',
);
export const pauseJourneyRoute = action(
  'pauseJourney',
  'pause',
  'Pause a live journey: no one enters; runs in progress go on.',
  'the paused journey',
);
export const archiveJourneyRoute = action(
  'archiveJourney',
  'archive',
  'Archive a live or paused journey, for good: no one enters; runs in progress go on to their end.',
  'the archived journey',
);

export const dryRunJourneyRoute = defineRoute({
  operationId: 'dryRunJourney',
  method: 'POST',
  path: '/v1/journeys/dry-run',
  scope: 'read',
  tag,
  summary:
    'Simulate a journey (saved, or a document not saved yet) for a contact (or a blank one) and a made-up ' +
    'sequence of events, on a virtual clock: the steps it would take and when, the emails it would send, ' +
    'and how the run ends (completed, exit, goal, or the horizon). Nothing is written or sent.',
  body: dryRunBody,
  responses: {
    200: {
      description: 'the simulated run',
      schema: z.strictObject({
        version: z.number().int().optional().describe('the saved version simulated'),
        timeZone: z.string().describe('the zone the contact’s clock was read in'),
        steps: z.array(
          z.strictObject({
            stepId: z.string(),
            type: z.string(),
            at: z.string(),
            outcome: z.string(),
            effect: z.record(z.string(), z.unknown()).optional().describe('what the step would do'),
          }),
        ),
        emails: z.array(
          z.strictObject({
            stepId: z.string(),
            at: z.string(),
            templateId: z.string(),
            version: z.number().int().optional(),
          }),
        ),
        end: z.strictObject({
          at: z.string(),
          why: z.enum(['completed', 'exit', 'goal', 'horizon']),
          stepId: z.string().optional(),
        }),
      }),
    },
    ...errorResponses,
    ...notFound,
  },
});

// `/v1/journeys/ready-made...` has more fixed segments than `/v1/journeys/{journeyId}...`: API Gateway
// and the local server both prefer it, and `ready-made` is no journey id anyway.
export const listReadyMadeJourneysRoute = defineRoute({
  operationId: 'listReadyMadeJourneys',
  method: 'GET',
  path: '/v1/journeys/ready-made',
  scope: 'read',
  tag,
  summary:
    'The ready-made journeys (welcome series, abandoned checkout, post-purchase follow-up, win-back, birthday, ' +
    "lead nurture with MQL hand-off), in the workspace's default locale: what each does, the shipped templates " +
    'it sends, its options with their defaults, its document, and the journey once switched on.',
  responses: {
    200: { description: 'the catalogue', schema: readyMadeCatalogueSchema },
    ...errorResponses,
  },
});

export const enableReadyMadeJourneyRoute = defineRoute({
  operationId: 'enableReadyMadeJourney',
  method: 'POST',
  path: '/v1/journeys/ready-made/{name}',
  scope: 'write',
  tag,
  summary:
    'Switch a ready-made journey on: its missing shipped templates are installed, the journey is created ' +
    "(named in the workspace's default locale, with the options of the body; `{}` for the defaults) and put " +
    'live. Idempotent: a second call (even at the same time) answers the same journey with 200 and changes ' +
    'nothing, except that a paused one goes live again.',
  params: z.strictObject({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a ready-made journey name (welcome, abandoned-checkout...)')
      .describe('the ready-made journey, as `GET /v1/journeys/ready-made` names it'),
  }),
  body: readyMadeOptionsBody,
  responses: {
    201: { description: 'switched on: the live journey, created now', schema: journeyViewSchema },
    200: { description: 'already switched on: the live journey', schema: journeyViewSchema },
    ...errorResponses,
    ...notFound,
    409: { description: 'the journey was archived: it cannot be switched on again', schema: errorBodySchema },
  },
});
