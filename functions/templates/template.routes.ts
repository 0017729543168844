/** The email templates API's contracts. */
import * as z from 'zod';
import { errorBodySchema, errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { contactIdSchema } from '../../lib/shared/values/identity.schema.ts';
import {
  saveTemplateBody,
  templateIdSchema,
  templateVersionSchema,
  templateVersionViewSchema,
  templateViewSchema,
  versionSummarySchema,
} from '../../lib/templates/template.schema.ts';
import { shippedLocaleSchema } from '../../lib/workspaces/email-settings.schema.ts';

const params = z.strictObject({ templateId: templateIdSchema });

/** Five locales of MJML source and text, with room to spare. */
export const SAVE_TEMPLATE_MAX_BODY_BYTES = 1024 * 1024;

export const saveTemplateRoute = defineRoute({
  operationId: 'saveTemplate',
  method: 'PUT',
  path: '/v1/templates/{templateId}',
  scope: 'write',
  tag: 'templates',
  summary:
    'Save a new version of a template (the first save creates it): Liquid checked, MJML compiled to responsive ' +
    'HTML once, the text part generated when not given. A refusal names the field, line and reason.',
  params,
  body: saveTemplateBody,
  maxBodyBytes: SAVE_TEMPLATE_MAX_BODY_BYTES,
  responses: {
    200: { description: 'the template, now at its new version', schema: templateViewSchema },
    201: { description: 'the template, created at version 1', schema: templateViewSchema },
    ...errorResponses,
    409: { description: 'saved by someone else meanwhile: read and save again', schema: errorBodySchema },
  },
});

export const listTemplatesRoute = defineRoute({
  operationId: 'listTemplates',
  method: 'GET',
  path: '/v1/templates',
  scope: 'read',
  tag: 'templates',
  summary: "The workspace's email templates.",
  responses: {
    200: { description: 'the templates', schema: z.object({ templates: z.array(templateViewSchema) }) },
    ...errorResponses,
  },
});

export const getTemplateRoute = defineRoute({
  operationId: 'getTemplate',
  method: 'GET',
  path: '/v1/templates/{templateId}',
  scope: 'read',
  tag: 'templates',
  summary:
    'A template version (the latest, or `?version=`): each locale with its source, compiled HTML and text.',
  params,
  query: z.strictObject({ version: z.coerce.number().pipe(templateVersionSchema).optional() }),
  responses: {
    200: { description: 'the version', schema: templateVersionViewSchema },
    ...errorResponses,
    ...notFound,
  },
});

export const listTemplateVersionsRoute = defineRoute({
  operationId: 'listTemplateVersions',
  method: 'GET',
  path: '/v1/templates/{templateId}/versions',
  scope: 'read',
  tag: 'templates',
  summary: "A template's versions, oldest first.",
  params,
  responses: {
    200: { description: 'the versions', schema: z.object({ versions: z.array(versionSummarySchema) }) },
    ...errorResponses,
    ...notFound,
  },
});

const renderedEmailSchema = z.strictObject({
  subject: z.string(),
  preheader: z.string().optional(),
  html: z.string(),
  text: z.string(),
  locale: shippedLocaleSchema,
});

export const previewTemplateRoute = defineRoute({
  operationId: 'previewTemplate',
  method: 'POST',
  path: '/v1/templates/{templateId}/preview',
  // The answer carries the contact's working unsubscribe (and confirmation) links: a read-only key
  // must not get a way to change a contact's consent.
  scope: 'write',
  tag: 'templates',
  summary:
    "Render a template for one contact exactly as a send would (the contact's data and locale, the workspace's " +
    "settings, `data` as the trigger payload, the contact's working signed links, without a message id).",
  params,
  body: z.strictObject({
    contactId: contactIdSchema,
    locale: shippedLocaleSchema.optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    version: templateVersionSchema.optional(),
  }),
  responses: {
    200: {
      description: 'the rendered email, or why this contact would fail (missing data...)',
      schema: z.union([
        z.strictObject({
          ok: z.literal(true),
          version: z.number().int(),
          links: z.enum(['signed', 'placeholders']),
          email: renderedEmailSchema,
        }),
        z.strictObject({ ok: z.literal(false), version: z.number().int(), reason: z.string() }),
      ]),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const installDefaultsRoute = defineRoute({
  operationId: 'installDefaultTemplates',
  method: 'POST',
  path: '/v1/templates/defaults',
  scope: 'write',
  tag: 'templates',
  summary:
    'Install the templates ecrm ships (welcome, double-opt-in, abandoned-checkout, ...; en, es, fr, it, zh-Hant). ' +
    'A template the workspace already has is kept unless `overwrite` (which saves a new version).',
  body: z.strictObject({
    overwrite: z.boolean().default(false),
    only: z.array(templateIdSchema).max(50).optional(),
  }),
  responses: {
    200: {
      description: 'what was installed and what was kept',
      schema: z.object({
        installed: z.array(z.object({ id: z.string(), version: z.number().int() })),
        kept: z.array(z.string()),
      }),
    },
    ...errorResponses,
  },
});
