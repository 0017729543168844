/**
 * Work queues: each `queue`-triggered function of the catalogue gets an SQS queue of its own, with a
 * dead-letter queue after `maxReceiveCount` receives (watched by the alarms like every DLQ) and an
 * event source mapping that reports failed messages one by one (ReportBatchItemFailures), so a batch
 * with one bad message redelivers only that one. Functions whose access names the queue (`sendTo`)
 * get its URL and sqs:SendMessage on it, nothing more.
 */
import { Duration } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.construct.ts';
import type { EcrmFunction } from './ecrm-function.construct.ts';

export interface QueueConsumer {
  readonly handler: EcrmFunction;
  readonly batchSize: number;
  readonly maxReceiveCount: number;
  readonly maxConcurrency?: number | undefined;
}

/** AWS's advice for a queue feeding Lambda: visibility at least six times the function timeout. */
const VISIBILITY_PER_TIMEOUT = 6;

export class Queues extends Construct {
  /** Each consumer's queue, by function name. */
  readonly byFunction: ReadonlyMap<string, sqs.IQueue>;

  constructor(scope: Construct, id: string, props: { readonly consumers: readonly QueueConsumer[] }) {
    super(scope, id);
    const byFunction = new Map<string, sqs.IQueue>();
    for (const { handler, batchSize, maxReceiveCount, maxConcurrency } of props.consumers) {
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
      byFunction.set(name, queue);
    }
    this.byFunction = byFunction;
  }
}
