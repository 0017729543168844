/** What the track API accepts: one event or a batch, each naming who did what and when. */
import * as z from 'zod';
import { eventIdSchema, eventNameSchema } from '../shared/values/event-name.schema.ts';
import { anonymousIdSchema, emailSchema, externalIdSchema } from '../shared/values/identity.schema.ts';
import { nestsWithinLimit, storableJsonOnly } from '../shared/values/storable-number.schema.ts';

export const TRACK_LIMITS = {
  batch: 100,
  bodyBytes: 256 * 1024,
  propertiesBytes: 4 * 1024,
  /** How far in the future a client clock may be before an event is refused. */
  futureSkewMs: 24 * 3600 * 1000,
} as const;

const properties = z
  .record(z.string().max(128), z.unknown())
  .superRefine(storableJsonOnly)
  // Sized only when it nests within the limit (else refused above): JSON.stringify recurses.
  .refine(
    (p) => !nestsWithinLimit(p) || Buffer.byteLength(JSON.stringify(p)) <= TRACK_LIMITS.propertiesBytes,
    {
      message: `properties take at most ${TRACK_LIMITS.propertiesBytes} bytes as JSON`,
    },
  );

export const trackEvent = z
  .strictObject({
    /** The client's id for this event: a retry with the same id has no second effect (72 h+). */
    id: eventIdSchema.optional(),
    name: eventNameSchema,
    email: emailSchema.optional(),
    externalId: externalIdSchema.optional(),
    anonymousId: anonymousIdSchema.optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    properties: properties.optional(),
  })
  .refine((e) => e.email !== undefined || e.externalId !== undefined || e.anonymousId !== undefined, {
    message: 'one of email, externalId or anonymousId is required',
    path: ['anonymousId'],
  });
export type TrackEvent = z.infer<typeof trackEvent>;

export const trackBody = z.union([
  z.strictObject({
    batch: z
      .array(trackEvent)
      .min(1, 'a batch holds at least one event')
      .max(
        TRACK_LIMITS.batch,
        `a batch holds at most ${TRACK_LIMITS.batch} events: send the rest in another request`,
      ),
  }),
  trackEvent,
]);

export const trackResult = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  results: z.array(z.object({ id: z.string(), status: z.enum(['accepted', 'duplicate']) })),
});

export const INTERACTION_KINDS = ['call', 'meeting', 'note', 'support_request', 'chat', 'visit'] as const;

/** POST /v1/contacts/{contactId}/interactions: staff log what happened off-line. */
export const interactionBody = z.strictObject({
  id: eventIdSchema.optional(),
  kind: z.enum(INTERACTION_KINDS),
  summary: z.string().trim().min(1).max(2000),
  by: z.string().trim().min(1).max(200),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .optional(),
  outcome: z.string().max(200).optional(),
});
