/**
 * Outgoing webhook endpoints: an HTTPS URL of the workspace's, the event types it takes, and the
 * signing secrets (sealed with KMS, shown once). `rev` makes every write conditional on what the
 * writer read: two editors at once, one wins, the other gets a 409.
 */
import * as z from 'zod';
import { newId } from '../shared/ids.ts';
import { SUBSCRIBABLE_EVENT_TYPES } from './subscribable-events.ts';

/** `whe_` and 26 lower-case Crockford base32 characters (time-ordered). */
export const endpointIdSchema = z.string().regex(/^whe_[0-9a-z]{26}$/, 'not a webhook endpoint id');
export const newEndpointId = (now: Date): string => newId('whe', now);

export const ENDPOINT_LIMITS = {
  urlLength: 2048,
  descriptionLength: 200,
  /** Secrets signing at once: the new one and those in their grace period. */
  secrets: 3,
  defaultGraceHours: 24,
  maxGraceHours: 24 * 7,
} as const;

export const eventTypeSchema = z.enum(SUBSCRIBABLE_EVENT_TYPES);

const eventTypes = z
  .array(eventTypeSchema)
  .min(1, 'at least one event type')
  .max(SUBSCRIBABLE_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'each event type once');

/** Only the shape here: whether the address may be called is the policy's (endpoint-address.ts). */
const url = z
  .string()
  .trim()
  .max(ENDPOINT_LIMITS.urlLength)
  .pipe(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }));

const description = z.string().trim().max(ENDPOINT_LIMITS.descriptionLength);

/** POST /v1/webhook-endpoints */
export const createEndpointBody = z.strictObject({
  url,
  eventTypes,
  description: description.optional(),
  enabled: z.boolean().default(true),
});

/** PATCH /v1/webhook-endpoints/{endpointId}: what is given changes. */
export const updateEndpointBody = z
  .strictObject({
    url: url.optional(),
    eventTypes: eventTypes.optional(),
    description: description.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'change something: url, eventTypes, description or enabled',
    path: ['url'],
  });

/** POST /v1/webhook-endpoints/{endpointId}/rotate-secret */
export const rotateEndpointSecretBody = z.strictObject({
  /** How long the previous secrets keep signing beside the new one. */
  graceHours: z
    .number()
    .int()
    .min(0)
    .max(ENDPOINT_LIMITS.maxGraceHours)
    .default(ENDPOINT_LIMITS.defaultGraceHours),
});

export const endpointListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

const storedSecret = z.object({
  id: z.string(),
  sealed: z.string(),
  /** The last 4 characters, so a person can tell secrets apart. */
  hint: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
});
export type StoredSecret = z.infer<typeof storedSecret>;

export const ENDPOINT_STATUSES = ['enabled', 'disabled'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

export const endpointRecord = z.object({
  type: z.literal('webhookEndpoint'),
  v: z.literal(1),
  id: z.string(),
  workspaceId: z.string(),
  url: z.string(),
  eventTypes: z.array(eventTypeSchema),
  description: z.string().optional(),
  status: z.enum(ENDPOINT_STATUSES),
  /** Why it is disabled: by hand, or its deliveries kept failing. */
  disabledReason: z.enum(['manual', 'failing']).optional(),
  disabledAt: z.string().optional(),
  /** Since when its deliveries fail with no success in between (cleared by a success). */
  failingSince: z.string().optional(),
  secrets: z.array(storedSecret).min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number().int().nonnegative(),
});
export type Endpoint = z.infer<typeof endpointRecord>;

export const endpointViewSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string().optional(),
  status: z.enum(ENDPOINT_STATUSES),
  disabledReason: z.enum(['manual', 'failing']).optional(),
  disabledAt: z.string().optional(),
  failingSince: z
    .string()
    .optional()
    .describe('deliveries fail since then with no success in between; the endpoint is disabled after 3 days'),
  secrets: z
    .array(
      z.strictObject({
        id: z.string(),
        hint: z.string().describe('the last 4 characters'),
        createdAt: z.string(),
        expiresAt: z.string().nullable().describe('when it stops signing (after a rotation)'),
      }),
    )
    .describe('the secrets signing deliveries now: the newest first'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EndpointView = z.infer<typeof endpointViewSchema>;

export const liveSecrets = (endpoint: Endpoint, now: Date): StoredSecret[] => {
  const at = now.toISOString();
  return endpoint.secrets.filter((s) => s.expiresAt === undefined || s.expiresAt > at);
};

export const endpointView = (e: Endpoint, now: Date): EndpointView => ({
  id: e.id,
  url: e.url,
  eventTypes: e.eventTypes,
  ...(e.description !== undefined ? { description: e.description } : {}),
  status: e.status,
  ...(e.disabledReason !== undefined ? { disabledReason: e.disabledReason } : {}),
  ...(e.disabledAt !== undefined ? { disabledAt: e.disabledAt } : {}),
  ...(e.failingSince !== undefined ? { failingSince: e.failingSince } : {}),
  secrets: liveSecrets(e, now).map((s) => ({
    id: s.id,
    hint: s.hint,
    createdAt: s.createdAt,
    expiresAt: s.expiresAt ?? null,
  })),
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});
