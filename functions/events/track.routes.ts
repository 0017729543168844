/**
 * The track API's contract, alone: the track function is a hot path, and loads no other route's
 * schemas (the timeline's, the messages' it shows).
 */
import { TRACK_LIMITS, trackBody, trackResult } from '../../lib/events/track.schema.ts';
import { errorBodySchema, errorResponses } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

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
