/** The outgoing webhook endpoints API's contracts (`/v1/webhook-endpoints`). */
import * as z from 'zod';
import {
  deliveryIdSchema,
  deliveryListQuery,
  deliveryViewSchema,
} from '../../lib/outgoing-webhooks/delivery.schema.ts';
import {
  createEndpointBody,
  endpointIdSchema,
  endpointListQuery,
  endpointViewSchema,
  rotateEndpointSecretBody,
  updateEndpointBody,
} from '../../lib/outgoing-webhooks/endpoint.schema.ts';
import { SUBSCRIBABLE_EVENT_TYPES } from '../../lib/outgoing-webhooks/subscribable-events.ts';
import { errorBodySchema, errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';

const tag = 'webhook-endpoints';
const base = '/v1/webhook-endpoints';
const params = z.strictObject({ endpointId: endpointIdSchema });
const conflict = {
  409: { description: 'it changed meanwhile (another editor won): read it again', schema: errorBodySchema },
} as const;
const withSecret = z.strictObject({
  endpoint: endpointViewSchema,
  secret: z.string().describe('the new signing secret (`whsec_…`): shown this once, never again'),
});

const URL_RULES =
  ' The URL must be https and resolve only to public addresses (no private, loopback, link-local or ' +
  'reserved ones: checked at save and before every attempt); a 422 names `url` otherwise.';

export const createWebhookEndpointRoute = defineRoute({
  operationId: 'createWebhookEndpoint',
  method: 'POST',
  path: base,
  scope: 'admin',
  tag,
  summary:
    `Subscribe an endpoint to domain event types (${SUBSCRIBABLE_EVENT_TYPES.join(', ')}). Each delivery ` +
    'is signed (`ecrm-signature`, see the README) with the secret returned here once.' +
    URL_RULES,
  body: createEndpointBody,
  responses: {
    201: { description: 'the endpoint and its signing secret', schema: withSecret },
    ...errorResponses,
  },
});

export const listWebhookEndpointsRoute = defineRoute({
  operationId: 'listWebhookEndpoints',
  method: 'GET',
  path: base,
  scope: 'read',
  tag,
  summary: "The workspace's outgoing webhook endpoints, newest first; paginated by `next`.",
  query: endpointListQuery,
  responses: {
    200: {
      description: 'a page of endpoints',
      schema: z.strictObject({ endpoints: z.array(endpointViewSchema), next: z.string().optional() }),
    },
    ...errorResponses,
  },
});

export const getWebhookEndpointRoute = defineRoute({
  operationId: 'getWebhookEndpoint',
  method: 'GET',
  path: `${base}/{endpointId}`,
  scope: 'read',
  tag,
  summary: 'One endpoint (its secrets by their last 4 characters only).',
  params,
  responses: {
    200: { description: 'the endpoint', schema: endpointViewSchema },
    ...errorResponses,
    ...notFound,
  },
});

export const updateWebhookEndpointRoute = defineRoute({
  operationId: 'updateWebhookEndpoint',
  method: 'PATCH',
  path: `${base}/{endpointId}`,
  scope: 'admin',
  tag,
  summary:
    'Change the URL, event types, description, or `enabled` (enabling a disabled endpoint starts it ' +
    `afresh; replay its dead deliveries after).${URL_RULES}`,
  params,
  body: updateEndpointBody,
  responses: {
    200: { description: 'the endpoint', schema: endpointViewSchema },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

export const deleteWebhookEndpointRoute = defineRoute({
  operationId: 'deleteWebhookEndpoint',
  method: 'DELETE',
  path: `${base}/{endpointId}`,
  scope: 'admin',
  tag,
  summary: 'Delete an endpoint: nothing more is sent to it, retries in flight stop.',
  params,
  responses: { 204: { description: 'deleted' }, ...errorResponses, ...notFound, ...conflict },
});

export const rotateWebhookEndpointSecretRoute = defineRoute({
  operationId: 'rotateWebhookEndpointSecret',
  method: 'POST',
  path: `${base}/{endpointId}/rotate-secret`,
  scope: 'admin',
  tag,
  summary:
    'A new signing secret (returned once); the previous ones keep signing beside it for `graceHours` ' +
    '(default 24): the signature header then carries one `v1` per secret.',
  params,
  body: rotateEndpointSecretBody,
  responses: {
    200: { description: 'the endpoint and its new secret', schema: withSecret },
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

export const listWebhookDeliveriesRoute = defineRoute({
  operationId: 'listWebhookDeliveries',
  method: 'GET',
  path: `${base}/{endpointId}/deliveries`,
  scope: 'read',
  tag,
  summary:
    "An endpoint's deliveries, newest first, optionally of one status (`dead`: the dead letters), with " +
    'their latest attempts; kept 30 days. Paginated by `next`.',
  params,
  query: deliveryListQuery,
  responses: {
    200: {
      description: 'a page of deliveries',
      schema: z.strictObject({ deliveries: z.array(deliveryViewSchema), next: z.string().optional() }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const replayWebhookDeliveryRoute = defineRoute({
  operationId: 'replayWebhookDelivery',
  method: 'POST',
  path: `${base}/{endpointId}/deliveries/{deliveryId}/replay`,
  scope: 'admin',
  tag,
  summary:
    'Send a dead (or delivered) delivery again: a fresh attempt now, with a new retry window. 409 while ' +
    'it is still on its way or the endpoint is disabled.',
  params: z.strictObject({ endpointId: endpointIdSchema, deliveryId: deliveryIdSchema }),
  responses: {
    202: { description: 'the delivery, pending again', schema: deliveryViewSchema },
    ...errorResponses,
    ...notFound,
    409: {
      description: 'still on its way, endpoint disabled, or it changed meanwhile',
      schema: errorBodySchema,
    },
  },
});
