/** The contacts API's contracts (no AWS clients here: read by the catalogue, CDK, local stack, OpenAPI). */
import * as z from 'zod';
import {
  consentBody,
  contactView,
  LIMITS,
  patchContactBody,
  upsertContactBody,
} from '../../lib/contacts/contact.schema.ts';
import { contactExportView } from '../../lib/contacts/export.schema.ts';
import { errorBodySchema, errorResponses, notFound, pageQuery } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { channelSchema } from '../../lib/shared/values/channel.schema.ts';
import { contactIdSchema, emailSchema, externalIdSchema } from '../../lib/shared/values/identity.schema.ts';

const contactParams = z.strictObject({ contactId: contactIdSchema });
const tooLarge = {
  413: { description: 'body or attributes over the size limit', schema: errorBodySchema },
} as const;
const conflict = {
  409: { description: 'identifier belongs to another contact', schema: errorBodySchema },
} as const;

export const upsertContactRoute = defineRoute({
  operationId: 'upsertContact',
  method: 'POST',
  path: '/v1/contacts',
  scope: 'write',
  tag: 'contacts',
  summary: 'Create or update the contact with this email or external id (idempotent).',
  body: upsertContactBody,
  maxBodyBytes: LIMITS.bodyBytes,
  responses: {
    200: {
      description: 'updated (or unchanged)',
      schema: z.object({ contact: contactView, created: z.boolean(), changed: z.array(z.string()) }),
    },
    201: {
      description: 'created',
      schema: z.object({ contact: contactView, created: z.boolean(), changed: z.array(z.string()) }),
    },
    ...errorResponses,
    ...tooLarge,
    ...conflict,
  },
});

export const listContactsRoute = defineRoute({
  operationId: 'listContacts',
  method: 'GET',
  path: '/v1/contacts',
  scope: 'read',
  tag: 'contacts',
  summary: 'List contacts, a page at a time (pass `next` back as `cursor`).',
  query: pageQuery,
  responses: {
    200: {
      description: 'a page',
      schema: z.object({ contacts: z.array(contactView), next: z.string().optional() }),
    },
    ...errorResponses,
  },
});

export const searchContactsRoute = defineRoute({
  operationId: 'searchContacts',
  method: 'GET',
  path: '/v1/contacts/search',
  scope: 'read',
  tag: 'contacts',
  summary:
    'Find contacts by a prefix of their email, first name, last name or full name, ignoring case and accents ("ana gar", "GARC" and "ana@" all find Ana García <ana@example.com>), a page at a time.',
  query: pageQuery.extend({
    q: z.string().trim().min(1).max(100).describe('the prefix to look for (1 to 100 characters)'),
  }),
  responses: {
    200: {
      description: 'a page of matches, each contact once (pass `next` back as `cursor`, with the same `q`)',
      schema: z.object({ contacts: z.array(contactView), next: z.string().optional() }),
    },
    ...errorResponses,
  },
});

export const lookupContactRoute = defineRoute({
  operationId: 'lookupContact',
  method: 'GET',
  path: '/v1/contacts/lookup',
  scope: 'read',
  tag: 'contacts',
  summary: 'Find a contact by email or external id.',
  query: z
    .strictObject({ email: emailSchema.optional(), externalId: externalIdSchema.optional() })
    .refine((q) => q.email !== undefined || q.externalId !== undefined, {
      message: 'email or externalId is required',
      path: ['email'],
    }),
  responses: { 200: { description: 'the contact', schema: contactView }, ...errorResponses, ...notFound },
});

export const getContactRoute = defineRoute({
  operationId: 'getContact',
  method: 'GET',
  path: '/v1/contacts/{contactId}',
  scope: 'read',
  tag: 'contacts',
  summary:
    'Read a contact: its score and stage, and with `?include=scoreBreakdown` where the points come from.',
  params: contactParams,
  query: z.strictObject({ include: z.enum(['scoreBreakdown']).optional() }),
  responses: { 200: { description: 'the contact', schema: contactView }, ...errorResponses, ...notFound },
});

export const updateContactRoute = defineRoute({
  operationId: 'updateContact',
  method: 'PATCH',
  path: '/v1/contacts/{contactId}',
  scope: 'write',
  tag: 'contacts',
  summary: 'Change some fields of a contact; `null` in attributes deletes one.',
  params: contactParams,
  body: patchContactBody,
  maxBodyBytes: LIMITS.bodyBytes,
  responses: {
    200: {
      description: 'the contact after the change',
      schema: z.object({ contact: contactView, changed: z.array(z.string()) }),
    },
    ...errorResponses,
    ...notFound,
    ...tooLarge,
    ...conflict,
  },
});

export const eraseContactRoute = defineRoute({
  operationId: 'eraseContact',
  method: 'DELETE',
  path: '/v1/contacts/{contactId}',
  scope: 'admin',
  tag: 'contacts',
  summary:
    'Erase a contact (GDPR): its record, timeline and indexes go; a hashed tombstone keeps it suppressed.',
  params: contactParams,
  responses: {
    200: { description: 'erased', schema: z.object({ erased: z.literal(true), itemsDeleted: z.number() }) },
    ...errorResponses,
    ...notFound,
  },
});

export const exportContactRoute = defineRoute({
  operationId: 'exportContact',
  method: 'GET',
  path: '/v1/contacts/{contactId}/export',
  scope: 'admin',
  tag: 'contacts',
  summary: 'Everything held on a contact (GDPR access request).',
  params: contactParams,
  responses: {
    200: { description: 'everything held on the contact', schema: contactExportView },
    ...errorResponses,
    ...notFound,
  },
});

export const setConsentRoute = defineRoute({
  operationId: 'setConsent',
  method: 'PUT',
  path: '/v1/contacts/{contactId}/consent/{channel}',
  scope: 'write',
  tag: 'contacts',
  summary: "Record a contact's consent on one channel, with its source.",
  params: z.strictObject({ contactId: contactIdSchema, channel: channelSchema }),
  body: consentBody,
  responses: { 200: { description: 'the contact', schema: contactView }, ...errorResponses, ...notFound },
});
