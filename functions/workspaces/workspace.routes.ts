/** The workspace and API key contracts. Creating a workspace is an operator's job (the `ecrm` CLI). */
import * as z from 'zod';
import { errorResponses, notFound } from '../../lib/shared/http/common.schema.ts';
import { defineRoute } from '../../lib/shared/http/route.ts';
import { emailSettingsSchema } from '../../lib/workspaces/email-settings.schema.ts';
import {
  originSchema,
  rateLimitsSchema,
  SCOPES,
  scopeSchema,
} from '../../lib/workspaces/workspace.schema.ts';

const keyView = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(scopeSchema),
  allowedOrigins: z.array(z.string()).nullable().describe('browser origins the key is limited to; null: any'),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

export const getWorkspaceRoute = defineRoute({
  operationId: 'getWorkspace',
  method: 'GET',
  path: '/v1/workspace',
  scope: 'read',
  tag: 'workspace',
  summary: "The key's workspace and its settings.",
  responses: {
    200: {
      description: 'the workspace',
      schema: z.object({
        id: z.string(),
        name: z.string(),
        createdAt: z.string(),
        settings: z.object({
          timelineRetentionDays: z.number(),
          rateLimits: rateLimitsSchema
            .optional()
            .describe('ingest requests per second; defaults when absent'),
          email: emailSettingsSchema
            .optional()
            .describe('email settings, once set (`GET /v1/workspace/email-settings` shows the defaults too)'),
        }),
      }),
    },
    ...errorResponses,
  },
});

export const issueKeyRoute = defineRoute({
  operationId: 'issueApiKey',
  method: 'POST',
  path: '/v1/keys',
  scope: 'admin',
  tag: 'workspace',
  summary: `Issue an API key with some of the scopes ${SCOPES.join(', ')}. The token is shown once.`,
  body: z.strictObject({
    name: z.string().trim().min(1).max(100),
    scopes: z.array(scopeSchema).min(1),
    allowedOrigins: z
      .array(originSchema)
      .min(1)
      .max(20)
      .optional()
      .describe('limit the key to these browser origins (checked against `Origin`), e.g. for an ingest key'),
  }),
  responses: {
    201: { description: 'the key and its token', schema: z.object({ key: keyView, token: z.string() }) },
    ...errorResponses,
  },
});

export const listKeysRoute = defineRoute({
  operationId: 'listApiKeys',
  method: 'GET',
  path: '/v1/keys',
  scope: 'admin',
  tag: 'workspace',
  summary: "The workspace's API keys (never their secrets).",
  responses: {
    200: { description: 'the keys', schema: z.object({ keys: z.array(keyView) }) },
    ...errorResponses,
  },
});

export const revokeKeyRoute = defineRoute({
  operationId: 'revokeApiKey',
  method: 'DELETE',
  path: '/v1/keys/{keyId}',
  scope: 'admin',
  tag: 'workspace',
  summary:
    'Revoke an API key: it stops working within 30 s (functions keep a key they read for 30 s at most).',
  params: z.strictObject({ keyId: z.string().regex(/^k_[0-9a-z]{26}$/, 'not a key id') }),
  responses: { 200: { description: 'the revoked key', schema: keyView }, ...errorResponses, ...notFound },
});
