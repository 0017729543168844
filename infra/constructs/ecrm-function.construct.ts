/**
 * The one way ecrm builds a Lambda function. It fixes what every function shares (runtime, architecture,
 * ESM bundling with the local esbuild, JSON logs with a retention, X-Ray when asked for) and offers `bind*` methods that set
 * an environment variable and its IAM grant in the same call, so that configuration and permission cannot
 * drift apart: a function sees a resource name only if it may use that resource.
 */
import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as ses from 'aws-cdk-lib/aws-ses';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { LAMBDA_BUNDLE } from '../bundling.ts';
import {
  type Access,
  DEFAULT_MEMORY_MB,
  DEFAULT_TIMEOUT_SECONDS,
  type FunctionSpec,
  queueUrlVariable,
} from '../catalogue/types.ts';
import { tableDefinition } from '../table.definition.ts';
import type { AuthEnvironment } from './console-sign-in.construct.ts';
import { acknowledge, acknowledgeWildcardResource } from './nag.ts';

/** The repository root: catalogue entries are relative to it, and its lock file pins the bundle's dependencies. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Item-level actions only: never a stream, table-management or PartiQL action. Transactions are authorised
 * through these same item actions, so they need nothing more.
 */
const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** What each `access.kms` mode may do with the secrets key: never ReEncrypt, GenerateDataKey or more. */
const KMS_ACTIONS: Readonly<Record<NonNullable<Access['kms']>, readonly string[]>> = {
  encrypt: ['kms:Encrypt'],
  decrypt: ['kms:Decrypt'],
  encryptDecrypt: ['kms:Encrypt', 'kms:Decrypt'],
};

/** What `access.userPool: 'manage'` may do with the console's user pool: its users, nothing else. */
const USER_POOL_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:ListUsers',
];

/** The console's sign-in: what every HTTP-route function is told, and the pool the user functions manage. */
export interface AuthBinding {
  readonly environment: AuthEnvironment;
  readonly userPool: cognito.IUserPool;
}

/** What one-time schedules need: the group they live in, the role Scheduler assumes, the function they invoke. */
export interface SchedulerBinding {
  readonly group: scheduler.IScheduleGroup;
  readonly role: iam.IRole;
  readonly target: EcrmFunction;
}

/** The resources a catalogue `Access` declaration can refer to. */
export interface AccessResources {
  readonly table: dynamodb.ITable;
  readonly bus: events.IEventBus;
  readonly configurationSet: ses.IConfigurationSet;
  /** The customer-managed key that encrypts connection secrets. */
  readonly secretsKey: kms.IKey;
  /** SES identity the senders may use; every identity of the account when omitted. */
  readonly sesIdentityArn?: string;
  /** Set when each workspace sends as its own SES tenant: the tenant names' prefix (the stage's name prefix). */
  readonly sesTenantPrefix?: string;
  /** Present when the catalogue has a `scheduled-target` function. */
  readonly scheduler?: SchedulerBinding;
  /** The queues of `queue`-triggered functions, by function name. */
  readonly queues?: ReadonlyMap<string, sqs.IQueue>;
  /** The base URL of the public pages (unsubscribe and confirmation links). */
  readonly publicUrl?: string;
  /** The console's sign-in; every HTTP-route function gets its environment when present. */
  readonly auth?: AuthBinding;
}

export interface EcrmFunctionProps {
  readonly spec: FunctionSpec;
  /** Prefix of the deployed function name, e.g. `ecrm-dev`; the spec's name is the suffix. */
  readonly namePrefix: string;
  /**
   * X-Ray active tracing (Lambda samples the first request each second and 5% of the rest). Off by
   * default: at low traffic tracing every function costs more than the functions themselves.
   */
  readonly tracing?: boolean;
  /**
   * The log group every function of the app writes to (Lambda's advanced logging, JSON lines that name
   * their function): one group and one error filter for the whole app instead of two resources per
   * function, which keeps the stack under CloudFormation's 500 resources.
   */
  readonly logGroup: logs.ILogGroup;
  /**
   * A role shared with the functions that declare exactly the same access (see `SharedRoles`): the
   * same grants, two resources fewer per function. The function's own role when absent.
   */
  readonly role?: iam.IRole | undefined;
}

/**
 * Execution roles shared by functions whose declared access is identical and whose grants name
 * nothing of their own (HTTP and bus-rule functions without tracing or schedules): least privilege is
 * unchanged, since each would get exactly the same policy, and the stack stays under CloudFormation's
 * 500 resources.
 */
