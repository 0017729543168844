/**
 * Email templates: a head item per template (name, kind, topic, latest version) and one immutable item
 * per version, which holds each locale's source and what the save compiled from it (the HTML with its
 * Liquid still in, and the plain text). A send keeps the version it was queued with; saving only ever
 * adds a version.
 */
import * as z from 'zod';
import { emailKindSchema } from '../email/message-tags.ts';
import { hasControlChars } from '../shared/control-chars.ts';
import { shippedLocaleSchema, topicIdSchema } from '../workspaces/email-settings.schema.ts';

export const RESERVED_TEMPLATE_IDS = ['defaults'] as const;

export const templateIdSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,62}$/,
    'a template id is lower-case letters, digits and -, starting with a letter',
  )
  .refine((id) => !(RESERVED_TEMPLATE_IDS as readonly string[]).includes(id), 'this template id is reserved');

export const templateVersionSchema = z.number().int().min(1).max(999_999);

/** Largest source of one locale (MJML or HTML, or the text part). */
export const MAX_SOURCE_CHARS = 100_000;

const singleLine = (what: string) =>
  z
    .string()
    .trim()
    .max(300)
    .refine((s) => !hasControlChars(s), `${what} is one line, without control characters`);

/** One locale of a template as written: MJML (compiled at save) or plain HTML, and optionally the text. */
export const localeSourceInput = z
  .strictObject({
    subject: singleLine('the subject').pipe(z.string().min(1)),
    preheader: singleLine('the preheader').optional(),
    mjml: z.string().min(1).max(MAX_SOURCE_CHARS).optional(),
    html: z.string().min(1).max(MAX_SOURCE_CHARS).optional(),
    /** The plain-text part; generated from the HTML at save when absent. */
    text: z.string().min(1).max(MAX_SOURCE_CHARS).optional(),
  })
  .refine((l) => (l.mjml === undefined) !== (l.html === undefined), {
    message: 'give the body as mjml or as html (one of them)',
    path: ['mjml'],
  });
export type LocaleSourceInput = z.infer<typeof localeSourceInput>;

/** `PUT /v1/templates/{templateId}`: saves a new version (the first one creates the template). */
export const saveTemplateBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).optional(),
    kind: emailKindSchema,
    /** The subscription topic of a marketing template (a contact unsubscribed from it is not sent it). */
    topic: topicIdSchema.optional(),
    locales: z
      .partialRecord(shippedLocaleSchema, localeSourceInput)
      .refine((l) => Object.keys(l).length > 0, 'give at least one locale'),
  })
  .refine((b) => b.kind === 'marketing' || b.topic === undefined, {
    message: 'only a marketing template has a topic',
    path: ['topic'],
  });
export type SaveTemplateInput = z.infer<typeof saveTemplateBody>;

/** One locale of a saved version: its source and what the save compiled (Liquid kept for each send). */
export const compiledLocale = z.object({
  subject: z.string(),
  preheader: z.string().optional(),
  format: z.enum(['mjml', 'html']),
  /** The source as written (MJML or HTML). */
  source: z.string(),
  /** Responsive HTML (compiled from MJML, or the HTML given), Liquid inside. */
  html: z.string(),
  /** The plain-text part, Liquid inside: as given, or generated from the HTML. */
  text: z.string(),
  textGenerated: z.boolean(),
});
export type CompiledLocale = z.infer<typeof compiledLocale>;

const localesRecord = z.partialRecord(shippedLocaleSchema, compiledLocale);

export const templateVersionRecord = z.object({
  type: z.literal('templateVersion'),
  v: z.literal(1),
  workspaceId: z.string(),
  templateId: z.string(),
  version: z.number().int(),
  name: z.string(),
  kind: emailKindSchema,
  topic: z.string().optional(),
  locales: localesRecord,
  createdAt: z.string(),
});
export type TemplateVersionRecord = z.infer<typeof templateVersionRecord>;

export const templateRecord = z.object({
  type: z.literal('template'),
  v: z.literal(1),
  workspaceId: z.string(),
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  kind: emailKindSchema,
  topic: z.string().optional(),
  latestVersion: z.number().int(),
  locales: z.array(shippedLocaleSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateRecord = z.infer<typeof templateRecord>;

/** A template as the API lists it: the record without its storage fields. */
export const templateViewSchema = templateRecord.omit({ type: true, v: true, workspaceId: true }).strict();
export type TemplateView = z.infer<typeof templateViewSchema>;

export const templateView = (t: TemplateRecord): TemplateView => ({
  id: t.id,
  name: t.name,
  ...(t.description !== undefined ? { description: t.description } : {}),
  kind: t.kind,
  ...(t.topic !== undefined ? { topic: t.topic } : {}),
  latestVersion: t.latestVersion,
  locales: t.locales,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
});

/** One version with every locale: the source, the compiled HTML and the text part. */
export const templateVersionViewSchema = z.strictObject({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  kind: emailKindSchema,
  topic: z.string().optional(),
  createdAt: z.string(),
  locales: z.partialRecord(
    shippedLocaleSchema,
    z.strictObject({
      subject: z.string(),
      preheader: z.string().optional(),
      format: z.enum(['mjml', 'html']),
      source: z.string(),
      html: z.string().describe('the compiled HTML, Liquid still inside (rendered per recipient)'),
      text: z.string(),
      textGenerated: z.boolean().describe('true when the text part was generated from the HTML'),
    }),
  ),
});
export type TemplateVersionView = z.infer<typeof templateVersionViewSchema>;

export const templateVersionView = (r: TemplateVersionRecord): TemplateVersionView => ({
  id: r.templateId,
  version: r.version,
  name: r.name,
  kind: r.kind,
  ...(r.topic !== undefined ? { topic: r.topic } : {}),
  createdAt: r.createdAt,
  locales: Object.fromEntries(
    Object.entries(r.locales).map(([locale, l]) => [
      locale,
      {
        subject: l.subject,
        ...(l.preheader !== undefined ? { preheader: l.preheader } : {}),
        format: l.format,
        source: l.source,
        html: l.html,
        text: l.text,
        textGenerated: l.textGenerated,
      },
    ]),
  ),
});

export const versionSummarySchema = z.strictObject({
  version: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  locales: z.array(shippedLocaleSchema),
});
