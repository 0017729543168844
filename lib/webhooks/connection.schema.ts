/** Storefront connections: one per shop (or Stripe account) sending webhooks to a workspace. */
import * as z from 'zod';

export const PROVIDERS = ['shopify', 'woocommerce', 'stripe', 'generic'] as const;
export const providerSchema = z.enum(PROVIDERS);

export const connectionIdSchema = z.string().regex(/^cn_[0-9a-z]{26}$/, 'not a connection id');

export const CONNECTION_LIMITS = {
  secrets: 3,
  secretLength: 512,
  defaultGraceHours: 24,
  maxGraceHours: 24 * 14,
  defaultAbandonedCheckoutMinutes: 60,
} as const;

const secretInput = z.string().trim().min(8, 'at least 8 characters').max(CONNECTION_LIMITS.secretLength);

const settings = z.strictObject({
  /** Minutes without an order after which a checkout with an email counts as abandoned. */
  abandonedCheckoutMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(CONNECTION_LIMITS.defaultAbandonedCheckoutMinutes),
});

/** POST /v1/connections. `generic` connections get a secret from ecrm; the others bring the shop's. */
export const createConnectionBody = z
  .strictObject({
    kind: providerSchema,
    name: z.string().trim().min(1).max(100),
    secret: secretInput.optional(),
    settings: settings.optional(),
  })
  .refine((b) => b.kind === 'generic' || b.secret !== undefined, {
    message:
      'the signing secret the shop shows (Shopify app secret, WooCommerce webhook secret, Stripe whsec_...)',
    path: ['secret'],
  });

/** POST /v1/connections/{connectionId}/rotate-secret */
export const rotateSecretBody = z.strictObject({
  secret: secretInput.optional(),
  /** How long the previous secret keeps verifying deliveries. */
  graceHours: z
    .number()
    .int()
    .min(0)
    .max(CONNECTION_LIMITS.maxGraceHours)
    .default(CONNECTION_LIMITS.defaultGraceHours),
});

export const storedSecret = z.object({
  id: z.string(),
  sealed: z.string(),
  /** The last 4 characters, so a person can tell secrets apart. */
  hint: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
});

export const connectionRecord = z.object({
  type: z.literal('connection'),
  v: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  kind: providerSchema,
  name: z.string(),
  secrets: z.array(storedSecret).min(1),
  settings: z.object({ abandonedCheckoutMinutes: z.number().int() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Connection = z.infer<typeof connectionRecord>;

export const connectionView = z.object({
  id: z.string(),
  kind: providerSchema,
  name: z.string(),
  webhookPath: z.string(),
  secrets: z.array(
    z.object({ id: z.string(), hint: z.string(), createdAt: z.string(), expiresAt: z.string().nullable() }),
  ),
  settings: z.object({ abandonedCheckoutMinutes: z.number() }),
  createdAt: z.string(),
});

export const webhookPath = (c: Pick<Connection, 'workspaceId' | 'id'>) =>
  `/v1/webhooks/${c.workspaceId}/${c.id}`;

export const toConnectionView = (c: Connection): z.infer<typeof connectionView> => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  webhookPath: webhookPath(c),
  secrets: c.secrets.map((s) => ({
    id: s.id,
    hint: s.hint,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt ?? null,
  })),
  settings: c.settings,
  createdAt: c.createdAt,
});
