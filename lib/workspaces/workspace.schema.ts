import * as z from 'zod';
import { emailSettingsSchema } from './email-settings.schema.ts';

export const SCOPES = ['admin', 'write', 'read', 'ingest'] as const;
export const scopeSchema = z.enum(SCOPES);

export const workspaceIdSchema = z
  .string()
  .regex(/^ws_[a-z0-9_]{3,40}$/, 'a workspace id is ws_ followed by 3-40 lower-case letters, digits or _');

/** Ingest rate limits, in requests per second averaged over the limiter's window. */
export const rateLimitsSchema = z.strictObject({
  perKey: z.number().int().min(1).max(100_000).optional(),
  perWorkspace: z.number().int().min(1).max(1_000_000).optional(),
});
export type RateLimits = z.infer<typeof rateLimitsSchema>;

/** A web origin as browsers send it in `Origin`: scheme, host and port only (`https://shop.example`). */
export const originSchema = z
  .string()
  .max(200)
  .refine((value) => {
    try {
      return new URL(value).origin === value;
    } catch {
      return false;
    }
  }, 'an origin is scheme://host[:port] with nothing after it, e.g. https://shop.example');

/** The workspace item as stored. */
export const workspaceItem = z.object({
  type: z.literal('workspace'),
  v: z.literal(1),
  id: workspaceIdSchema,
  name: z.string(),
  createdAt: z.string(),
  /** Set when the deployment's admin started deleting the workspace with all its data. */
  deletingSince: z.string().optional(),
  settings: z.object({
    /** Days a raw timeline entry is kept before TTL removes it; roll-ups on the contact stay. */
    timelineRetentionDays: z.number().int().positive(),
    /** Ingest requests per second (per key, per workspace); defaults in `rate-limit.ts` when absent. */
    rateLimits: rateLimitsSchema.optional(),
    /** Email settings (locale, postal address, topics...); `DEFAULT_EMAIL_SETTINGS` when absent. */
    email: emailSettingsSchema.optional(),
  }),
});
export type Workspace = z.infer<typeof workspaceItem>;

/** An API key as stored: only the hash of its secret. */
export const apiKeyItem = z.object({
  type: z.literal('apiKey'),
  v: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  scopes: z.array(scopeSchema).min(1),
  secretHash: z.string(),
  /** Browser origins this key may be used from (checked against `Origin`); absent means any. */
  allowedOrigins: z.array(z.string()).optional(),
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});
export type ApiKey = z.infer<typeof apiKeyItem>;

/** What callers may see of a key: never the hash. */
export const apiKeyView = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  scopes: key.scopes,
  allowedOrigins: key.allowedOrigins ?? null,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt ?? null,
});
