/**
 * A workspace's email settings: what every send, unsubscribe page and double opt-in reads (and the
 * default time zone campaigns schedule by, a fallback like the default locale). Kept on
 * the workspace item (`email`), set through `PUT /v1/workspace/email-settings`. A leaf module: the
 * template, subscription, sending and feedback capabilities all read it.
 */
import * as z from 'zod';
import { emailSchema } from '../shared/values/identity.schema.ts';
import { timeZoneSchema } from '../shared/values/time-zone.schema.ts';

/** The locales ecrm ships templates and pages in; a contact's locale falls back to one of these. */
export const SHIPPED_LOCALES = ['en', 'es', 'fr', 'it', 'zh-Hant'] as const;
export const shippedLocaleSchema = z.enum(SHIPPED_LOCALES);
export type ShippedLocale = z.infer<typeof shippedLocaleSchema>;

export const topicIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a topic id is lower-case letters, digits and -, starting with a letter');

/** A subscription topic (newsletter, product news...): names per locale, shown in the preference centre. */
export const topicSchema = z.strictObject({
  id: topicIdSchema,
  /** At least the workspace's default locale; other locales fall back to it. */
  names: z.partialRecord(shippedLocaleSchema, z.string().trim().min(1).max(80)),
  /** Whether a contact with marketing consent and no choice for this topic receives it. */
  subscribedByDefault: z.boolean().default(true),
});
export type Topic = z.infer<typeof topicSchema>;

/**
 * How orders are attributed to campaigns (lib/campaigns/results/attribution.ts): an order placed
 * within `windowDays` after the contact opened or clicked (`touches`) a campaign's email counts for
 * one campaign, the latest touched (`lastTouch`) or the earliest (`firstTouch`).
 */
export const attributionSettingsSchema = z.strictObject({
  windowDays: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(5)
    .describe('days after an open or click of a campaign email during which an order counts for it (1-30)'),
  model: z
    .enum(['lastTouch', 'firstTouch'])
    .default('lastTouch')
    .describe('which campaign an order counts for when several were touched: the latest or the earliest'),
  touches: z
    .enum(['clickOrOpen', 'click'])
    .default('clickOrOpen')
    .describe(
      'what counts as a touch: an open or a click, or clicks only (opens are inflated by mail privacy proxies)',
    ),
});
export type AttributionSettings = z.infer<typeof attributionSettingsSchema>;

/** The longest frequency-cap period: 90 days, in either unit. */
export const MAX_CAP_PERIOD_HOURS = 90 * 24;

/**
 * At most `limit` marketing emails per contact in any `period` `unit`s (a sliding window: "3 per 7
 * days" means no 4th email within 7 days of the 1st), across campaigns and journeys. Transactional
 * email is never capped. Enforced on the send path (lib/email/send/frequency-cap.ts).
 */
export const frequencyCapSchema = z
  .strictObject({
    limit: z
      .number()
      .int('a whole number')
      .min(1, 'at least 1 email')
      .max(100, 'at most 100 emails')
      .describe('marketing emails a contact may receive in one period'),
    period: z.number().int('a whole number').min(1, 'at least 1').describe('the length of the period'),
    unit: z.enum(['hours', 'days']).describe('the unit of `period`'),
  })
  .refine((c) => c.period * (c.unit === 'days' ? 24 : 1) <= MAX_CAP_PERIOD_HOURS, {
    message: `at most 90 days (${MAX_CAP_PERIOD_HOURS} hours)`,
    path: ['period'],
  });
export type FrequencyCap = z.infer<typeof frequencyCapSchema>;

export const emailSettingsSchema = z.strictObject({
  /** The locale of the last resort (`es-MX` → `es` → this). */
  defaultLocale: shippedLocaleSchema.default('en'),
  /**
   * The zone of a contact without one (or with one the runtime does not know), for "9:00 in each
   * recipient's own time zone" campaigns. Aliases accepted, the canonical name kept.
   */
  defaultTimeZone: timeZoneSchema
    .default('UTC')
    .describe(
      "the time zone of contacts without one, for schedules in each recipient's own time zone (IANA name; aliases accepted, the canonical name is kept)",
    ),
  /** The sender's postal address; a marketing send without one is refused (CAN-SPAM, the brief's rules). */
  postalAddress: z.string().trim().min(10).max(300).optional(),
  /** Where the MQL hand-off alert goes (transactional). */
  salesAddress: emailSchema.optional(),
  /** Whether a new subscriber must confirm by email before marketing consent counts. */
  doubleOptIn: z.boolean().default(false),
  topics: z
    .array(topicSchema)
    .max(20, 'at most 20 topics')
    .refine((t) => new Set(t.map((x) => x.id)).size === t.length, 'topic ids must be unique')
    .default([]),
  /** Revenue attribution of campaigns: the window, the model, and what counts as a touch. */
  attribution: attributionSettingsSchema.prefault({}),
  /** Off (absent) by default: no marketing email is ever capped, and the cap costs nothing. */
  frequencyCap: frequencyCapSchema
    .optional()
    .describe(
      'at most `limit` marketing emails per contact in any `period` hours or days, across campaigns and journeys (absent: no cap)',
    ),
});
export type EmailSettings = z.infer<typeof emailSettingsSchema>;

/** The settings of a workspace that never set any. */
export const DEFAULT_EMAIL_SETTINGS: EmailSettings = emailSettingsSchema.parse({});
