import * as z from 'zod';
import { emailMessageSchema } from '../email/message.schema.ts';

export const timelineEntryRecord = z.object({
  type: z.literal('timelineEntry'),
  v: z.literal(1),
  eventId: z.string(),
  name: z.string(),
  /**
   * track: the site sent it; interaction: staff logged it; system: ecrm itself (a stage, a segment);
   * email: a message ecrm sent, with its status (lib/email).
   */
  kind: z.enum(['track', 'interaction', 'system', 'email']),
  occurredAt: z.string(),
  properties: z.record(z.string(), z.unknown()),
  ttl: z.number().int(),
  /** Set on `email` entries only. */
  email: emailMessageSchema.optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntryRecord>;

export const timelineEntryView = timelineEntryRecord.omit({ type: true, v: true, ttl: true }).extend({
  /** The message as a marketer reads it: never the feedback loop's bookkeeping (`seen`). */
  email: emailMessageSchema.omit({ seen: true }).optional(),
});

/** An entry as the API shows it: no storage fields, no feedback bookkeeping on messages. */
export const timelineView = ({ type: _t, v: _v, ttl: _ttl, email, ...entry }: TimelineEntry) => {
  if (!email) return entry;
  const { seen: _seen, ...message } = email;
  return { ...entry, email: message };
};
