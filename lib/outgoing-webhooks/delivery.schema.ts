/**
 * One domain event's delivery to one endpoint: the exact body it is sent with (every attempt sends the
 * same bytes), its status and its last attempts.
 *
 * Statuses: `pending` (created, or replayed: an attempt is on its way), `retrying` (an attempt failed,
 * the next one is a timer), `delivered` (a 2xx), `dead` (failing until its retry window closed, or its
 * endpoint was disabled or deleted meanwhile; a replay starts it again).
 */
import * as z from 'zod';

export const DELIVERY_STATUSES = ['pending', 'retrying', 'delivered', 'dead'] as const;
export const deliveryStatusSchema = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

/** A delivery's id is its event's id (one delivery per event and endpoint). */
export const deliveryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a delivery id');

export const DELIVERY_LIMITS = {
  /** Attempts kept on a delivery (the latest ones); `attemptCount` counts them all. */
  attemptsKept: 10,
  /** An error message as kept on an attempt. */
  errorLength: 200,
  /** Deliveries are kept this long after their last (re)start, then expire by TTL. */
  retentionDays: 30,
} as const;

export const attemptSchema = z.object({
  at: z.string(),
  /** The receiver's HTTP status, when it answered. */
  statusCode: z.number().int().optional(),
  /** Why it failed, short: a timeout, a refused address, a non-2xx status. */
  error: z.string().optional(),
  durationMs: z.number().int().nonnegative(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const deliveryRecord = z.object({
  type: z.literal('webhookDelivery'),
  v: z.literal(1),
  workspaceId: z.string(),
  endpointId: z.string(),
  /** The event's id: the delivery's id. */
  id: z.string(),
  eventType: z.string(),
  /** The exact JSON body every attempt sends (and signs). */
  body: z.string(),
  status: deliveryStatusSchema,
  /** The highest attempt number claimed, and when: an attempt is made by whoever claims it. */
  claimed: z.number().int().nonnegative(),
  claimedAt: z.string().optional(),
  attemptCount: z.number().int().nonnegative(),
  attempts: z.array(attemptSchema),
  /** The start of the retry window: the first attempt, or the last replay. */
  windowStart: z.string(),
  nextAttemptAt: z.string().optional(),
  deliveredAt: z.string().optional(),
  deadAt: z.string().optional(),
  createdAt: z.string(),
  ttl: z.number().int(),
});
export type Delivery = z.infer<typeof deliveryRecord>;

export const deliveryViewSchema = z.strictObject({
  id: z.string().describe("the event's id (also sent as `ecrm-event-id`)"),
  eventType: z.string(),
  status: deliveryStatusSchema,
  attemptCount: z.number().int(),
  attempts: z
    .array(
      z.strictObject({
        at: z.string(),
        statusCode: z.number().int().optional(),
        error: z.string().optional(),
        durationMs: z.number().int(),
      }),
    )
    .describe('the latest attempts, oldest first (at most 10)'),
  nextAttemptAt: z.string().optional(),
  deliveredAt: z.string().optional(),
  deadAt: z.string().optional(),
  createdAt: z.string(),
});
export type DeliveryView = z.infer<typeof deliveryViewSchema>;

export const deliveryView = (d: Delivery): DeliveryView => ({
  id: d.id,
  eventType: d.eventType,
  status: d.status,
  attemptCount: d.attemptCount,
  attempts: d.attempts.map((a) => ({
    at: a.at,
    ...(a.statusCode !== undefined ? { statusCode: a.statusCode } : {}),
    ...(a.error !== undefined ? { error: a.error } : {}),
    durationMs: a.durationMs,
  })),
  ...(d.nextAttemptAt !== undefined ? { nextAttemptAt: d.nextAttemptAt } : {}),
  ...(d.deliveredAt !== undefined ? { deliveredAt: d.deliveredAt } : {}),
  ...(d.deadAt !== undefined ? { deadAt: d.deadAt } : {}),
  createdAt: d.createdAt,
});

export const deliveryListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
  status: deliveryStatusSchema.optional(),
});