export class SharedRoles extends Construct {
  private readonly roles = new Map<string, iam.Role>();

  roleFor(spec: FunctionSpec, tracing: boolean): iam.IRole | undefined {
    const shareable =
      (spec.trigger.kind === 'http' || spec.trigger.kind === 'event') &&
      !tracing &&
      spec.access.scheduler === undefined;
    if (!shareable) return undefined;
    const key = JSON.stringify(Object.entries(spec.access).sort(([a], [b]) => a.localeCompare(b)));
    let role = this.roles.get(key);
    if (!role) {
      role = new iam.Role(this, `Role${this.roles.size}`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `Shared by the functions whose access is ${key}`.slice(0, 1000),
        managedPolicies: [
          iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
        ],
      });
      acknowledge(
        role,
        'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The AWS managed basic execution role only lets the function write its logs.',
      );
      this.roles.set(key, role);
    }
    return role;
  }
}

export class EcrmFunction extends Construct {
  readonly spec: FunctionSpec;
  readonly fn: nodejs.NodejsFunction;
  /**
   * The function's ARN built from its fixed name rather than referenced, so that it can appear in the
   * function's own environment (a scheduled target that schedules its next step) without a cycle.
   */
  readonly arn: string;
  readonly logGroup: logs.ILogGroup;
  /** Where the grants' cdk-nag acknowledgements go: the role that holds the policy. */
  private readonly grantScope: IConstruct;

  constructor(scope: Construct, id: string, props: EcrmFunctionProps) {
    super(scope, id);
    const { spec } = props;
    this.spec = spec;

    const functionName = `${props.namePrefix}-${spec.name}`;
    if (functionName.length > 64)
      throw new Error(`function name ${functionName} is over Lambda's 64 characters`);
    this.arn = Stack.of(this).formatArn({
      service: 'lambda',
      resource: 'function',
      resourceName: functionName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const { logGroup } = props;
    this.logGroup = logGroup;

    this.fn = new nodejs.NodejsFunction(this, 'Handler', {
      functionName,
      description: spec.description,
      entry: `${PROJECT_ROOT}${spec.entry}`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: spec.memoryMb ?? DEFAULT_MEMORY_MB,
      timeout: Duration.seconds(spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      tracing: props.tracing ? lambda.Tracing.ACTIVE : lambda.Tracing.DISABLED,
      ...(props.role ? { role: props.role } : {}),
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: spec.name,
      },
      bundling: {
        // The same options as `npm run build` and the bench (infra/bundling.ts).
        format: nodejs.OutputFormat.ESM,
        target: LAMBDA_BUNDLE.target,
        mainFields: [...LAMBDA_BUNDLE.mainFields],
        banner: LAMBDA_BUNDLE.banner,
        minify: LAMBDA_BUNDLE.minify,
        // The AWS SDK comes with the Lambda runtime.
        externalModules: [...LAMBDA_BUNDLE.external],
        esbuildArgs: Object.fromEntries(
          Object.entries(LAMBDA_BUNDLE.alias).map(([module, stub]) => [`--alias:${module}`, stub]),
        ),
        // Stack traces map back to the TypeScript; the sources themselves need not ship in the zip.
        sourceMap: true,
        sourcesContent: false,
        // Never Docker: the esbuild in node_modules bundles in milliseconds and works offline.
        forceDockerBundling: false,
      },
    });

    this.grantScope = props.role ?? this;
    // A shared role carries its own acknowledgement (SharedRoles).
    if (!props.role)
      acknowledge(
        this,
        'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The AWS managed basic execution role only lets the function write its logs.',
      );
    if (props.tracing || spec.trigger.kind === 'stream') {
      acknowledge(
        this,
        'IAM5[Resource::*]',
        'X-Ray PutTraceSegments/PutTelemetryRecords (and DynamoDB ListStreams for the stream consumer) take no resource but *.',
      );
    }
  }

  /**
   * For functions invoked asynchronously (rules, schedules): Lambda retries a failed invocation twice, then
   * parks the event in `queue` instead of dropping it. Handlers are idempotent, so a redrive is safe.
   */
  sendAsyncFailuresTo(queue: sqs.IQueue): this {
    this.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(queue),
    });
    return this;
  }

