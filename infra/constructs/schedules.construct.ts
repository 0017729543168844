/**
 * Time in ecrm is EventBridge Scheduler's: recurring schedules declared in the catalogue (the daily sweep,
 * campaign checks), and the timer service's one-time schedules (at most one per due minute that has work)
 * that the code creates at run time in a group of their own, invoking the catalogue's `scheduled-target`
 * function (the timer drain) through a role that can do nothing else. Scheduler invokes Lambda asynchronously, so handler failures of both
 * end in a dead-letter queue rather than vanishing.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.construct.ts';
import type { EcrmFunction, SchedulerBinding } from './ecrm-function.construct.ts';
import { acknowledgeWildcardResource } from './nag.ts';

export interface RecurringSchedule {
  readonly handler: EcrmFunction;
  /** `rate(...)` or `cron(...)`, evaluated in UTC. */
  readonly expression: string;
}

export interface SchedulesProps {
  readonly recurring: readonly RecurringSchedule[];
  /** The function one-time schedules invoke; at most one, so SCHEDULED_TARGET_ARN is unambiguous. */
  readonly scheduledTargets: readonly EcrmFunction[];
  /** Name of the group that holds the one-time schedules, e.g. `ecrm-dev`. */
  readonly groupName: string;
}

export class Schedules extends Construct {
  /** What `scheduler: 'manage'` functions are bound to; absent when nothing is a scheduled target. */
  readonly binding?: SchedulerBinding;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    for (const { handler, expression } of props.recurring) this.addRecurring(handler, expression);

    if (props.scheduledTargets.length > 1) {
      const names = props.scheduledTargets.map((f) => f.spec.name).join(', ');
      throw new Error(`only one scheduled-target function is supported, the catalogue has ${names}`);
    }
    const [target] = props.scheduledTargets;
    if (target) this.binding = this.oneTimeSchedules(target, props.groupName);
  }

  private addRecurring(handler: EcrmFunction, expression: string): void {
    const name = handler.spec.name;
    const deadLetters = new DeadLetterQueue(this, `${name}-dlq`);
    const role = new iam.Role(this, `${name}-role`, {
      assumedBy: schedulerPrincipal(Stack.of(this).account),
      description: `EventBridge Scheduler invokes ${name}`,
    });
    new scheduler.Schedule(this, name, {
      description: `Runs ${name}: ${handler.spec.description}`.slice(0, 512),
      schedule: scheduler.ScheduleExpression.expression(expression),
      target: new targets.LambdaInvoke(handler.fn, {
        role,
        deadLetterQueue: deadLetters,
        retryAttempts: 3,
        maxEventAge: Duration.hours(1),
      }),
    });
    handler.sendAsyncFailuresTo(deadLetters);
    acknowledgeWildcardResource(
      role,
      `${handler.fn.functionArn}:*`,
      'CDK grants invoke on the function and its versions; the role can invoke nothing else.',
    );
  }

  private oneTimeSchedules(target: EcrmFunction, groupName: string): SchedulerBinding {
    const group = new scheduler.ScheduleGroup(this, 'Group', {
      scheduleGroupName: groupName,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new iam.Role(this, 'InvokeRole', {
      assumedBy: schedulerPrincipal(Stack.of(this).account, group.scheduleGroupArn),
      description: `EventBridge Scheduler invokes ${target.spec.name} for one-time schedules`,
    });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [target.arn] }),
    );
    target.sendAsyncFailuresTo(new DeadLetterQueue(this, `${target.spec.name}-dlq`));
    return { group, role, target };
  }
}

/** Scheduler, acting for this account (and for one schedule group when given): no confused deputy. */
const schedulerPrincipal = (account: string, groupArn?: string): iam.IPrincipal =>
  new iam.ServicePrincipal('scheduler.amazonaws.com', {
    conditions: {
      StringEquals: { 'aws:SourceAccount': account, ...(groupArn ? { 'aws:SourceArn': groupArn } : {}) },
    },
  });
