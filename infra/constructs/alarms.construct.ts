/**
 * What tells ops that something needs them, all sent to one SNS topic: one product-wide alarm on errors
 * (every function's log group feeds one `ecrm/Errors` metric through a free metric filter on ERROR log
 * lines, which Lambda writes for an invocation that throws and the handlers write for what they drop),
 * an alarm on every dead-letter queue that holds a message, the webhook quarantine, and a workspace's
 * marketing email paused by its bounce or complaint rates. An alarm per
 * function is opt-in: at $0.10 a month each, one per function was most of an idle deployment's bill.
 * Functions and queues are found by type under the given scope, so a new one is watched without anyone
 * remembering to add it here.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { SENDING_HALTED_METRIC } from '../../lib/email/send/metrics.ts';
import { DeadLetterQueue } from './dead-letter-queue.construct.ts';
import { EcrmFunction } from './ecrm-function.construct.ts';

/** `Events/record-event-dlq` rather than the full path: readable in alarm ids and descriptions. */
const pathIn = (root: Construct, c: Construct): string => c.node.path.slice(root.node.path.length + 1);

export interface AlarmsProps {
  /** Where to look for functions and dead-letter queues, usually the app stack. */
  readonly watch: Construct;
  /** Subscribed to the topic when given (the subscription must be confirmed from the mailbox). */
  readonly email?: string;
  /** Which functions get an error alarm of their own besides the product-wide one; none by default. */
  readonly alarmPerFunction?: (functionName: string) => boolean;
}

const PERIOD = Duration.minutes(5);

/** Emitted (EMF) by the process-webhook function when it quarantines a delivery. */
export const QUARANTINE_METRIC = {
  namespace: 'ecrm',
  name: 'WebhookQuarantined',
  service: 'webhooks',
} as const;

/** Emitted (EMF) by the ses-feedback function when a workspace's rates pause its marketing email. */
export const MARKETING_PAUSED_METRIC = {
  namespace: 'ecrm',
  name: 'MarketingPaused',
  service: 'email',
} as const;

/** Every function's ERROR log lines, counted in one metric without dimensions (one custom metric). */
export const ERRORS_METRIC = { namespace: 'ecrm', name: 'Errors' } as const;

/** A metric a function emits, by namespace, name and `service` dimension. */
interface ProductMetric {
  readonly namespace: string;
  readonly name: string;
  readonly service: string;
}

export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = this.createTopic();
    if (props.email) this.topic.addSubscription(new subscriptions.EmailSubscription(props.email));
    const notify = new actions.SnsAction(this.topic);

    const fns = props.watch.node.findAll().filter((c) => c instanceof EcrmFunction);
    // One filter per log group: the functions share one.
    const groups = [...new Map(fns.map((fn) => [fn.logGroup.node.path, fn.logGroup])).values()];
    for (const [i, logGroup] of groups.entries()) {
      new logs.MetricFilter(this, i === 0 ? 'error-lines' : `error-lines-${i}`, {
        logGroup,
        metricNamespace: ERRORS_METRIC.namespace,
        metricName: ERRORS_METRIC.name,
        filterPattern: logs.FilterPattern.stringValue('$.level', '=', 'ERROR'),
        metricValue: '1',
      });
    }
    this.alarms.push(
      new cloudwatch.Metric({
        namespace: ERRORS_METRIC.namespace,
        metricName: ERRORS_METRIC.name,
        period: PERIOD,
        statistic: cloudwatch.Stats.SUM,
      }).createAlarm(this, 'errors', {
        alarmDescription:
          'An ecrm function logged an error or failed an invocation: search the functions\' logs for "level":"ERROR".',
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    );
    for (const fn of fns.filter((f) => props.alarmPerFunction?.(f.spec.name) ?? false)) {
      const alarm = fn.fn
        .metricErrors({ period: PERIOD, statistic: cloudwatch.Stats.SUM })
        .createAlarm(this, `${fn.spec.name}-errors`, {
          alarmDescription: `${fn.spec.name} threw errors (its own retries or a dead-letter queue may hold the input).`,
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
      this.alarms.push(alarm);
    }
    for (const queue of DeadLetterQueue.allIn(props.watch)) {
      const alarm = queue
        .metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: cloudwatch.Stats.MAXIMUM })
        .createAlarm(this, `${pathIn(props.watch, queue).replaceAll('/', '-')}-not-empty`, {
          alarmDescription: `Dead letters in ${pathIn(props.watch, queue)}: inspect, fix, then redrive.`,
          threshold: 0,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
      this.alarms.push(alarm);
    }
    // Product events counted by metrics the functions emit (EMF): one occurrence is worth a look.
    const occurrences: [string, ProductMetric, string][] = [
      [
        'webhook-quarantined',
        QUARANTINE_METRIC,
        'A verified storefront delivery could not be understood and is in quarantine (30 days).',
      ],
      [
        'email-sending-halted',
        SENDING_HALTED_METRIC,
        'SES paused or suspended the account: every email send waits in the send queue until the halt is cleared.',
      ],
      [
        'marketing-paused',
        MARKETING_PAUSED_METRIC,
        "A workspace's bounce or complaint rate neared SES's review thresholds and its marketing email is " +
          'paused: GET /v1/workspace/sending says which and why; clean the list, then resume by hand.',
      ],
    ];
    for (const [id, metric, alarmDescription] of occurrences) {
      this.alarms.push(
        new cloudwatch.Metric({
          namespace: metric.namespace,
          metricName: metric.name,
          dimensionsMap: { service: metric.service },
          period: PERIOD,
          statistic: cloudwatch.Stats.SUM,
        }).createAlarm(this, id, {
          alarmDescription,
          threshold: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        }),
      );
    }
    for (const alarm of this.alarms) alarm.addAlarmAction(notify);
  }

  /**
   * CloudWatch can only publish to an encrypted topic whose key lets it, which the AWS-managed SNS key
   * does not: hence a customer-managed key (rotated) with a grant to CloudWatch alone.
   */
  private createTopic(): sns.Topic {
    const key = new kms.Key(this, 'TopicKey', {
      description: 'Encrypts the ecrm alarm topic; CloudWatch may use it to publish.',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    return new sns.Topic(this, 'Topic', { displayName: 'ecrm alarms', masterKey: key, enforceSSL: true });
  }
}
