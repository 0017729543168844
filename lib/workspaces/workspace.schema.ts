import * as z from 'zod';

export const SCOPES = ['admin', 'write', 'read', 'ingest'] as const;
export const scopeSchema = z.enum(SCOPES);

export const workspaceIdSchema = z
  .string()
  .regex(/^ws_[a-z0-9_]{3,40}$/, 'a workspace id is ws_ followed by 3-40 lower-case letters, digits or _');

/** The workspace item as stored. */
export const workspaceItem = z.object({
  type: z.literal('workspace'),
  v: z.literal(1),
  id: workspaceIdSchema,
  name: z.string(),
  createdAt: z.string(),
  settings: z.object({
    /** Days a raw timeline entry is kept before TTL removes it; roll-ups on the contact stay. */
    timelineRetentionDays: z.number().int().positive(),
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
  createdAt: z.string(),
  revokedAt: z.string().optional(),
});
export type ApiKey = z.infer<typeof apiKeyItem>;

/** What callers may see of a key: never the hash. */
export const apiKeyView = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  scopes: key.scopes,
  createdAt: key.createdAt,
  revokedAt: key.revokedAt ?? null,
});
