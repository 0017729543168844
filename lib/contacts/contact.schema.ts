/**
 * Contact schemas: what the API accepts (strict: unknown or protected fields are refused by name, so
 * consent, suppression, score and workspace cannot be mass-assigned) and what is stored.
 */
import * as z from 'zod';
import { scoreStateSchema } from '../scoring/score-state.schema.ts';
import { channelSchema } from '../shared/values/channel.schema.ts';
import { anonymousIdSchema, emailSchema, externalIdSchema } from '../shared/values/identity.schema.ts';
import { storableNumber } from '../shared/values/storable-number.schema.ts';
import { timeZoneSchema } from '../shared/values/time-zone.schema.ts';

export const LIMITS = {
  attributes: 100,
  attributeName: 64,
  attributeString: 1024,
  attributeList: 50,
  attributeListItem: 256,
  attributesBytes: 16 * 1024,
  tags: 50,
  tag: 64,
  nameLength: 200,
  bodyBytes: 64 * 1024,
  anonymousIds: 20,
} as const;

export { PROTECTED_FIELDS } from './protected-fields.ts';

/** Kept under its old name for importers; the rule (aliases accepted, canonical kept) is the leaf's. */
export { timeZoneSchema as timezoneSchema };

const canonicalLocale = (value: string): string | undefined => {
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
};
export const localeSchema = z
  .string()
  .max(35)
  .transform((value, ctx) => {
    const locale = canonicalLocale(value);
    if (!locale) {
      ctx.addIssue({ code: 'custom', message: 'not a BCP 47 locale (e.g. es-ES)' });
      return z.NEVER;
    }
    return locale;
  });

export const phoneSchema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'not an E.164 phone number (e.g. +34600111222)');

const attributeName = z
  .string()
  .max(LIMITS.attributeName)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'attribute names start with a letter: letters, digits and _');

export const attributeValue = z.union([
  z.string().max(LIMITS.attributeString, `strings hold at most ${LIMITS.attributeString} characters`),
  storableNumber,
  z.boolean(),
  z
    .array(z.string().max(LIMITS.attributeListItem))
    .max(LIMITS.attributeList, `lists hold at most ${LIMITS.attributeList} items`),
]);
export type AttributeValue = z.infer<typeof attributeValue>;

/** In a request, `null` deletes an attribute. */
const attributesInput = z
  .record(attributeName, attributeValue.nullable())
  .refine((a) => Object.keys(a).length <= LIMITS.attributes, `at most ${LIMITS.attributes} attributes`);

const tag = z
  .string()
  .min(1)
  .max(LIMITS.tag)
  .regex(/^[\w:.-]+$/, 'tags are letters, digits and _ : . - only');
const tags = z.array(tag).max(LIMITS.tags, `at most ${LIMITS.tags} tags`);

const name = z.string().trim().max(LIMITS.nameLength);

const profileFields = {
  firstName: name.optional(),
  lastName: name.optional(),
  phone: phoneSchema.optional(),
  locale: localeSchema.optional(),
  timezone: timeZoneSchema.optional(),
  attributes: attributesInput.optional(),
};

/** POST /v1/contacts: create or update the contact with this email or external id. */
export const upsertContactBody = z
  .strictObject({
    email: emailSchema.optional(),
    externalId: externalIdSchema.optional(),
    /** Attaches the events of this anonymous visitor to the contact (identity merge). */
    anonymousId: anonymousIdSchema.optional(),
    ...profileFields,
    tags: tags.optional(),
  })
  .refine((b) => b.email !== undefined || b.externalId !== undefined, {
    message: 'email or externalId is required',
    path: ['email'],
  });
export type UpsertContactInput = z.infer<typeof upsertContactBody>;

/** PATCH /v1/contacts/{contactId}: only the fields given change. */
export const patchContactBody = z.strictObject({
  email: emailSchema.optional(),
  externalId: externalIdSchema.optional(),
  ...profileFields,
  tags: tags.optional(),
  addTags: tags.optional(),
  removeTags: tags.optional(),
});
export type PatchContactInput = z.infer<typeof patchContactBody>;

export const consentStatusSchema = z.enum(['subscribed', 'unsubscribed', 'pending']);

export const consentRecord = z.object({
  status: consentStatusSchema,
  /** Where the consent came from: a form, an import, a storefront, a staff member... */
  source: z.string().min(1).max(200),
  at: z.string(),
});
export type ConsentRecord = z.infer<typeof consentRecord>;

/** PUT /v1/contacts/{contactId}/consent/{channel} */
export const consentBody = z.strictObject({
  status: consentStatusSchema,
  source: z.string().trim().min(1).max(200),
  at: z.iso.datetime({ offset: true }).optional(),
});

