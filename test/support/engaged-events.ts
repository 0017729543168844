/**
 * `email.engaged` events (a packed type) for the publisher's tests: the `i`th of a campaign's opens,
 * every odd one a click with its link.
 */
import type { Clock } from '../../lib/shared/clock.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';

export const engagedEvent = (workspaceId: string, i: number, clock: Clock) =>
  domainEvent(
    'email.engaged',
    workspaceId,
    {
      contactId: `c_${i}`,
      messageId: `m_${i}`,
      kind: i % 2 ? 'clicked' : 'opened',
      at: new Date(clock.now().getTime() - 60_000).toISOString(),
      origin: 'campaign',
      originId: 'cmp_1',
      ...(i % 2 ? { link: 'https://shop.example/a?b=1' } : {}),
    },
    clock,
  );
