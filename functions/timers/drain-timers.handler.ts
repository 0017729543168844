/**
 * Target of the per-minute drain schedules (EventBridge Scheduler): sends the minute's due timers,
 * and anything overdue, to the timer queue. A failure throws, so Scheduler retries the drain.
 */
import middy from '@middy/core';
import * as z from 'zod';
import { drainMinute } from '../../lib/timers/drain.ts';
import { logger } from '../shared/http-errors.ts';
import { drainDeps } from '../shared/timer-deps.ts';

const input = z.object({ minute: z.string().min(1) });

export const handler = middy<unknown, void>().handler(async (raw) => {
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    logger.error('dropping a drain whose input names no minute', { issues: parsed.error.issues });
    return;
  }
  const { sent } = await drainMinute(parsed.data.minute, drainDeps());
  logger.info('timer minute drained', { minute: parsed.data.minute, sent });
});
