/**
 * The one target of ecrm's one-time timers (EventBridge Scheduler): the timer's input names its task.
 * Tasks: a checkout's abandonment window closing, a segment condition's time window expiring, a
 * lead score decaying across a stage threshold.
 */
import middy from '@middy/core';
import * as z from 'zod';
import { checkoutTimerFired } from '../../lib/orders/abandoned-checkouts.ts';
import { scoreContact } from '../../lib/scoring/score-contact.ts';
import { updateMembership } from '../../lib/segments/update-membership.ts';
import { logger } from '../shared/http-errors.ts';
import { scoringDeps } from '../shared/scoring-deps.ts';
import { membershipDeps } from '../shared/segment-deps.ts';
import { checkoutDeps } from '../shared/webhook-deps.ts';

const task = z.discriminatedUnion('task', [
  z.object({
    task: z.literal('checkout-timeout'),
    workspaceId: z.string().min(1),
    connectionId: z.string().min(1),
    checkoutId: z.string().min(1),
  }),
  z.object({
    task: z.literal('segment-recheck'),
    workspaceId: z.string().min(1),
    contactId: z.string().min(1),
  }),
  z.object({ task: z.literal('score-decay'), workspaceId: z.string().min(1), contactId: z.string().min(1) }),
]);

export const handler = middy<unknown, void>().handler(async (raw) => {
  const parsed = task.safeParse(raw);
  if (!parsed.success) {
    logger.error('dropping a timer whose input names no known task', { issues: parsed.error.issues });
    return;
  }
  const input = parsed.data;
  switch (input.task) {
    case 'checkout-timeout':
      logger.info('checkout timer', {
        checkoutId: input.checkoutId,
        outcome: await checkoutTimerFired(input, checkoutDeps()),
      });
      return;
    case 'segment-recheck':
      await updateMembership(input.workspaceId, input.contactId, { kind: 'timer' }, membershipDeps());
      return;
    case 'score-decay':
      await scoreContact(input.workspaceId, input.contactId, { kind: 'decay' }, scoringDeps());
      return;
  }
});
