/**
 * A campaign: one marketing template version sent to an audience (segments included and excluded, or
 * an inline condition), from a sender domain, under a subscription topic, with UTM parameters; sent
 * now or at a scheduled time. Its status moves only along the transitions of `campaign-transitions.ts`,
 * each one a conditional write on `status` and `rev`. Suppression and consent are never part of the
 * stored audience: the send path applies them to every recipient at send time.
 */

import * as z from 'zod';
import { conditionSchema } from '../conditions/condition.schema.ts';
import { utmParamsSchema } from '../email/send/utm.ts';
import { segmentIdSchema } from '../segments/segment.schema.ts';
import { domainSchema } from '../senders/sender-domain.schema.ts';
import { newId } from '../shared/ids.ts';
import { templateIdSchema, templateVersionSchema } from '../templates/template.schema.ts';
import { topicIdSchema } from '../workspaces/email-settings.schema.ts';
import { abTestInput, abTestRecord, abTestViewSchema } from './ab-test.schema.ts';

/** `cmp_` and 20 lower-case Crockford base32 characters (48 bits of time, 52 random bits). */
export const campaignIdSchema = z.string().regex(/^cmp_[0-9a-z]{20}$/, 'not a campaign id');

/** A new campaign id; lexical order follows creation time. */
export const newCampaignId = (now: Date): string => newId('cmp', now).slice(0, 'cmp_'.length + 20);

export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'sent',
  'cancelled',
  'failed',
] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** The template and, once scheduled or started, the version pinned for the whole send. */
export const campaignTemplateSchema = z.strictObject({
  templateId: templateIdSchema,
  version: templateVersionSchema
    .optional()
    .describe("absent: the template's latest version when the campaign is scheduled or started"),
});

export const MAX_INCLUDED_SEGMENTS = 10;
export const MAX_EXCLUDED_SEGMENTS = 10;

const segmentList = (min: number, max: number) =>
  z
    .array(segmentIdSchema)
    .min(min, `name at least ${min} segment`)
    .max(max, `at most ${max} segments`)
    .refine((ids) => new Set(ids).size === ids.length, 'a segment is named twice');

export const campaignAudienceSchema = z.union([
  z.strictObject({
    segments: z
      .strictObject({
        include: segmentList(1, MAX_INCLUDED_SEGMENTS),
        exclude: segmentList(0, MAX_EXCLUDED_SEGMENTS).default([]),
      })
      .refine((s) => !s.include.some((id) => s.exclude.includes(id)), {
        message: 'a segment cannot be both included and excluded',
        path: ['exclude'],
      }),
  }),
  z.strictObject({ condition: conditionSchema }),
]);
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

/** UTM parameters: the send path's own schema (lib/email/send/utm.ts), which puts them on the links. */
export const utmSchema = utmParamsSchema;
export type Utm = z.infer<typeof utmSchema>;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** An IANA time zone name the runtime knows (`Europe/Paris`, `Pacific/Kiritimati`, `UTC`). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'not an IANA time zone name (such as Europe/Paris)');

const localDate = z.iso.date('a date as YYYY-MM-DD');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:mm (24-hour clock)');
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'a local date and time as YYYY-MM-DDTHH:mm')
  .refine((v) => localDate.safeParse(v.slice(0, 10)).success, 'not a real date');

/**
 * When to send: at one wall-clock moment in one zone, or at a date and time in each recipient's own
 * zone (the workspace's default zone for contacts without one).
 */
export const campaignScheduleSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('at'),
    at: localDateTime.describe('wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm'),
    timeZone: timeZoneSchema,
  }),
  z.strictObject({
    type: z.literal('recipientLocal'),
    date: localDate.describe('the date in each recipient’s own time zone, YYYY-MM-DD'),
    time: localTime.describe('the time in each recipient’s own time zone, HH:mm'),
  }),
]);
export type CampaignSchedule = z.infer<typeof campaignScheduleSchema>;

const SCHEDULE_FIELDS = {
  at: ['at', 'timeZone'],
  recipientLocal: ['date', 'time'],
} as const;

/**
 * The body of `POST /v1/campaigns/{id}/schedule`: the same two shapes as one object, so that a wrong
 * or missing field is named by itself (a discriminated union would only name `type`).
 */
