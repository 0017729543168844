/**
 * The outbox relay's wiring: the table stream feeds the relay, which publishes each stored domain event to
 * the bus. Lambda filters the stream first, so only inserts and updates whose new image carries an outbox
 * record (`_ev`) cost an invocation. A poisoned batch is split until the bad record is isolated; the rest
 * of the shard keeps flowing, and the bad record's position lands in a dead-letter queue for replay.
 * A batching window of a second gathers what a second wrote: one relay invocation for it, and fuller
 * packs of the packed event types (`email.engaged`, `score.changed`), for at most a second's delay.
 */
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { OUTBOX_ATTRIBUTE, OUTBOX_ON_REMOVE_ATTRIBUTE } from '../../lib/shared/events/outbox.ts';
import { DeadLetterQueue } from './dead-letter-queue.construct.ts';
import type { EcrmFunction } from './ecrm-function.construct.ts';

export interface OutboxProps {
  readonly table: dynamodb.ITable;
  readonly relay: EcrmFunction;
  readonly batchSize: number;
}

/** Stream records worth relaying: a new or changed item that carries an outbox record with an id. */
export const outboxFilter = (): Record<string, unknown> =>
  lambda.FilterCriteria.filter({
    eventName: lambda.FilterRule.or('INSERT', 'MODIFY'),
    dynamodb: { NewImage: { [OUTBOX_ATTRIBUTE]: { M: { id: { S: lambda.FilterRule.exists() } } } } },
  });

/** Removals of items that kept an event for their removal (`_evGone`). */
export const outboxRemovalFilter = (): Record<string, unknown> =>
  lambda.FilterCriteria.filter({
    eventName: lambda.FilterRule.isEqual('REMOVE'),
    dynamodb: {
      OldImage: { [OUTBOX_ON_REMOVE_ATTRIBUTE]: { M: { id: { S: lambda.FilterRule.exists() } } } },
    },
  });

export class Outbox extends Construct {
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: OutboxProps) {
    super(scope, id);
    this.deadLetters = new DeadLetterQueue(this, 'relay-dlq');
    props.relay.fn.addEventSource(
      new sources.DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: props.batchSize,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(24),
        onFailure: new sources.SqsDlq(this.deadLetters),
        filters: [outboxFilter(), outboxRemovalFilter()],
      }),
    );
  }
}
