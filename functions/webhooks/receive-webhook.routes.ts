/**
 * The webhook endpoint's contract, alone: receive-webhook is a hot path, and loads no other route's
 * schemas (connections, quarantine, exports).
 */
import * as z from 'zod';
import { errorBodySchema } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { connectionIdSchema } from '../../lib/webhooks/connection.schema.ts';
import { workspaceIdSchema } from '../../lib/workspaces/workspace.schema.ts';

export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

export const receiveWebhookRoute = defineRoute({
  operationId: 'receiveWebhook',
  method: 'POST',
  path: '/v1/webhooks/{workspaceId}/{connectionId}',
  scope: 'public',
  tag: 'storefronts',
  summary:
    'Where a connected shop sends its webhooks. The signature is verified over the exact bytes received ' +
    '(Shopify X-Shopify-Hmac-Sha256, WooCommerce X-WC-Webhook-Signature, Stripe Stripe-Signature, ecrm ' +
    'X-Ecrm-Signature); each delivery id has one effect; work runs after the 200.',
  params: z.strictObject({ workspaceId: workspaceIdSchema, connectionId: connectionIdSchema }),
  rawBody: true,
  maxBodyBytes: WEBHOOK_MAX_BODY_BYTES,
  responses: {
    200: {
      description: 'stored (or a duplicate, or a WooCommerce ping)',
      schema: z.object({
        status: z.enum(['accepted', 'duplicate', 'ping']),
        deliveryId: z.string().optional(),
      }),
    },
    401: {
      description: 'missing, malformed or wrong signature, or an unknown connection',
      schema: errorBodySchema,
    },
    413: { description: 'body over 1 MB', schema: errorBodySchema },
  },
});
