/**
 * The stateless half of ecrm, built from the function catalogue: one shared-construct function per entry,
 * then each trigger kind wired by its own construct (HTTP API, event rules, outbox relay, schedules), then
 * the console (CloudFront in front of its bucket and the API, one origin) and its sign-in client, then
 * each function's declared access bound, then alarms over everything. Replaceable at will: the data (and
 * the user pool) lives in the data stack.
 *
 * No dependency cycle although the sign-in client's callback names the distribution, the distribution
 * forwards to the API and the API's functions are told the client's id: the distribution depends on the
 * API resource alone (its endpoint), not on its routes or functions.
 *
 * CloudFormation allows 500 resources a stack, and each HTTP route costs four (function, integration,
 * permission, route). So the functions of the routes of one API tag, with their routes, are a nested stack
 * of their own (`ApiContacts`, `ApiCampaigns`…): one resource here, and `cdk deploy` still deploys
 * everything at once. The split follows the tag, so a new route never moves another function between
 * stacks (a function's name is fixed: moving it would be a replacement under the same name).
 */
import { CfnOutput, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import type { FunctionSpec, Trigger } from './catalogue/types.ts';
import { Alarms } from './constructs/alarms.construct.ts';
import { ConsoleHosting } from './constructs/console-hosting.construct.ts';
import { ConsoleSignIn } from './constructs/console-sign-in.construct.ts';
import { EcrmFunction, SharedRoles } from './constructs/ecrm-function.construct.ts';
import { EventRules } from './constructs/event-rules.construct.ts';
import { HttpApi } from './constructs/http-api.construct.ts';
import { Outbox } from './constructs/outbox.construct.ts';
import { Queues } from './constructs/queues.construct.ts';
import { Schedules } from './constructs/schedules.construct.ts';

export interface AppStackProps extends StackProps {
  /** Deployment stage, e.g. `dev` or `prod`; prefixes function names and the schedule group. */
  readonly stage: string;
  readonly functions: readonly FunctionSpec[];
  readonly table: dynamodb.ITable;
  readonly bus: events.IEventBus;
  readonly configurationSet: ses.IConfigurationSet;
  /** Encrypts connection secrets; bound to the functions whose access declares `kms`. */
  readonly secretsKey: kms.IKey;
  /** The SES identity senders may use; any identity of the account when omitted. */
  readonly sesIdentityArn?: string;
  /** Each workspace sends as its own SES tenant (context `sesTenants=true`). */
  readonly sesTenants?: boolean;
  /**
   * Where unsubscribe and confirmation links point (`https://mail.brand.example`, a custom domain in
   * front of the HTTP API); the HTTP API's own URL when omitted.
   */
  readonly publicUrl?: string;
  /** The console's users, in the data stack. */
  readonly userPool: cognito.IUserPool;
  /** The user pool's sign-in domain, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly oauthUrl: string;
  /** The built console to upload (index.html and `assets/`). */
  readonly consoleDir: string;
  /** The console's custom domain (`-c consoleDomain`); the distribution's own domain otherwise. */
  readonly consoleDomain?: string;
  /** The ACM certificate (us-east-1) of `consoleDomain`, so the distribution answers on it itself. */
  readonly consoleCertificateArn?: string;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
  /** Functions with X-Ray active tracing: `all`, or some names; none by default. */
  readonly tracing?: 'all' | readonly string[];
  /** Functions with an error alarm of their own, besides the product-wide one: `all`, or some names. */
  readonly alarmPerFunction?: 'all' | readonly string[];
}

const selects = (choice: 'all' | readonly string[] | undefined, name: string) =>
  choice === 'all' || (choice?.includes(name) ?? false);

type TriggerOf<K extends Trigger['kind']> = Extract<Trigger, { kind: K }>;

const hasKind = <K extends Trigger['kind']>(trigger: Trigger, kind: K): trigger is TriggerOf<K> =>
  trigger.kind === kind;

/** The catalogue's functions with the given trigger kind, each next to its trigger, narrowed. */
const withTrigger = <K extends Trigger['kind']>(fns: readonly EcrmFunction[], kind: K) =>
  fns.flatMap((handler) => {
    const { trigger } = handler.spec;
    return hasKind(trigger, kind) ? [{ handler, trigger }] : [];
  });

export class AppStack extends Stack {
  readonly functions: readonly EcrmFunction[];
  readonly httpApi: HttpApi;
  readonly console: ConsoleHosting;
  readonly signIn: ConsoleSignIn;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const namePrefix = `ecrm-${props.stage}`;
    assertUniqueNames(props.functions);

    for (const [what, choice] of [
      ['tracing', props.tracing],
      ['alarmPerFunction', props.alarmPerFunction],
    ] as const) {
      const unknown = Array.isArray(choice)
        ? choice.filter((n) => !props.functions.some((f) => f.name === n))
        : [];
      if (unknown.length)
        throw new Error(`${what} names functions the catalogue does not have: ${unknown.join(', ')}`);
    }
    // One log group for every function (each JSON line names its function and service).
    const functionLogs = new logs.LogGroup(this, 'FunctionLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const sharedRoles = new SharedRoles(this, 'SharedRoles');
    const apiStacks = new Map<string, NestedStack>();
    const scopeOf = (spec: FunctionSpec): Construct => {
      if (spec.trigger.kind !== 'http') return this;
      const { tag } = spec.trigger.route;
      let nested = apiStacks.get(tag);
      if (!nested) {
        nested = new NestedStack(this, apiStackId(tag), {
          description: `ecrm ${props.stage}: the functions and HTTP routes tagged ${tag}.`,
        });
        apiStacks.set(tag, nested);
      }
      return nested;
    };
    this.functions = props.functions.map(
      (spec) =>
        new EcrmFunction(scopeOf(spec), spec.name, {
          spec,
          namePrefix,
          tracing: selects(props.tracing, spec.name),
          logGroup: functionLogs,
          role: sharedRoles.roleFor(spec, selects(props.tracing, spec.name)),
        }),
    );

    this.httpApi = new HttpApi(this, 'Http', {
      name: namePrefix,
      routes: withTrigger(this.functions, 'http').map(({ handler, trigger }) => ({
        handler,
        route: trigger.route,
      })),
    });

    this.console = new ConsoleHosting(this, 'Console', {
      consoleDir: props.consoleDir,
      apiEndpoint: this.httpApi.api.apiEndpoint,
      signInUrl: props.oauthUrl,
      domainName: props.consoleDomain,
      certificateArn: props.consoleCertificateArn,
    });
    this.signIn = new ConsoleSignIn(this, 'SignIn', {
      userPool: props.userPool,
      oauthUrl: props.oauthUrl,
      consoleUrl: this.console.url,
    });

    new EventRules(this, 'Events', {
      bus: props.bus,
      subscriptions: withTrigger(this.functions, 'event').map(({ handler, trigger }) => ({
        handler,
        pattern: trigger.pattern,
      })),
    });

    const relays = withTrigger(this.functions, 'stream');
    if (relays.length > 1) throw new Error('the table stream has one consumer, the outbox relay');
    for (const { handler, trigger } of relays) {
      new Outbox(this, 'Outbox', { table: props.table, relay: handler, batchSize: trigger.batchSize });
    }

    const schedules = new Schedules(this, 'Schedules', {
      groupName: namePrefix,
      recurring: withTrigger(this.functions, 'schedule').map(({ handler, trigger }) => ({
        handler,
        expression: trigger.expression,
      })),
      scheduledTargets: withTrigger(this.functions, 'scheduled-target').map(({ handler }) => handler),
    });

    const queues = new Queues(this, 'Queues', {
      consumers: withTrigger(this.functions, 'queue').map(({ handler, trigger }) => ({
        handler,
        batchSize: trigger.batchSize,
        maxReceiveCount: trigger.maxReceiveCount,
        maxConcurrency: trigger.maxConcurrency,
        defaultBusRule: trigger.defaultBusRule,
        busRule: trigger.busRule,
      })),
      bus: props.bus,
    });

    for (const fn of this.functions) {
      fn.applyAccess({
        table: props.table,
        bus: props.bus,
        configurationSet: props.configurationSet,
        secretsKey: props.secretsKey,
        sesIdentityArn: props.sesIdentityArn,
        ...(props.sesTenants ? { sesTenantPrefix: namePrefix } : {}),
        scheduler: schedules.binding,
        queues: queues.byFunction,
        publicUrl: props.publicUrl ?? this.httpApi.url,
        auth: { environment: this.signIn.environment, userPool: props.userPool },
      });
    }

    this.alarms = new Alarms(this, 'Alarms', {
      watch: this,
      email: props.alarmEmail,
      alarmPerFunction: (name) => selects(props.alarmPerFunction, name),
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url, description: 'Base URL of the ecrm HTTP API.' });
    new CfnOutput(this, 'ConsoleUrl', {
      value: this.console.url,
      description: 'The marketer console (and the API under /v1, same origin).',
    });
    new CfnOutput(this, 'UserPoolId', {
      value: props.userPool.userPoolId,
      description: 'The console users.',
    });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.signIn.client.userPoolClientId,
      description: "The console's sign-in client (public, code flow with PKCE).",
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Where alarms go.',
    });
  }
}

/** `ApiContacts` for the `contacts` tag: the nested stack of a tag's routes. */
export const apiStackId = (tag: string): string =>
  `Api${tag
    .split(/[^a-zA-Z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}`;

const assertUniqueNames = (specs: readonly FunctionSpec[]): void => {
  const seen = new Set<string>();
  for (const { name } of specs) {
    if (seen.has(name)) throw new Error(`two catalogue functions are named ${name}`);
    seen.add(name);
  }
};
