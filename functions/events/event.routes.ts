/** The timeline API's contracts (the track API's are in track.routes.ts). */
import * as z from 'zod';
import { timelineEntryView } from '../../lib/events/timeline.schema.ts';
import { interactionBody } from '../../lib/events/track.schema.ts';
import { errorResponses, notFound, pageQuery } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { contactIdSchema } from '../../lib/shared/values/identity.schema.ts';

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
