/**
 * The consumers of domain events: one rule on the ecrm bus per catalogue `event` function. EventBridge
 * invokes Lambda asynchronously, so a failure can happen in two places and both end in the rule's own
 * dead-letter queue: delivery failures (EventBridge's retry policy) and handler errors (Lambda's
 * asynchronous retries and on-failure destination).
 */
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { EventPattern } from '../catalogue/types.ts';
import { DeadLetterQueue } from './dead-letter-queue.construct.ts';
import type { EcrmFunction } from './ecrm-function.construct.ts';
import { toRulePattern } from './event-pattern.ts';

export interface EventSubscription {
  readonly handler: EcrmFunction;
  readonly pattern: EventPattern;
}

export interface EventRulesProps {
  readonly bus: events.IEventBus;
  readonly subscriptions: readonly EventSubscription[];
}

export class EventRules extends Construct {
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: EventRulesProps) {
    super(scope, id);
    for (const { handler, pattern } of props.subscriptions) {
      const deadLetters = new DeadLetterQueue(this, `${handler.spec.name}-dlq`);
      const rule = new events.Rule(this, handler.spec.name, {
        eventBus: props.bus,
        description: `Delivers ${handler.spec.name}'s events: ${handler.spec.description}`.slice(0, 512),
        eventPattern: toRulePattern(pattern),
        targets: [
          new targets.LambdaFunction(handler.fn, {
            deadLetterQueue: deadLetters,
            retryAttempts: 10,
            maxEventAge: Duration.hours(6),
          }),
        ],
      });
      handler.sendAsyncFailuresTo(deadLetters);
      this.rules.push(rule);
    }
  }
}
