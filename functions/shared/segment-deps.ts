/** Dependencies of the segment functions. */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { segmentsRepository } from '../../lib/segments/segments.repository.ts';
import { config } from './config.ts';
import { contactDeps, once, table } from './deps.ts';
import { schedulerTimers } from './scheduler-timers.ts';

export const segmentDeps = once(() => ({ ...contactDeps(), segments: segmentsRepository(table()) }));

export const timers = once(() => {
  const s = config('scheduler');
  return schedulerTimers(new SchedulerClient({}), {
    group: s.SCHEDULER_GROUP,
    roleArn: s.SCHEDULER_ROLE_ARN,
    targetArn: s.SCHEDULED_TARGET_ARN,
  });
});

export const membershipDeps = once(() => ({ ...segmentDeps(), timers: timers() }));
