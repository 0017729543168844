/** The lead scoring API's contracts. */
import * as z from 'zod';
import { scoreDistributionView } from '../../lib/scoring/score-distribution.schema.ts';
import { scoreHistoryEntryView } from '../../lib/scoring/score-history.schema.ts';
import { scoringModelSchema } from '../../lib/scoring/scoring-model.schema.ts';
import { errorResponses, notFound, pageQuery } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { contactIdSchema } from '../../lib/shared/values/identity.schema.ts';

export const getScoringModelRoute = defineRoute({
  operationId: 'getScoringModel',
  method: 'GET',
  path: '/v1/scoring-model',
  scope: 'read',
  tag: 'scoring',
  summary:
    "The workspace's scoring model as set, or null when the defaults apply (and the defaults, parsed).",
  responses: {
    200: {
      description: 'the model document as saved (null when none) and the model in effect, defaults filled in',
      schema: z.strictObject({ model: z.unknown().nullable(), effective: scoringModelSchema }),
    },
    ...errorResponses,
  },
});

export const putScoringModelRoute = defineRoute({
  operationId: 'putScoringModel',
  method: 'PUT',
  path: '/v1/scoring-model',
  scope: 'write',
  tag: 'scoring',
  summary:
    'Set the scoring model: engagement and fit rules, decay, lifecycle stages, thresholds and stage events.',
  body: scoringModelSchema,
  responses: {
    200: { description: 'the model in effect', schema: z.strictObject({ effective: scoringModelSchema }) },
    ...errorResponses,
  },
});

export const setStageRoute = defineRoute({
  operationId: 'setStage',
  method: 'PUT',
  path: '/v1/contacts/{contactId}/stage',
  scope: 'write',
  tag: 'scoring',
  summary: 'Move a contact to a lifecycle stage by hand (the only way backward).',
  params: z.strictObject({ contactId: contactIdSchema }),
  body: z.strictObject({
    stage: z.string().min(1).max(40),
    id: z
      .string()
      .regex(/^[\w.:-]{1,64}$/)
      .optional(),
  }),
  responses: {
    200: {
      description: 'scored, unchanged or duplicate',
      schema: z.strictObject({ outcome: z.enum(['scored', 'unchanged', 'duplicate']) }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const scoreHistoryRoute = defineRoute({
  operationId: 'scoreHistory',
  method: 'GET',
  path: '/v1/contacts/{contactId}/score-history',
  scope: 'read',
  tag: 'scoring',
  summary: "A contact's score changes with their reasons (kept 400 days).",
  params: z.strictObject({ contactId: contactIdSchema }),
  query: pageQuery,
  responses: {
    200: {
      description: 'a page, newest first',
      schema: z.strictObject({ entries: z.array(scoreHistoryEntryView), next: z.string().optional() }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const scoreDistributionRoute = defineRoute({
  operationId: 'scoreDistribution',
  method: 'GET',
  path: '/v1/score-distribution',
  scope: 'read',
  tag: 'scoring',
  summary:
    'How many scored contacts are in each 10-point score bucket and in each lifecycle stage (kept as counters: no contact is read).',
  responses: {
    200: {
      description:
        "the workspace's distribution of last reported scores; a contact never scored is not counted (it has the floor score and the first stage)",
      schema: scoreDistributionView,
    },
    ...errorResponses,
  },
});
