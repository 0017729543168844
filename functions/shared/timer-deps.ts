/** Dependencies of the timer service: setting timers (any function), draining and firing them. */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SQSClient } from '@aws-sdk/client-sqs';
import { systemClock } from '../../lib/shared/clock.ts';
import { timersRepository } from '../../lib/timers/timers.repository.ts';
import { timerService } from '../../lib/timers/timers.ts';
import { config } from './config.ts';
import { once, table } from './deps.ts';
import { schedulerDrains } from './scheduler-drains.ts';
import { sqsTimerQueue } from './sqs-timer-queue.ts';

export const timersRepo = once(() => timersRepository(table()));

/** Setting and cancelling timers needs only the table. */
export const timers = once(() => timerService({ timers: timersRepo(), clock: systemClock }));

export const timerQueue = once(() =>
  sqsTimerQueue(new SQSClient({}), config('timerQueue').QUEUE_URL_FIRE_TIMER),
);

export const drainDeps = once(() => ({ timers: timersRepo(), queue: timerQueue(), clock: systemClock }));

export const openMinuteDeps = once(() => {
  const s = config('scheduler');
  return {
    ...drainDeps(),
    schedules: schedulerDrains(new SchedulerClient({}), {
      group: s.SCHEDULER_GROUP,
      roleArn: s.SCHEDULER_ROLE_ARN,
      targetArn: s.SCHEDULED_TARGET_ARN,
    }),
  };
});
