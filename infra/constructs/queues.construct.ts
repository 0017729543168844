/**
 * Work queues: each `queue`-triggered function of the catalogue gets an SQS queue of its own, with a
 * dead-letter queue after `maxReceiveCount` receives (watched by the alarms like every DLQ) and an
 * event source mapping that reports failed messages one by one (ReportBatchItemFailures), so a batch
 * with one bad message redelivers only that one. Functions whose access names the queue (`sendTo`)
 * get its URL and sqs:SendMessage on it, nothing more. A queue declared with `defaultBusRule` is also
 * filled by a rule on the account's default bus (AWS service events: SES feedback), which is granted
 * sqs:SendMessage on that queue alone (aws:SourceArn of the rule); events the rule cannot deliver go
 * to a dead-letter queue of their own. `busRule` does the same from the ecrm bus (domain events that
 * start queued work, such as a campaign's launch).
 */
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EventPattern } from '../catalogue/types.ts';
import { DeadLetterQueue } from './dead-letter-queue.construct.ts';
import type { EcrmFunction } from './ecrm-function.construct.ts';
import { toRulePattern } from './event-pattern.ts';

export interface QueueConsumer {
  readonly handler: EcrmFunction;
  readonly batchSize: number;
  readonly maxReceiveCount: number;
  readonly maxConcurrency?: number | undefined;
  readonly defaultBusRule?: EventPattern | undefined;
  readonly busRule?: EventPattern | undefined;
}

/** AWS's advice for a queue feeding Lambda: visibility at least six times the function timeout. */
const VISIBILITY_PER_TIMEOUT = 6;

export class Queues extends Construct {
  /** Each consumer's queue, by function name. */
  readonly byFunction: ReadonlyMap<string, sqs.IQueue>;

  constructor(
    scope: Construct,
    id: string,
    props: { readonly consumers: readonly QueueConsumer[]; readonly bus: events.IEventBus },
  ) {
    super(scope, id);
    const byFunction = new Map<string, sqs.IQueue>();
    let defaultBus: events.IEventBus | undefined;
    for (const consumer of props.consumers) {
      const { handler, batchSize, maxReceiveCount, maxConcurrency, defaultBusRule, busRule } = consumer;
      const name = handler.spec.name;
      const timeout = handler.fn.timeout?.toSeconds() ?? 3;
      const queue = new sqs.Queue(this, name, {
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: Duration.seconds(VISIBILITY_PER_TIMEOUT * timeout),
        retentionPeriod: Duration.days(4),
        deadLetterQueue: {
          queue: new DeadLetterQueue(this, `${name}-dlq`, { redriveOf: true }),
          maxReceiveCount,
        },
      });
      handler.fn.addEventSource(
        new SqsEventSource(queue, { batchSize, reportBatchItemFailures: true, maxConcurrency }),
      );
      const feed = (ruleId: string, eventBus: events.IEventBus, pattern: EventPattern) =>
        new events.Rule(this, ruleId, {
          eventBus,
          description: `Fills ${name}'s queue: ${handler.spec.description}`.slice(0, 512),
          eventPattern: toRulePattern(pattern),
          targets: [
            new targets.SqsQueue(queue, {
              deadLetterQueue: new DeadLetterQueue(this, `${ruleId}-dlq`),
              retryAttempts: 185,
              maxEventAge: Duration.hours(24),
            }),
          ],
        });
      if (defaultBusRule) {
        defaultBus ??= events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');
        feed(`${name}-rule`, defaultBus, defaultBusRule);
      }
      if (busRule) feed(`${name}-bus-rule`, props.bus, busRule);
      byFunction.set(name, queue);
    }
    this.byFunction = byFunction;
  }
}