  /** Apply the catalogue's `access` declaration, through the same bind methods a hand-written stack would use. */
  applyAccess(resources: AccessResources): this {
    const { access } = this.spec;
    if (access.table) this.bindTable(resources.table, access.table);
    if (access.bus) this.bindBus(resources.bus);
    if (access.ses === 'send') this.bindSes(resources.configurationSet, resources.sesIdentityArn);
    if (access.ses === 'account') this.bindSesAccount();
    if (access.sesIdentities) {
      this.bindSesIdentities(access.sesIdentities, resources.configurationSet, resources.sesTenantPrefix);
    }
    if (access.kms) this.bindSecretsKey(resources.secretsKey, access.kms);
    if (access.links) {
      if (!resources.publicUrl) throw new Error(`${this.spec.name} builds links, but no public URL is known`);
      this.fn.addEnvironment('PUBLIC_URL', resources.publicUrl);
    }
    for (const consumer of [access.sendTo ?? []].flat()) {
      const queue = resources.queues?.get(consumer);
      if (!queue) throw new Error(`${this.spec.name} sends to ${consumer}, which has no queue`);
      this.bindQueue(consumer, queue);
    }
    // Any HTTP route may be called by a signed-in user: each function verifies the user's token itself.
    if (this.spec.trigger.kind === 'http' && resources.auth) this.bindSignIn(resources.auth.environment);
    if (access.userPool === 'manage') {
      if (!resources.auth) throw new Error(`${this.spec.name} manages users, but there is no user pool`);
      this.bindUserPool(resources.auth.userPool);
    }
    if (access.scheduler) {
      if (!resources.scheduler) {
        throw new Error(
          `${this.spec.name} manages schedules, but the catalogue has no scheduled-target function`,
        );
      }
      const { group, role, target } = resources.scheduler;
      this.bindScheduler(group, role, target);
    }
    return this;
  }