const activitySchema = z.object({
  eventCount: z.number().int(),
  firstSeenAt: z.string().optional(),
  lastSeenAt: z.string().optional(),
  /** The most recent event names with their counts, capped so the contact stays small. */
  byName: z.record(z.string(), z.object({ count: z.number().int(), lastAt: z.string() })),
});
export type Activity = z.infer<typeof activitySchema>;

/** Purchase history, recomputed from the contact's orders on every order change (RFM inputs). */
export const purchasesSchema = z.object({
  /** Orders neither cancelled nor fully refunded. */
  orderCount: z.number().int(),
  firstOrderAt: z.string().optional(),
  lastOrderAt: z.string().optional(),
  /** Per currency, minor units: net spent (after refunds), refunded, orders, average order value. */
  totals: z.record(
    z.string(),
    z.object({
      spent: z.number().int(),
      refunded: z.number().int(),
      orders: z.number().int(),
      average: z.number().int(),
    }),
  ),
  /** Most recent first, bounded. */
  products: z.array(z.string()),
  categories: z.array(z.string()),
});
export type Purchases = z.infer<typeof purchasesSchema>;

/** The contact item as stored (keys, GSI keys and outbox attribute excluded). */
export const contactRecord = z.object({
  type: z.literal('contact'),
  v: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  rev: z.number().int().nonnegative(),
  email: z.string().optional(),
  externalId: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  attributes: z.record(z.string(), attributeValue),
  tags: z.array(z.string()),
  consent: z.partialRecord(channelSchema, consentRecord),
  /** Email consent per subscription topic (lib/subscriptions), each with its source and time. */
  topics: z.record(z.string(), consentRecord).optional(),
  suppression: z.object({ reason: z.string(), at: z.string() }).optional(),
  anonymousIds: z.array(z.string()),
  activity: activitySchema,
  purchases: purchasesSchema.optional(),
  /** Lead score ledger and lifecycle stage (lib/scoring); set only by scoring. */
  score: scoreStateSchema.optional(),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactRecord>;

/**
 * A contact's score as the API shows it when asked (`?include=scoreBreakdown`): where the points
 * come from, at the time of reading. The ledger's storage (buckets, caps, instants) is never shown.
 */
export const scoreBreakdownView = z.strictObject({
  score: z.number().describe('the score now (decay applied), which may be below the last reported one'),
  engagement: z.number().describe('engagement points now, after decay or expiry'),
  fit: z.number().describe('points of the fit rules that hold'),
  fitRules: z.array(z.string()).describe('ids of the fit rules that hold'),
});
export type ScoreBreakdownView = z.infer<typeof scoreBreakdownView>;

/** The contact as the API returns it: what a marketer means, never the storage behind it. */
export const contactView = z.strictObject({
  id: z.string(),
  workspaceId: z.string(),
  email: z.string().optional(),
  externalId: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
  locale: z.string().optional(),
  timezone: z.string().optional(),
  attributes: z.record(z.string(), attributeValue),
  tags: z.array(z.string()),
  consent: z.partialRecord(channelSchema, consentRecord.strict()),
  topics: z
    .record(z.string(), consentRecord.strict())
    .optional()
    .describe("email consent per subscription topic (the workspace's email settings list the topics)"),
  suppression: z.strictObject({ reason: z.string(), at: z.string() }).optional(),
  anonymousIds: z.array(z.string()),
  activity: z.strictObject({
    eventCount: z.number().int(),
    firstSeenAt: z.string().optional(),
    lastSeenAt: z.string().optional(),
    byName: z.record(z.string(), z.strictObject({ count: z.number().int(), lastAt: z.string() })),
  }),
  purchases: purchasesSchema
    .extend({
      totals: z.record(
        z.string(),
        z.strictObject({
          spent: z.number().int(),
          refunded: z.number().int(),
          orders: z.number().int(),
          average: z.number().int(),
        }),
      ),
    })
    .strict()
    .optional(),
  score: z.number().describe('the lead score last reported (0 before any scoring)'),
  stage: z.string().nullable().describe('the lifecycle stage; null before any'),
  scoreBreakdown: scoreBreakdownView.optional().describe('only with `?include=scoreBreakdown`'),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContactView = z.infer<typeof contactView>;

export const toView = (c: Contact, breakdown?: ScoreBreakdownView): ContactView => {
  const { type: _t, v: _v, rev: _r, score, ...rest } = c;
  return {
    ...rest,
    score: score?.score ?? 0,
    stage: score?.stage ?? null,
    ...(breakdown ? { scoreBreakdown: breakdown } : {}),
  };
};

/** Fields whose change is reported in contact.updated events (for incremental segmentation). */
export const TRACKED_FIELDS = [
  'email',
  'externalId',
  'firstName',
  'lastName',
  'phone',
  'locale',
  'timezone',
  'attributes',
  'tags',
  'consent',
  'suppression',
  'anonymousIds',
  'purchases',
] as const satisfies readonly (keyof Contact)[];
