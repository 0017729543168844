import * as z from 'zod';

export const timelineEntryRecord = z.object({
  type: z.literal('timelineEntry'),
  v: z.literal(1),
  eventId: z.string(),
  name: z.string(),
  /** track: the site sent it; interaction: staff logged it; system: ecrm itself (a stage, a segment). */
  kind: z.enum(['track', 'interaction', 'system']),
  occurredAt: z.string(),
  properties: z.record(z.string(), z.unknown()),
  ttl: z.number().int(),
});
export type TimelineEntry = z.infer<typeof timelineEntryRecord>;

export const timelineEntryView = timelineEntryRecord.omit({ type: true, v: true, ttl: true });
