/**
 * Environment parsed once per cold start. The names are set by the shared function construct (CDK)
 * and by the local stack from the same `Access` declaration, so a function only sees what it was
 * granted. There are no defaults for resource names: a missing one fails loudly.
 */
import * as z from 'zod';

const name = z.string().min(1);

const schemas = {
  table: z.object({ TABLE_NAME: name }),
  bus: z.object({ BUS_NAME: name }),
  ses: z.object({ SES_CONFIGURATION_SET: name, SES_FROM_ADDRESS: name.optional() }),
  /**
   * Sender domains: the configuration set and the ARN prefix (`arn:aws:ses:<region>:<account>:`) that
   * name resources in tenant associations; SES_TENANT_PREFIX set means each workspace sends as its own
   * SES tenant; DNS_SERVERS (`host:port`, comma-separated) only where the resolver is not the system's.
   */
  senders: z.object({
    AWS_REGION: name,
    SES_CONFIGURATION_SET: name,
    SES_ARN_PREFIX: name,
    SES_TENANT_PREFIX: name.optional(),
    DNS_SERVERS: name.optional(),
  }),
  scheduler: z.object({
    SCHEDULER_GROUP: name,
    SCHEDULER_ROLE_ARN: name,
    SCHEDULED_TARGET_ARN: name,
  }),
  /** The queue that carries due timers to the fire-timer function. */
  timerQueue: z.object({ QUEUE_URL_FIRE_TIMER: name }),
  /**
   * Where the public pages are served (unsubscribe and confirmation links): the HTTP API's URL, or the
   * deployment's own domain (`-c publicUrl=`); the local API's URL locally.
   */
  links: z.object({ PUBLIC_URL: z.url({ protocol: /^https?$/ }) }),
  /** The queue that carries send requests to the send-email function. */
  sendQueue: z.object({ QUEUE_URL_SEND_EMAIL: name }),
  /** The campaign work queue (snapshots, dispatches, sweeps). */
  campaignWorkQueue: z.object({ QUEUE_URL_CAMPAIGN_WORK: name }),
  /**
   * How often a sending campaign's finish check looks, in seconds (first look after the last wave,
   * then at least this often): 60 by default; the local stack looks sooner.
   */
  campaignFinish: z.object({
    CAMPAIGN_FINISH_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  }),
  /**
   * Outgoing webhooks. WEBHOOK_ALLOW_LOCAL_TARGETS=true (the local stack only) allows http and private,
   * loopback and link-local addresses, so a receiver on the same machine can be used; anything else is
   * the deployed, strict behaviour. The retry schedule (seconds: first backoff, longest backoff, the
   * window after which a delivery is dead), the POST deadline and the failing time after which an
   * endpoint is disabled default to the documented values; tests shrink them.
   */
  outgoingWebhooks: z.object({
    WEBHOOK_ALLOW_LOCAL_TARGETS: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    WEBHOOK_RETRY_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(7200),
    WEBHOOK_RETRY_WINDOW_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 86_400)
      .default(86_400),
    WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(30).default(10),
    WEBHOOK_DISABLE_AFTER_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(3 * 86_400),
  }),
  /**
   * Sign-in of people (every HTTP function: any of them may be called with a user's token): the user
   * pool's issuer and JWKS, its app client, its OAuth domain, the console's origin (the redirect URI is
   * `${CONSOLE_URL}/auth/callback`) and whether cookies are Secure (`false` on the local stack only).
   */
  auth: z.object({
    AUTH_ISSUER: z.url({ protocol: /^https?$/ }),
    AUTH_JWKS_URI: z.url({ protocol: /^https?$/ }),
    AUTH_CLIENT_ID: name,
    AUTH_OAUTH_URL: z.url({ protocol: /^https?$/ }),
    CONSOLE_URL: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, '')),
    AUTH_COOKIE_SECURE: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
  }),
  /** The user pool the users API invites people into (`userPool: 'manage'`). */
  userPool: z.object({ AUTH_USER_POOL_ID: name }),
  /** The key that encrypts connection secrets: its ARN in AWS, the local KMS key's ARN locally. */
  kms: z.object({ SECRETS_KEY_ID: name }),
} as const;

type Part = keyof typeof schemas;
type ConfigOf<P extends Part> = z.infer<(typeof schemas)[P]>;

const cache = new Map<Part, unknown>();

export class ConfigurationError extends Error {}

/** Read and validate one part of the environment; throws ConfigurationError naming each missing variable. */
export const config = <P extends Part>(part: P, env: NodeJS.ProcessEnv = process.env): ConfigOf<P> => {
  const cached = cache.get(part);
  if (cached !== undefined && env === process.env) return cached as ConfigOf<P>;
  const parsed = schemas[part].safeParse(env);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigurationError(`environment is missing or invalid for ${part}: ${missing}`);
  }
  if (env === process.env) cache.set(part, parsed.data);
  return parsed.data as ConfigOf<P>;
};
