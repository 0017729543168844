/**
 * A due minute's one drain schedule on EventBridge Scheduler: a one-time `at()` schedule in the ecrm
 * group, named after its minute (so a second create is a ConflictException, never a second drain),
 * invoking the drain function with the minute, deleted by Scheduler after it fires.
 */
import { ConflictException, CreateScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { DrainSchedules } from '../../lib/timers/timer-queue.ts';

export interface SchedulerTarget {
  readonly group: string;
  readonly roleArn: string;
  readonly targetArn: string;
}

/** Scheduler's `at()` takes whole seconds, without a zone suffix (UTC given separately). */
const atExpression = (at: Date) => `at(${at.toISOString().slice(0, 19)})`;

/** `drain-2026-11-29T22-31`: ≤ 64 characters of [0-9a-zA-Z-_.]. */
export const drainScheduleName = (minute: string) => `drain-${minute.replaceAll(':', '-')}`;

export const schedulerDrains = (client: SchedulerClient, target: SchedulerTarget): DrainSchedules => ({
  async ensure(minute, at) {
    try {
      await client.send(
        new CreateScheduleCommand({
          Name: drainScheduleName(minute),
          GroupName: target.group,
          ScheduleExpression: atExpression(at),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: target.targetArn,
            RoleArn: target.roleArn,
            Input: JSON.stringify({ minute }),
            RetryPolicy: { MaximumRetryAttempts: 10, MaximumEventAgeInSeconds: 3_600 },
          },
        }),
      );
      return 'created';
    } catch (error) {
      if (error instanceof ConflictException) return 'exists';
      throw error;
    }
  },
});
