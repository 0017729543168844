/**
 * Timers on EventBridge Scheduler: one-time `at()` schedules in the ecrm group, targeting the
 * scheduled-target function, deleted by Scheduler after they fire.
 */
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
  type SchedulerClient,
} from '@aws-sdk/client-scheduler';
import type { Timers } from '../../lib/shared/timers.ts';

export interface SchedulerTarget {
  readonly group: string;
  readonly roleArn: string;
  readonly targetArn: string;
}

/** Scheduler's `at()` takes whole seconds, without a zone suffix (UTC given separately). */
const atExpression = (due: Date) => `at(${due.toISOString().slice(0, 19)})`;

export const schedulerTimers = (client: SchedulerClient, target: SchedulerTarget): Timers => ({
  async at(name, due, input) {
    try {
      await client.send(
        new CreateScheduleCommand({
          Name: name,
          GroupName: target.group,
          ScheduleExpression: atExpression(due),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: { Arn: target.targetArn, RoleArn: target.roleArn, Input: JSON.stringify(input) },
        }),
      );
      return 'scheduled';
    } catch (error) {
      if (error instanceof ConflictException) return 'exists';
      throw error;
    }
  },
  async cancel(name) {
    try {
      await client.send(new DeleteScheduleCommand({ Name: name, GroupName: target.group }));
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
  },
});
