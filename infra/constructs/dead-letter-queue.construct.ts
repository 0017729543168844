/**
 * Where an asynchronous delivery lands once its retries are spent (an EventBridge rule target, the stream
 * mapping, a schedule). Every one is encrypted, refuses plain HTTP, keeps messages for the SQS maximum so
 * ops have two weeks to redrive, and is found by type by the alarms construct, so none goes unwatched.
 */
import { Duration } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

export class DeadLetterQueue extends sqs.Queue {
  /** `redriveOf`: true when an SQS queue redrives into it (cdk-nag then sees it is a DLQ by itself). */
  constructor(scope: Construct, id: string, options: { readonly redriveOf?: boolean } = {}) {
    super(scope, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    if (!options.redriveOf) acknowledge(this, 'SQS3', 'This queue is itself a dead-letter queue.');
  }

  /** Every dead-letter queue under `scope`, for alarms and tests. */
  static allIn(scope: Construct): DeadLetterQueue[] {
    return scope.node.findAll().filter((c): c is DeadLetterQueue => c instanceof DeadLetterQueue);
  }
}
