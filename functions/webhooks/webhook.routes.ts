/** Storefront connections and the webhook endpoint they give the shop. */
import * as z from 'zod';
import { storedExportView } from '../../lib/contacts/export.schema.ts';
import { errorBodySchema, errorResponses, notFound, pageQuery } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import {
  connectionIdSchema,
  connectionView,
  createConnectionBody,
  rotateSecretBody,
} from '../../lib/webhooks/connection.schema.ts';

const params = z.strictObject({ connectionId: connectionIdSchema });

export const createConnectionRoute = defineRoute({
  operationId: 'createConnection',
  method: 'POST',
  path: '/v1/connections',
  scope: 'admin',
  tag: 'storefronts',
  summary:
    'Connect a storefront (shopify, woocommerce, stripe, generic). Its signing secret is stored sealed (KMS) and ' +
    'never returned; a generic connection gets a secret from ecrm, shown once.',
  body: createConnectionBody,
  responses: {
    201: {
      description: 'the connection and its webhook path',
      schema: z.object({ connection: connectionView, secret: z.string().optional() }),
    },
    ...errorResponses,
  },
});

export const listConnectionsRoute = defineRoute({
  operationId: 'listConnections',
  method: 'GET',
  path: '/v1/connections',
  scope: 'read',
  tag: 'storefronts',
  summary: "The workspace's storefront connections.",
  responses: {
    200: { description: 'the connections', schema: z.object({ connections: z.array(connectionView) }) },
    ...errorResponses,
  },
});

export const getConnectionRoute = defineRoute({
  operationId: 'getConnection',
  method: 'GET',
  path: '/v1/connections/{connectionId}',
  scope: 'read',
  tag: 'storefronts',
  summary: 'One connection (secrets shown by their last 4 characters only).',
  params,
  responses: {
    200: { description: 'the connection', schema: connectionView },
    ...errorResponses,
    ...notFound,
  },
});

export const rotateSecretRoute = defineRoute({
  operationId: 'rotateConnectionSecret',
  method: 'POST',
  path: '/v1/connections/{connectionId}/rotate-secret',
  scope: 'admin',
  tag: 'storefronts',
  summary: 'Add a new signing secret; the previous ones keep verifying for `graceHours` (default 24).',
  params,
  body: rotateSecretBody,
  responses: {
    200: {
      description: 'the connection',
      schema: z.object({ connection: connectionView, secret: z.string().optional() }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const deleteConnectionRoute = defineRoute({
  operationId: 'deleteConnection',
  method: 'DELETE',
  path: '/v1/connections/{connectionId}',
  scope: 'admin',
  tag: 'storefronts',
  summary: 'Disconnect a storefront: its deliveries are refused from now on.',
  params,
  responses: { 204: { description: 'deleted' }, ...errorResponses, ...notFound },
});

const quarantinedView = z.object({
  deliveryId: z.string(),
  topic: z.string(),
  receivedAt: z.string(),
  quarantinedAt: z.string(),
  reason: z.string(),
});

export const listQuarantineRoute = defineRoute({
  operationId: 'listQuarantinedDeliveries',
  method: 'GET',
  path: '/v1/connections/{connectionId}/quarantine',
  scope: 'admin',
  tag: 'storefronts',
  summary:
    "A connection's quarantined deliveries (verified, but not understood), oldest first, with the reason; kept 30 days.",
  params,
  query: pageQuery,
  responses: {
    200: {
      description: 'a page',
      schema: z.object({ deliveries: z.array(quarantinedView), next: z.string().optional() }),
    },
    ...errorResponses,
    ...notFound,
  },
});

export const replayQuarantineRoute = defineRoute({
  operationId: 'replayQuarantinedDeliveries',
  method: 'POST',
  path: '/v1/connections/{connectionId}/quarantine/replay',
  scope: 'admin',
  tag: 'storefronts',
  summary:
    'Put one quarantined delivery (`deliveryId`) or all of them (`all: true`, up to 500 per call: repeat while ' +
    '`more`) back through processing, after a fix. Processing is idempotent: an effect already in place is not ' +
    'applied twice; a delivery still not understood returns to quarantine with its new reason.',
  params,
  body: z
    .strictObject({
      deliveryId: z.string().min(1).max(256).optional(),
      all: z.literal(true).optional(),
    })
    .refine((b) => (b.deliveryId === undefined) !== (b.all === undefined), {
      message: 'give either deliveryId or all: true',
      path: ['deliveryId'],
    }),
  responses: {
    202: {
      description: 'replay started; the deliveries are processed behind the bus',
      schema: z.object({ replayed: z.number().int(), more: z.boolean() }),
    },
    409: { description: 'the delivery is not quarantined', schema: errorBodySchema },
    ...errorResponses,
    ...notFound,
  },
});

export const getExportRoute = defineRoute({
  operationId: 'getExport',
  method: 'GET',
  path: '/v1/exports/{exportId}',
  scope: 'admin',
  tag: 'contacts',
  summary: 'A stored GDPR export (e.g. produced for a Shopify customers/data_request), kept 30 days.',
  params: z.strictObject({ exportId: z.string().regex(/^exp_[0-9a-z]{26}$/, 'not an export id') }),
  responses: { 200: { description: 'the export', schema: storedExportView }, ...errorResponses, ...notFound },
});
