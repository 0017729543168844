/** Scheduler target: a checkout's window closed; abandoned unless an order came. */
import middy from '@middy/core';
import { z } from 'zod';
import { checkoutTimerFired } from '../../lib/orders/abandoned-checkouts.ts';
import { logger } from '../shared/http-errors.ts';
import { checkoutDeps } from '../shared/webhook-deps.ts';

const input = z.object({
  task: z.literal('checkout-timeout'),
  workspaceId: z.string().min(1),
  connectionId: z.string().min(1),
  checkoutId: z.string().min(1),
});

export const handler = middy<unknown, void>().handler(async (raw) => {
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    logger.error('dropping a timer whose input is not a checkout timeout', { issues: parsed.error.issues });
    return;
  }
  const outcome = await checkoutTimerFired(parsed.data, checkoutDeps());
  logger.info('checkout timer', { checkoutId: parsed.data.checkoutId, outcome });
});
