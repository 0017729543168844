/** The track and timeline API's contracts. */
import * as z from 'zod';
import { timelineEntryView } from '../../lib/events/timeline.schema.ts';
import { interactionBody, TRACK_LIMITS, trackBody, trackResult } from '../../lib/events/track.schema.ts';
import { errorBodySchema, errorResponses, notFound, pageQuery } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { contactIdSchema } from '../../lib/shared/values/identity.schema.ts';

export const trackRoute = defineRoute({
  operationId: 'track',
  method: 'POST',
  path: '/v1/track',
  scope: 'ingest',
  cors: true,
  tag: 'events',
  summary:
    'Record what people did: one event or `{batch: [...]}` of up to 100. Browser-safe with an ingest key. ' +
    'Idempotent by event `id` for at least 7 days.',
  body: trackBody,
  maxBodyBytes: TRACK_LIMITS.bodyBytes,
  responses: {
    202: { description: 'accepted (duplicates are reported, not stored twice)', schema: trackResult },
    ...errorResponses,
    413: { description: 'body over 256 KB', schema: errorBodySchema },
    429: {
      description: 'over the rate limit of the key or the workspace; `Retry-After` says when to retry',
      schema: errorBodySchema,
    },
  },
});

export const readTimelineRoute = defineRoute({
  operationId: 'readTimeline',
  method: 'GET',
  path: '/v1/contacts/{contactId}/timeline',
  scope: 'read',
  tag: 'events',
  summary: "A contact's timeline, newest first.",
  params: z.strictObject({ contactId: contactIdSchema }),
  query: pageQuery,
  responses: {
    200: {
      description: 'a page',
      schema: z.object({ entries: z.array(timelineEntryView), next: z.string().optional() }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const logInteractionRoute = defineRoute({
  operationId: 'logInteraction',
  method: 'POST',
  path: '/v1/contacts/{contactId}/interactions',
  scope: 'write',
  tag: 'events',
  summary: 'Log an off-line interaction (call, meeting, note, support request) on the timeline.',
  params: z.strictObject({ contactId: contactIdSchema }),
  body: interactionBody,
  responses: {
    201: {
      description: 'recorded (or already recorded with this id)',
      schema: z.object({ id: z.string(), status: z.enum(['recorded', 'duplicate']) }),
    },
    ...errorResponses,
    ...notFound,
  },
});
