/**
 * Bus rule target for the timer service's outbox events: a due minute opened (create its drain
 * schedule) and a near timer (queue it at once).
 */
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { minuteOpened, queueNearTimer } from '../../lib/timers/open-minute.ts';
import { parseBusEvent } from '../shared/bus-event.ts';
import { logger } from '../shared/http-errors.ts';
import { drainDeps, openMinuteDeps } from '../shared/timer-deps.ts';

export const handler = middy<EventBridgeEvent<string, unknown>, void>().handler(async (raw) => {
  if (raw['detail-type'] === 'timer.near') {
    const event = parseBusEvent('timer.near', raw);
    if (event) await queueNearTimer(event.data, drainDeps());
    return;
  }
  const event = parseBusEvent('timer.minute.opened', raw);
  if (!event) return;
  logger.info('timer minute opened', {
    minute: event.data.minute,
    outcome: await minuteOpened(event.data.minute, openMinuteDeps()),
  });
});