export const scheduleCampaignBody = z
  .strictObject({
    type: z.enum(['at', 'recipientLocal']),
    at: localDateTime
      .optional()
      .describe('with `at`: wall-clock date and time in `timeZone`, YYYY-MM-DDTHH:mm'),
    timeZone: timeZoneSchema.optional().describe('with `at`: an IANA time zone'),
    date: localDate.optional().describe('with `recipientLocal`: the date in each recipient’s own zone'),
    time: localTime
      .optional()
      .describe('with `recipientLocal`: the time in each recipient’s own zone, HH:mm'),
  })
  .superRefine((body, ctx) => {
    for (const [type, fields] of Object.entries(SCHEDULE_FIELDS))
      for (const field of fields) {
        const given = body[field] !== undefined;
        if (type === body.type && !given)
          ctx.addIssue({ code: 'custom', path: [field], message: `is required when type is ${type}` });
        if (type !== body.type && given)
          ctx.addIssue({ code: 'custom', path: [field], message: `is not used when type is ${body.type}` });
      }
  })
  .transform(
    (body): CampaignSchedule =>
      body.type === 'at'
        ? { type: 'at', at: body.at ?? '', timeZone: body.timeZone ?? '' }
        : { type: 'recipientLocal', date: body.date ?? '', time: body.time ?? '' },
  );

const name = z.string().trim().min(1).max(200);

export const createCampaignBody = z.strictObject({
  name,
  template: campaignTemplateSchema,
  audience: campaignAudienceSchema,
  topic: topicIdSchema
    .optional()
    .describe("a topic of the workspace's email settings; default: the template's"),
  utm: utmSchema.optional(),
  senderDomain: domainSchema
    .optional()
    .describe('a domain the workspace registered; default: its default sender domain'),
  abTest: abTestInput.optional().describe('an A/B test of subjects or templates (ab-test.schema.ts)'),
});
export type CreateCampaignInput = z.infer<typeof createCampaignBody>;

/** A change to a draft or scheduled campaign; `null` clears an optional field; `{}` changes nothing. */
export const updateCampaignBody = z.strictObject({
  name: name.optional(),
  template: campaignTemplateSchema.optional(),
  audience: campaignAudienceSchema.optional(),
  topic: topicIdSchema.nullable().optional(),
  utm: utmSchema.nullable().optional(),
  senderDomain: domainSchema.nullable().optional(),
  abTest: abTestInput.nullable().optional(),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignBody>;

export const campaignRecord = z.object({
  type: z.literal('campaign'),
  v: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  status: campaignStatusSchema,
  template: z.object({ templateId: z.string(), version: z.number().int().optional() }),
  audience: campaignAudienceSchema,
  topic: z.string().optional(),
  utm: utmSchema.optional(),
  senderDomain: z.string().optional(),
  schedule: campaignScheduleSchema.optional(),
  abTest: abTestRecord.optional(),
  /** The UTC instant of the (first) send, set when scheduled. */
  sendAt: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  pausedReason: z.string().optional(),
  failedReason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Optimistic concurrency: every write is conditional on the rev it read, and increments it. */
  rev: z.number().int(),
});
export type Campaign = z.infer<typeof campaignRecord>;

/** A campaign as the API returns it (without its storage fields). */
export const campaignViewSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  status: campaignStatusSchema,
  template: z.strictObject({ templateId: z.string(), version: z.number().int().optional() }),
  audience: z.union([
    z.strictObject({
      segments: z.strictObject({ include: z.array(z.string()), exclude: z.array(z.string()) }),
    }),
    z.strictObject({ condition: z.unknown().describe('the condition document, as saved') }),
  ]),
  topic: z.string().optional(),
  utm: utmSchema.optional(),
  senderDomain: z.string().optional(),
  schedule: campaignScheduleSchema.optional(),
  abTest: abTestViewSchema.optional(),
  sendAt: z.string().optional().describe('UTC instant of the (first) send, once scheduled'),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  pausedReason: z.string().optional(),
  failedReason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignViewSchema>;

export const campaignView = (c: Campaign): CampaignView => ({
  id: c.id,
  name: c.name,
  status: c.status,
  template: c.template,
  audience: c.audience,
  ...(c.topic !== undefined ? { topic: c.topic } : {}),
  ...(c.utm !== undefined ? { utm: c.utm } : {}),
  ...(c.senderDomain !== undefined ? { senderDomain: c.senderDomain } : {}),
  ...(c.schedule !== undefined ? { schedule: c.schedule } : {}),
  ...(c.abTest !== undefined ? { abTest: c.abTest } : {}),
  ...(c.sendAt !== undefined ? { sendAt: c.sendAt } : {}),
  ...(c.startedAt !== undefined ? { startedAt: c.startedAt } : {}),
  ...(c.finishedAt !== undefined ? { finishedAt: c.finishedAt } : {}),
  ...(c.pausedReason !== undefined ? { pausedReason: c.pausedReason } : {}),
  ...(c.failedReason !== undefined ? { failedReason: c.failedReason } : {}),
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

export const campaignListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
  status: campaignStatusSchema.optional(),
});