  /**
   * TABLE_NAME, with item reads on the table and its named indexes and, for `readWrite`, item writes on the
   * table. Index ARNs come from the table definition rather than `index/*`, and no stream action is included,
   * which CDK's grantReadData would add.
   */
  bindTable(table: dynamodb.ITable, mode: 'read' | 'readWrite'): this {
    this.fn.addEnvironment('TABLE_NAME', table.tableName);
    const indexes = tableDefinition.globalSecondaryIndexes.map(
      (i) => `${table.tableArn}/index/${i.indexName}`,
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: TABLE_READ_ACTIONS, resources: [table.tableArn, ...indexes] }),
    );
    if (mode === 'readWrite') {
      this.fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: TABLE_WRITE_ACTIONS, resources: [table.tableArn] }),
      );
    }
    return this;
  }

  /** AUTH_ISSUER, AUTH_JWKS_URI, AUTH_CLIENT_ID, AUTH_OAUTH_URL, CONSOLE_URL, AUTH_COOKIE_SECURE: no grant needed. */
  bindSignIn(environment: AuthEnvironment): this {
    for (const [name, value] of Object.entries(environment)) this.fn.addEnvironment(name, value);
    return this;
  }

  /** AUTH_USER_POOL_ID, with the user-management actions (USER_POOL_ACTIONS) on that pool only. */
  bindUserPool(userPool: cognito.IUserPool): this {
    this.fn.addEnvironment('AUTH_USER_POOL_ID', userPool.userPoolId);
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: USER_POOL_ACTIONS, resources: [userPool.userPoolArn] }),
    );
    return this;
  }

  /** BUS_NAME, with events:PutEvents on that bus only. */
  bindBus(bus: events.IEventBus): this {
    this.fn.addEnvironment('BUS_NAME', bus.eventBusName);
    bus.grantPutEventsTo(this.fn);
    return this;
  }

  /**
   * SECRETS_KEY_ID (the key ARN), with kms:Encrypt and/or kms:Decrypt on that key only. Written as a plain
   * statement rather than `key.grantEncrypt`, which would add ReEncrypt and GenerateDataKey too.
   */
  bindSecretsKey(key: kms.IKey, mode: NonNullable<Access['kms']>): this {
    this.fn.addEnvironment('SECRETS_KEY_ID', key.keyArn);
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: [...KMS_ACTIONS[mode]], resources: [key.keyArn] }),
    );
    return this;
  }

  /** QUEUE_URL_<CONSUMER>, with sqs:SendMessage on that queue only. */
  bindQueue(consumer: string, queue: sqs.IQueue): this {
    this.fn.addEnvironment(queueUrlVariable(consumer), queue.queueUrl);
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
    );
    return this;
  }

  /**
   * SES_CONFIGURATION_SET, with ses:SendEmail only through that configuration set (so suppression and event
   * publishing always apply) and only from `identityArn` when given.
   */
  bindSes(configurationSet: ses.IConfigurationSet, identityArn?: string): this {
    this.fn.addEnvironment('SES_CONFIGURATION_SET', configurationSet.configurationSetName);
    const stack = Stack.of(this);
    const identity =
      identityArn ?? stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
    const configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: configurationSet.configurationSetName,
    });
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        // SendBulkEmail is authorised as ses:SendBulkEmail on the identity and the configuration set.
        actions: ['ses:SendEmail', 'ses:SendBulkEmail'],
        resources: [identity, configurationSetArn],
      }),
    );
    // The account's send rate and daily quota (GetAccount), which the send path respects.
    this.bindSesAccount();
    if (identityArn === undefined) {
      acknowledgeWildcardResource(
        this.grantScope,
        identity,
        'The sending identity is chosen per workspace at run time; the sesIdentityArn context value pins it.',
      );
    }
    return this;
  }

  /** ses:GetAccount alone: the account's send rate and daily quota. */
  bindSesAccount(): this {
    this.fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
    acknowledgeWildcardResource(
      this.grantScope,
      '*',
      'ses:GetAccount reads the account itself and takes no resource but *.',
    );
    return this;
  }

  /**
   * SES_CONFIGURATION_SET, SES_ARN_PREFIX and (tenants) SES_TENANT_PREFIX, with the identity APIs of sender
   * domains: `read` may only GetEmailIdentity; `manage` also creates (tagged), configures MAIL FROM and
   * deletes identities and, with tenants, creates the stage's tenants and associates resources with them.
   */
  bindSesIdentities(
    mode: NonNullable<Access['sesIdentities']>,
    configurationSet: ses.IConfigurationSet,
    tenantPrefix?: string,
  ): this {
    const stack = Stack.of(this);
    this.fn.addEnvironment('SES_CONFIGURATION_SET', configurationSet.configurationSetName);
    this.fn.addEnvironment('SES_ARN_PREFIX', `arn:${stack.partition}:ses:${stack.region}:${stack.account}:`);
    if (tenantPrefix !== undefined) this.fn.addEnvironment('SES_TENANT_PREFIX', tenantPrefix);
    const identities = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' });
    const actions =
      mode === 'read'
        ? ['ses:GetEmailIdentity']
        : [
            'ses:GetEmailIdentity',
            'ses:CreateEmailIdentity',
            'ses:PutEmailIdentityMailFromAttributes',
            'ses:DeleteEmailIdentity',
            'ses:TagResource',
          ];
    this.fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [identities] }));
    acknowledgeWildcardResource(
      this.grantScope,
      identities,
      'Sender domains are registered by workspaces at run time: their identities are not known at deploy time.',
    );
    if (mode === 'manage' && tenantPrefix !== undefined) {
      const tenants = stack.formatArn({
        service: 'ses',
        resource: 'tenant',
        resourceName: `${tenantPrefix}-*`,
      });
      const configurationSetArn = stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: configurationSet.configurationSetName,
      });
      this.fn.addToRolePolicy(
        new iam.PolicyStatement({
          actions: [
            'ses:CreateTenant',
            'ses:GetTenant',
            'ses:TagResource',
            'ses:CreateTenantResourceAssociation',
            'ses:DeleteTenantResourceAssociation',
          ],
          resources: [tenants, identities, configurationSetArn],
        }),
      );
      acknowledgeWildcardResource(
        this.grantScope,
        tenants,
        'One SES tenant per workspace, created at run time under the stage’s name prefix.',
      );
    }
    return this;
  }

  /**
   * SCHEDULER_GROUP, SCHEDULER_ROLE_ARN and SCHEDULED_TARGET_ARN, with scheduler:CreateSchedule and
   * DeleteSchedule in that group only, and iam:PassRole on that role only, to Scheduler only.
   */
  bindScheduler(group: scheduler.IScheduleGroup, role: iam.IRole, target: EcrmFunction): this {
    this.fn.addEnvironment('SCHEDULER_GROUP', group.scheduleGroupName);
    this.fn.addEnvironment('SCHEDULER_ROLE_ARN', role.roleArn);
    this.fn.addEnvironment('SCHEDULED_TARGET_ARN', target.arn);
    const stack = Stack.of(this);
    const schedules = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${group.scheduleGroupName}/*`,
    });
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
        resources: [schedules],
      }),
    );
    this.fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    acknowledgeWildcardResource(
      this.grantScope,
      schedules,
      'One-time schedules are named at run time; the grant is confined to the ecrm schedule group.',
    );
    return this;
  }
}
