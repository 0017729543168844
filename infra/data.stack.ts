/**
 * The stateful half of ecrm: the one table, the domain-event bus, the SES configuration set, the key
 * that encrypts connection secrets and the console's user pool (its people). Kept on
 * stack deletion (RETAIN) so that tearing down or rebuilding the app stack never loses customer data,
 * and deployed separately so the app stack can be replaced freely.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { EVENT_SOURCE } from '../lib/shared/events/catalogue.ts';
import { ConsoleUserPool, type UserPoolSesEmail } from './constructs/user-pool.construct.ts';
import { tableDefinition } from './table.definition.ts';

/** How long the bus archive keeps domain events, so a consumer's bug can be fixed and its events replayed. */
const ARCHIVE_RETENTION = Duration.days(30);

/**
 * SES events the feedback loop consumes (suppression, engagement, stats, scoring). They go to the
 * account's default bus: SES v2 can publish to no other.
 */
const PUBLISHED_SES_EVENTS = [
  ses.EmailSendingEvent.SEND,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.DELIVERY_DELAY,
  ses.EmailSendingEvent.OPEN,
  ses.EmailSendingEvent.CLICK,
  ses.EmailSendingEvent.RENDERING_FAILURE,
  ses.EmailSendingEvent.SUBSCRIPTION,
];

export interface DataStackProps extends StackProps {
  /** Deployment stage, e.g. `dev` or `prod`; names the secrets key's alias and the user pool. */
  readonly stage: string;
  /** The console sign-in domain's prefix (`-c authDomainPrefix`); derived from the stack when omitted. */
  readonly authDomainPrefix?: string;
  /** The console's URL when it is a custom domain: the invitation email names it. */
  readonly consoleUrl?: string;
  /** The user pool's emails through SES (`-c inviteFrom=...`); Cognito's own sender otherwise. */
  readonly userPoolEmail?: UserPoolSesEmail;
}

export class DataStack extends Stack {
  /** The single table; its stream (NEW_AND_OLD_IMAGES) carries the outbox to the bus. */
  readonly table: dynamodb.Table;
  /** The bus of ecrm's own domain events (source `ecrm`); SES events arrive on the default bus instead. */
  readonly bus: events.EventBus;
  /** Every send names this set, so SES suppression and event publishing apply to every message. */
  readonly configurationSet: ses.ConfigurationSet;
  /**
   * Encrypts storefront connection signing secrets (KMS Encrypt/Decrypt, encryption context
   * {workspaceId, connectionId}). Retained: a deleted key would make every stored secret unreadable.
   */
  readonly secretsKey: kms.Key;
  /** The console's users (invited by admins) and their sign-in domain. */
  readonly users: ConsoleUserPool;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    this.table = this.createTable();
    this.bus = this.createBus();
    this.configurationSet = this.createConfigurationSet();
    this.secretsKey = this.createSecretsKey(props.stage);
    this.users = new ConsoleUserPool(this, 'Users', {
      stage: props.stage,
      domainPrefix: props.authDomainPrefix,
      consoleUrl: props.consoleUrl,
      email: props.userPoolEmail,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'BusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'ConfigurationSetName', { value: this.configurationSet.configurationSetName });
    new CfnOutput(this, 'UserPoolId', {
      value: this.users.userPool.userPoolId,
      description: 'The console users (invited by POST /v1/users).',
    });
    new CfnOutput(this, 'SignInUrl', {
      value: this.users.oauthUrl,
      description: 'The Cognito sign-in domain.',
    });
  }

  private createTable(): dynamodb.Table {
    const attribute = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    const table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(tableDefinition.partitionKey),
      sortKey: attribute(tableDefinition.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      stream: dynamodb.StreamViewType[tableDefinition.streamView],
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalSecondaryIndexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: dynamodb.ProjectionType[index.projection],
      });
    }
    return table;
  }

  private createBus(): events.EventBus {
    const bus = new events.EventBus(this, 'Bus', {
      description: 'ecrm domain events (source "ecrm"), published from the table outbox.',
    });
    bus.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const archive = bus.archive('Archive', {
      description: 'Every ecrm domain event, for replay after a consumer fix.',
      eventPattern: { source: [EVENT_SOURCE] },
      retention: ARCHIVE_RETENTION,
    });
    archive.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return bus;
  }

  private createSecretsKey(stage: string): kms.Key {
    // The alias is not retained with the key: a rebuilt data stack can take the name again, and the old
    // key still decrypts what it encrypted, since a ciphertext names its key.
    return new kms.Key(this, 'SecretsKey', {
      description: `ecrm ${stage}: encrypts storefront connection signing secrets.`,
      alias: `ecrm-${stage}-secrets`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  private createConfigurationSet(): ses.ConfigurationSet {
    const configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    configurationSet.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const destination = configurationSet.addEventDestination('ToDefaultBus', {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, 'DefaultBus', 'default'),
      ),
      events: PUBLISHED_SES_EVENTS,
    });
    destination.applyRemovalPolicy(RemovalPolicy.RETAIN);
    return configurationSet;
  }
}
