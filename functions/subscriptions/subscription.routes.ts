/**
 * The subscriptions contracts: the workspace's email settings, subscribing (with double opt-in), topic
 * consent on a contact, and the public pages behind unsubscribe and confirmation links.
 */
import * as z from 'zod';
import { consentRecord, consentStatusSchema, contactView } from '../../lib/contacts/contact.schema.ts';
import { errorBodySchema, errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { contactIdSchema } from '../../lib/shared/values/identity.schema.ts';
import { confirmForm, unsubscribeForm } from '../../lib/subscriptions/link-pages.ts';
import { subscribeBody } from '../../lib/subscriptions/subscribe.ts';
import { emailSettingsSchema, topicIdSchema } from '../../lib/workspaces/email-settings.schema.ts';

export const getEmailSettingsRoute = defineRoute({
  operationId: 'getEmailSettings',
  method: 'GET',
  path: '/v1/workspace/email-settings',
  scope: 'read',
  tag: 'email',
  summary:
    "The workspace's email settings: default locale, default time zone, postal address, sales address, double opt-in, topics, frequency cap (defaults when never set).",
  responses: { 200: { description: 'the settings', schema: emailSettingsSchema }, ...errorResponses },
});

export const putEmailSettingsRoute = defineRoute({
  operationId: 'putEmailSettings',
  method: 'PUT',
  path: '/v1/workspace/email-settings',
  scope: 'admin',
  tag: 'email',
  summary:
    "Replace the workspace's email settings; fields left out take their defaults. Marketing email needs `postalAddress`.",
  body: emailSettingsSchema,
  maxBodyBytes: 32 * 1024,
  responses: { 200: { description: 'the settings now', schema: emailSettingsSchema }, ...errorResponses },
});

export const subscribeRoute = defineRoute({
  operationId: 'subscribe',
  method: 'POST',
  path: '/v1/subscriptions',
  scope: 'ingest',
  cors: true,
  tag: 'email',
  summary:
    'Subscribe an email address (a signup form; an ingest key will do): the contact is created or updated and its ' +
    'email consent recorded with the source — `pending` with a confirmation email when the workspace uses double ' +
    'opt-in. The answer is the same whatever the address was, so a form reveals nothing about who subscribed.',
  body: subscribeBody,
  maxBodyBytes: 8 * 1024,
  responses: {
    202: { description: 'accepted', schema: z.strictObject({ accepted: z.literal(true) }) },
    ...errorResponses,
  },
});

export const setTopicConsentRoute = defineRoute({
  operationId: 'setTopicConsent',
  method: 'PUT',
  path: '/v1/contacts/{contactId}/topics/{topicId}',
  scope: 'write',
  tag: 'email',
  summary:
    "Record a contact's choice for one subscription topic of the workspace, with its source (announced as contact.consent.changed).",
  params: z.strictObject({ contactId: contactIdSchema, topicId: topicIdSchema }),
  body: z.strictObject({
    status: consentStatusSchema.exclude(['pending']),
    source: consentRecord.shape.source.trim(),
  }),
  responses: { 200: { description: 'the contact', schema: contactView }, ...errorResponses, ...notFound },
});

const tokenParams = z.strictObject({ token: z.string().max(512) });
const page = (description: string) => ({ description, contentType: 'text/html' as const });
const invalidLink = { 404: page('the link is not valid (altered, not ours, or its contact is gone)') };
const formErrors = {
  413: { description: 'body over 4 KB', schema: errorBodySchema },
  422: {
    description: 'not one of the forms this page takes; `issues` names the field',
    schema: errorBodySchema,
  },
};

export const unsubscribePageRoute = defineRoute({
  operationId: 'unsubscribePage',
  method: 'GET',
  path: '/u/{token}',
  scope: 'public',
  tag: 'pages',
  summary:
    "The page behind an email's unsubscribe link, in the contact's language: asks to confirm, and lets the contact " +
    'pick topics (the preference centre). Opening it changes nothing: link scanners open links.',
  params: tokenParams,
  responses: { 200: page('the page'), ...invalidLink },
});

export const unsubscribePostRoute = defineRoute({
  operationId: 'unsubscribe',
  method: 'POST',
  path: '/u/{token}',
  scope: 'public',
  tag: 'pages',
  summary:
    'RFC 8058 one-click unsubscribe (body `List-Unsubscribe=One-Click`; no cookie, no auth, no redirect), and the ' +
    "page's own forms (`action=unsubscribe`, `action=resubscribe`, `action=save` with `topic` per ticked topic). " +
    'Recorded with source (`one-click`, `preference-centre`) and time, and counted on the message the link came in.',
  params: tokenParams,
  body: unsubscribeForm,
  bodyEncoding: 'form',
  maxBodyBytes: 4 * 1024,
  responses: { 200: page('done: a short page saying so'), ...invalidLink, ...formErrors },
});

export const confirmPageRoute = defineRoute({
  operationId: 'confirmSubscriptionPage',
  method: 'GET',
  path: '/c/{token}',
  scope: 'public',
  tag: 'pages',
  summary:
    "The page behind a double opt-in confirmation link, in the contact's language, with a button that confirms. " +
    'Opening it changes nothing.',
  params: tokenParams,
  responses: { 200: page('the page'), ...invalidLink },
});

export const confirmPostRoute = defineRoute({
  operationId: 'confirmSubscription',
  method: 'POST',
  path: '/c/{token}',
  scope: 'public',
  tag: 'pages',
  summary:
    'Confirm a double opt-in (`action=confirm`): the pending email consent becomes subscribed, recorded with source ' +
    '(`double-opt-in (<form>)`) and time.',
  params: tokenParams,
  body: confirmForm,
  bodyEncoding: 'form',
  maxBodyBytes: 4 * 1024,
  responses: { 200: page('done: a short page saying so'), ...invalidLink, ...formErrors },
});
