/**
 * The function catalogue's vocabulary. Each Lambda is declared once (entry, trigger, access); the CDK
 * app and the local stack both read the catalogue, so local and deployed wiring cannot drift.
 */
import type { RouteSpec } from '../../lib/shared/http/route.ts';

/** An EventBridge event pattern, as plain JSON. */
export type EventPattern = Readonly<Record<string, unknown>>;

export type Trigger =
  /** One HTTP API route; its function authenticates the API key unless the route is public. */
  | { readonly kind: 'http'; readonly route: RouteSpec }
  /** A rule on the ecrm bus. */
  | { readonly kind: 'event'; readonly pattern: EventPattern }
  /** The table's stream (the outbox relay). */
  | { readonly kind: 'stream'; readonly batchSize: number }
  /** A recurring EventBridge Scheduler schedule. */
  | { readonly kind: 'schedule'; readonly expression: string }
  /** Invoked by one-time EventBridge Scheduler schedules that the code creates. */
  | { readonly kind: 'scheduled-target' }
  /**
   * An SQS queue of its own (with a DLQ after `maxReceiveCount` receives), polled in batches; the
   * handler reports failed messages (ReportBatchItemFailures) so only those are redelivered.
   */
  | {
      readonly kind: 'queue';
      readonly batchSize: number;
      readonly maxReceiveCount: number;
      /** Concurrent invocations at most (the event source's maximum concurrency), e.g. to split a send rate. */
      readonly maxConcurrency?: number;
      /**
       * Fill the queue from a rule on the account's **default** bus (where AWS services such as SES
       * publish) with this pattern, instead of (or besides) `sendTo` senders: the queue gives the
       * back-pressure a burst of service events needs.
       */
      readonly defaultBusRule?: EventPattern;
      /** Fill the queue from a rule on the ecrm bus with this pattern too (each matching event, whole, as one message). */
      readonly busRule?: EventPattern;
    };

export interface Access {
  readonly table?: 'read' | 'readWrite';
  readonly bus?: 'put';
  /**
   * `send`: ses:SendEmail and ses:SendBulkEmail through the configuration set, and ses:GetAccount (the
   * quota); `account`: ses:GetAccount alone.
   */
  readonly ses?: 'send' | 'account';
  /**
   * SES identities and tenants of sender domains: `read` (GetEmailIdentity) or `manage` (create, MAIL FROM,
   * delete, tenants and their resource associations); env SES_CONFIGURATION_SET, SES_ARN_PREFIX and, where
   * the deployment uses tenants, SES_TENANT_PREFIX.
   */
  readonly sesIdentities?: 'read' | 'manage';
  /** Create and delete one-time schedules that target `scheduled-target` functions. */
  readonly scheduler?: 'manage';
  /** Send messages to the queues of these `queue`-triggered functions (env `QUEUE_URL_<NAME>` each). */
  readonly sendTo?: string | readonly string[];
  /** kms:Encrypt and/or kms:Decrypt with the secrets key (connection signing secrets), nothing else. */
  readonly kms?: 'encrypt' | 'decrypt' | 'encryptDecrypt';
  /**
   * Builds links to the public pages (unsubscribe, confirmation): env `PUBLIC_URL`, the deployment's
   * public base URL (`-c publicUrl=`, else the HTTP API's URL). Signing needs `kms: 'encryptDecrypt'` too.
   */
  readonly links?: true;
  /**
   * The user pool's people: cognito-idp:AdminCreateUser, AdminGetUser, AdminDeleteUser,
   * AdminSetUserPassword and ListUsers on the pool; env `AUTH_USER_POOL_ID`. (Every HTTP function gets
   * the sign-in variables, AUTH_*, CONSOLE_URL, without asking: any of them may be called by a user.)
   */
  readonly userPool?: 'manage';
}

/** A function's memory and timeout when its spec sets none: as deployed, and as the local stack runs it. */
export const DEFAULT_MEMORY_MB = 256;
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** The environment variable that holds the URL of a queue-triggered function's queue. */
export const queueUrlVariable = (functionName: string) =>
  `QUEUE_URL_${functionName.toUpperCase().replaceAll('-', '_')}`;

export interface FunctionSpec {
  /** kebab-case, unique; also the local name and the suffix of the deployed function name. */
  readonly name: string;
  /** Path of the handler module from the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly trigger: Trigger;
  readonly access: Access;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
}
