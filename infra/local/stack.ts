/**
 * The local stack: DynamoDB Local with the deployed table definition, the local SES v2 endpoint, the
 * local EventBridge bus with the catalogue's rules, the local Scheduler, the local KMS (the secrets key),
 * the local Cognito (sign-in of people), the table stream feeding the outbox relay, and the HTTP API — all wired from the function catalogue to
 * the same handlers that ship, through the real AWS SDK clients pointed at local endpoints.
 */

import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import * as z from 'zod';
import type { Table } from '../../lib/shared/table.ts';
import { functions } from '../catalogue/functions.ts';
import { DEFAULT_TIMEOUT_SECONDS, type FunctionSpec, queueUrlVariable } from '../catalogue/types.ts';
import { sesResetMailer } from './cognito-mail.ts';
import { consoleDist } from './console-build.ts';
import { consoleFiles } from './console-files.ts';
import {
  createProjectTable,
  localDocumentClient,
  localDynamoDbClient,
  startDynamoDbLocal,
} from './dynamodb-local.ts';
import { type HttpLambda, type LocalHttpApi, startLocalHttpApi } from './http-api.ts';
import { invokeAs } from './invocation-context.ts';
import { loadOrCreateKmsKey } from './kms-key-file.ts';
import { startLocalClock } from './local-clock.ts';
import { type LocalCognito, startLocalCognito } from './local-cognito.ts';
import { type LocalEventBridge, startLocalEventBridge } from './local-eventbridge.ts';
import { type LocalKms, startLocalKms } from './local-kms.ts';
import { type LocalQueues, startLocalQueues } from './local-queue.ts';
import { type LocalScheduler, startLocalScheduler } from './local-scheduler.ts';
import { moveProcessClock } from './process-clock.ts';
import { type LocalDns, startLocalDns } from './ses-dns.ts';
import { type SesFront, startSesFront } from './ses-front.ts';
import { startSesLocal } from './ses-local.ts';
import { type StreamPoller, startStreamPoller } from './stream-poller.ts';

export const LOCAL_BUS = 'ecrm-local';
export const LOCAL_SCHEDULE_GROUP = 'ecrm-local';
/** The deployed key's alias is `alias/ecrm-<stage>-secrets`; locally the stage is `local`. */
export const LOCAL_SECRETS_KEY_ALIAS = 'alias/ecrm-local-secrets';
/** The configuration set the functions send with; the local SES publishes its events to the default bus. */
export const LOCAL_CONFIGURATION_SET = 'ecrm-local';
const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

export interface LocalStackOptions {
  /** API port; 0 or absent picks a free one. */
  readonly port?: number;
  /** Use a running DynamoDB Local instead of starting one (tests share one JVM). */
  readonly dynamodb?: { readonly endpoint: string };
  /** Keep DynamoDB data in this folder instead of in memory. */
  readonly dataPath?: string;
  readonly tableName?: string;
  /** Store mail in this running `aws-ses-v2-local` instead of starting one (the SES front still runs). */
  readonly sesEndpoint?: string;
  readonly seedDemo?: boolean;
  readonly quiet?: boolean;
  /** Each workspace sends as its own SES tenant (SES_TENANT_PREFIX=local), as a deployment can be configured. */
  readonly sesTenants?: boolean;
  /** The built console the API serves on every other GET (default `console/dist`; tests pass a fixture). */
  readonly consoleDir?: string;
}

export interface LocalStack {
  readonly apiUrl: string;
  /** The console's origin (no trailing slash), served by the API: the API's URL, as CONSOLE_URL. */
  readonly consoleUrl: string;
  readonly tableName: string;
  readonly dynamodbEndpoint: string;
  /** The local SES the functions use (the front; `/store` and the web view pass through to the store). */
  readonly sesEndpoint: string;
  readonly sesWebViewUrl: string;
  /**
   * The local SES front: identities, tenants, the account (quota, pause), every accepted message with
   * its tags, configuration set and tenant, and hooks to inject opens, clicks and other SES events.
   */
  readonly ses: SesFront;
  /**
   * The DNS server the functions resolve through (DNS_SERVERS): a verified identity's records count as
   * added; `setTxt` / `removeTxt` change what a name answers (e.g. a domain without DMARC).
   */
  readonly dns: LocalDns;
  readonly table: Table;
  readonly bus: LocalEventBridge;
  readonly scheduler: LocalScheduler;
  /** The accelerated clock's endpoint (local-clock.ts): `POST /clock {"advance": "2h"}`. */
  readonly clockUrl: string;
  /** The SQS queues of `queue`-triggered functions (the timer queue). */
  readonly queues: LocalQueues;
  /** Holds the secrets key (SECRETS_KEY_ID); kept across runs in `dataPath` when one is given. */
  readonly kms: LocalKms;
  /**
   * The user pool (sign-in, invitations: `cognito.invitations` holds the temporary passwords Cognito
   * would email); its issuer and client are the functions' AUTH_* settings.
   */
  readonly cognito: LocalCognito;
  /** The outbox relay's stream poller: `stop()` it to play a crash between write and publish. */
  readonly relay: { pause(): Promise<void>; resume(): Promise<void> };
  /** Resolves when no write is waiting to be relayed and no event is being delivered. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** Load a function's handler module as the Lambda runtime would: by its entry, exporting `handler`. */
const loadHandler = async (
  spec: FunctionSpec,
): Promise<(event: unknown, context: object) => Promise<unknown>> => {
  const mod: unknown = await import(new URL(`../../${spec.entry}`, import.meta.url).href);
  const fn = typeof mod === 'object' && mod !== null && 'handler' in mod ? mod.handler : undefined;
  if (typeof fn !== 'function') throw new Error(`${spec.entry} does not export a handler function`);
  return async (event, context): Promise<unknown> => Reflect.apply(fn, undefined, [event, context]);
};

const lazy = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    return value;
  };
};

/** The Lambda context a local invocation gets: its name, a request id, and its time left (its timeout). */
const context = (spec: FunctionSpec) => {
  const deadline = Date.now() + (spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  return {
    functionName: spec.name,
    awsRequestId: `local-${Date.now()}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
};

export const startLocalStack = async (options: LocalStackOptions = {}): Promise<LocalStack> => {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stoppers.reverse()) await s().catch(() => {});
  };
  try {
    const tableName = options.tableName ?? 'ecrm-local';
    let dynamodbEndpoint: string;
    if (options.dynamodb) {
      dynamodbEndpoint = options.dynamodb.endpoint;
      await createProjectTable(localDynamoDbClient(dynamodbEndpoint), tableName);
    } else {
      log('starting DynamoDB Local…');
      const ddb = await startDynamoDbLocal({
        tableName,
        ...(options.dataPath ? { dataPath: options.dataPath } : {}),
      });
      stoppers.push(() => ddb.stop());
      dynamodbEndpoint = ddb.endpoint;
    }
    const { streamArn } = await createProjectTable(localDynamoDbClient(dynamodbEndpoint), tableName);
    if (!streamArn) throw new Error(`table ${tableName} has no stream`);

    let sesStore = options.sesEndpoint;
    if (!sesStore) {
      const store = await startSesLocal();
      stoppers.push(() => store.stop());
      sesStore = store.endpoint;
    }

    // A rule's function that throws is tried again after 1 s and 2 s (Lambda's asynchronous retries,
    // a minute apart in AWS, scaled down): a moment of DynamoDB Local under load is not a lost event.
    const bus = await startLocalEventBridge({
      eventBusNames: [LOCAL_BUS],
      region: REGION,
      account: ACCOUNT,
      retry: { attempts: 3, baseDelayMs: 1_000, maxDelayMs: 2_000 },
    });
    stoppers.push(() => bus.stop());
    // What AWS would put in the function's on-failure queue (and alarm on) is said here, never silent.
    bus.on('dead-letter', (dead) =>
      console.error(
        `local stack: ${dead.rule} failed ${dead.attempts} times on ${dead.event['detail-type']} ${dead.event.id}; dropped`,
        dead.error,
      ),
    );
    const scheduler = await startLocalScheduler({
      scheduleGroups: [LOCAL_SCHEDULE_GROUP],
      region: REGION,
      account: ACCOUNT,
    });
    stoppers.push(() => scheduler.stop());
    const ses = await startSesFront({
      backend: sesStore,
      region: REGION,
      account: ACCOUNT,
      now: () => scheduler.now(),
      configurationSets: [LOCAL_CONFIGURATION_SET],
      publish: (event) => bus.putServiceEvent(event, 'default'),
      onError: (error) => console.error('local stack: SES front error', error),
    });
    stoppers.push(() => ses.stop());
    const dns = await startLocalDns({ published: (name) => ses.publishedTxt(name) });
    stoppers.push(() => dns.stop());
    const sesEndpoint = ses.endpoint;
    const sesWebViewUrl = `${ses.endpoint}/`;
    const queues = await startLocalQueues({ region: REGION, account: ACCOUNT, now: () => scheduler.now() });
    stoppers.push(() => queues.stop());
    const queueUrls = Object.fromEntries(
      functions.flatMap((f) =>
        f.trigger.kind === 'queue' ? [[queueUrlVariable(f.name), queues.create(f.name)]] : [],
      ),
    );
    const kms = await startLocalKms({
      region: REGION,
      account: ACCOUNT,
      alias: LOCAL_SECRETS_KEY_ALIAS,
      ...(options.dataPath ? loadOrCreateKmsKey(options.dataPath) : {}),
    });
    stoppers.push(() => kms.stop());
    const cognito = await startLocalCognito({
      region: REGION,
      onInvite: (email, password) =>
        log(`local Cognito: invited ${email}; temporary password ${password} (Cognito would email it)`),
      mailer: sesResetMailer(sesStore, {
        region: REGION,
        onSent: (to) => log(`local Cognito: password reset code mailed to ${to} (see ${sesWebViewUrl})`),
      }),
    });
    stoppers.push(() => cognito.stop());

    // The same variables the shared function construct sets in AWS, plus the local endpoints.
    const scheduledTarget = functions.find((f) => f.trigger.kind === 'scheduled-target');
    Object.assign(process.env, {
      AWS_REGION: REGION,
      AWS_DEFAULT_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamodbEndpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamodbEndpoint,
      AWS_ENDPOINT_URL_SESV2: sesEndpoint,
      AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
      AWS_ENDPOINT_URL_SCHEDULER: scheduler.endpoint,
      AWS_ENDPOINT_URL_KMS: kms.endpoint,
      AWS_ENDPOINT_URL_SQS: queues.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      // Sign-in of people (every HTTP function); CONSOLE_URL follows once the API's URL is known.
      AUTH_ISSUER: cognito.issuer,
      AUTH_JWKS_URI: cognito.jwksUri,
      AUTH_CLIENT_ID: cognito.clientId,
      AUTH_OAUTH_URL: cognito.endpoint,
      AUTH_COOKIE_SECURE: 'false',
      AUTH_USER_POOL_ID: cognito.poolId,
      ...queueUrls,
      TABLE_NAME: tableName,
      BUS_NAME: LOCAL_BUS,
      // A sending campaign's finish check looks every few seconds here (a minute in AWS).
      CAMPAIGN_FINISH_POLL_SECONDS: process.env.CAMPAIGN_FINISH_POLL_SECONDS ?? '3',
      // Outgoing webhooks may call a receiver on this machine (http, loopback); deployed, never.
      WEBHOOK_ALLOW_LOCAL_TARGETS: 'true',
      SES_CONFIGURATION_SET: LOCAL_CONFIGURATION_SET,
      SES_ARN_PREFIX: `arn:aws:ses:${REGION}:${ACCOUNT}:`,
      DNS_SERVERS: dns.server,
      SCHEDULER_GROUP: LOCAL_SCHEDULE_GROUP,
      SCHEDULER_ROLE_ARN: `arn:aws:iam::${ACCOUNT}:role/ecrm-local-scheduler`,
      SCHEDULED_TARGET_ARN: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${scheduledTarget?.name ?? 'none'}`,
      SECRETS_KEY_ID: kms.keyArn,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? (options.quiet ? 'ERROR' : 'WARN'),
      // CloudWatch metrics (EMF lines) mean nothing without CloudWatch: keep the console readable.
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    });
    // Read once per process by the functions' configuration, like a deployment's setting.
    if (options.sesTenants) process.env.SES_TENANT_PREFIX = 'local';
    else delete process.env.SES_TENANT_PREFIX;

    const byArn = new Map<string, FunctionSpec>();
    let relay: StreamPoller | undefined;
    const startRelay = async () => {
      const spec = functions.find((f) => f.trigger.kind === 'stream');
      if (spec?.trigger.kind !== 'stream') return;
      const handler = lazy(() => loadHandler(spec));
      relay = await startStreamPoller({
        endpoint: dynamodbEndpoint,
        streamArn,
        batchSize: spec.trigger.batchSize,
        startingPosition: 'TRIM_HORIZON',
        onError: (error) => console.error('local stack: stream poller error', error),
        onFailure: (failure) =>
          console.error('local stack: outbox batch failed every attempt', failure.error),
        handler: async (event: DynamoDBStreamEvent) => {
          const fn = await handler();
          await invokeAs(spec.name, () => fn(event, context(spec)));
        },
      });
    };

    const routes: { name: string; spec: FunctionSpec; handler: () => Promise<HttpLambda> }[] = [];
    for (const spec of functions) {
      const load = lazy(() => loadHandler(spec));
      byArn.set(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:${spec.name}`, spec);
      switch (spec.trigger.kind) {
        case 'http':
          routes.push({
            name: spec.name,
            spec,
            handler: async () => {
              const fn = await load();
              return async (event: APIGatewayProxyEventV2, ctx: object) => {
                const result = await fn(event, ctx);
                return httpResult.parse(result);
              };
            },
          });
          break;
        case 'event':
          bus.addRule({
            name: spec.name,
            eventBusName: LOCAL_BUS,
            pattern: spec.trigger.pattern,
            target: async (event) => {
              const fn = await load();
              await invokeAs(spec.name, () => fn(event, context(spec)));
            },
          });
          break;
        case 'queue': {
          const { batchSize, maxReceiveCount, defaultBusRule, busRule } = spec.trigger;
          // As in AWS: a rule on the default bus (where the local SES publishes) or on the ecrm bus sends
          // each matching event, whole, as one message to the function's queue.
          const feeds = [
            ...(defaultBusRule ? [{ busName: 'default', pattern: defaultBusRule, suffix: 'feed' }] : []),
            ...(busRule ? [{ busName: LOCAL_BUS, pattern: busRule, suffix: 'bus-feed' }] : []),
          ];
          if (feeds.length > 0) {
            const sqs = new SQSClient({
              endpoint: queues.endpoint,
              region: REGION,
              credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
            });
            const queueUrl = queues.url(spec.name);
            for (const { busName, pattern, suffix } of feeds)
              bus.addRule({
                name: `${spec.name}-${suffix}`,
                eventBusName: busName,
                pattern,
                target: async (event) => {
                  await sqs.send(
                    new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(event) }),
                  );
                },
              });
          }
          queues.consume(
            spec.name,
            async (event) => {
              const fn = await load();
              return sqsBatchResult.parse(await invokeAs(spec.name, () => fn(event, context(spec))));
            },
            { batchSize, maxReceiveCount },
          );
          break;
        }
        case 'schedule':
        case 'scheduled-target':
        case 'stream':
          break;
      }
    }
    scheduler.onFire(async (invocation) => {
      const spec = byArn.get(invocation.targetArn);
      if (!spec) throw new Error(`no local function for ${invocation.targetArn}`);
      const fn = await loadHandler(spec);
      const input: unknown = invocation.input ? JSON.parse(invocation.input) : {};
      await invokeAs(spec.name, () => fn(input, context(spec)));
    });

    await startRelay();
    stoppers.push(async () => relay?.stop());

    const api: LocalHttpApi = await startLocalHttpApi({
      routes: routes.flatMap((r) =>
        r.spec.trigger.kind === 'http'
          ? [{ name: r.name, spec: r.spec.trigger.route, handler: r.handler }]
          : [],
      ),
      ...(options.port ? { port: options.port } : {}),
      // One origin: every other GET is the console's (infra/local/console-files.ts).
      fallback: consoleFiles({
        root: options.consoleDir ?? consoleDist,
        signInOrigins: () => (process.env.AUTH_OAUTH_URL ? [new URL(process.env.AUTH_OAUTH_URL).origin] : []),
      }),
    });
    stoppers.push(() => api.close());
    // Links in emails point at the local pages; handlers read it on first use, after the API is up.
    process.env.PUBLIC_URL = api.url;
    // The console is served from the API's origin: sign-in comes back to it.
    process.env.CONSOLE_URL = api.url;
    cognito.allowUrls({ callback: `${api.url}/auth/callback`, logout: `${api.url}/` });

    const table: Table = {
      client: localDocumentClient(dynamodbEndpoint),
      name: tableName,
    };

    // Quiet means: nothing in flight anywhere and no new bus event across two rounds 100 ms apart
    // (DynamoDB Local can take a moment to show a write on its stream).
    const idle = async () => {
      let seen = -1;
      let stable = 0;
      while (stable < 2) {
        await relay?.idle();
        await ses.idle();
        await bus.idle();
        await scheduler.idle();
        await queues.idle();
        await relay?.idle();
        stable = bus.events.length === seen ? stable + 1 : 0;
        seen = bus.events.length;
        if (stable < 2) await new Promise((r) => setTimeout(r, stable === 0 ? 20 : 100));
      }
    };

    const clock = await startLocalClock({
      now: () => scheduler.now(),
      advance: async (ms) => {
        moveProcessClock(ms);
        await scheduler.runDue();
      },
      settle: idle,
    });
    stoppers.push(() => clock.stop());

    return {
      apiUrl: api.url,
      clockUrl: `${clock.url}/clock`,
      consoleUrl: api.url,
      tableName,
      dynamodbEndpoint,
      sesEndpoint,
      sesWebViewUrl,
      ses,
      dns,
      table,
      bus,
      scheduler,
      queues,
      kms,
      cognito,
      relay: {
        pause: async () => {
          await relay?.stop();
          relay = undefined;
        },
        resume: async () => {
          if (!relay) await startRelay();
        },
      },
      idle,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

const httpResult = z
  .object({
    statusCode: z.number().int(),
    headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    body: z.string().optional(),
    cookies: z.array(z.string()).optional(),
  })
  .transform((r): APIGatewayProxyStructuredResultV2 => r);

const sqsBatchResult = z
  .object({ batchItemFailures: z.array(z.object({ itemIdentifier: z.string() })) })
  .optional();
