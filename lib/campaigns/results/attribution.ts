/**
 * Which campaign an order is attributed to; pure. An order counts for a campaign when the same
 * contact opened or clicked one of its emails (clicks only with `touches: 'click'`) within
 * `windowDays` before the order was placed; when several campaigns were touched, `lastTouch` (the
 * default) takes the one touched last before the order, `firstTouch` the one touched first in the
 * window. An order counts for at most one campaign.
 *
 * The touch times are what a message entry keeps: the first open and the first click of each email
 * (a later re-open is not a new touch). On the same instant, a click wins over an open.
 */
import type { AttributionSettings } from '../../workspaces/email-settings.schema.ts';

const DAY_MS = 24 * 3600 * 1000;

/**
 * How long before the window an email may have been sent and still be touched inside it: the
 * attribution query reads the contact's emails sent from (order − window − this), which bounds its
 * cost. An email first opened more than 30 days after it was sent is not looked at.
 */
export const SENT_BEFORE_WINDOW_DAYS = 30;

/** One campaign email the contact engaged with, and when (first open, first click; ISO). */
export interface TouchedMessage {
  readonly campaignId: string;
  readonly messageId: string;
  /** The A/B test variant the email carried. */
  readonly variant?: number | undefined;
  readonly opened?: string | undefined;
  readonly clicked?: string | undefined;
}

export interface Touch {
  readonly campaignId: string;
  readonly messageId: string;
  readonly variant?: number | undefined;
  readonly kind: 'opened' | 'clicked';
  readonly at: string;
}

/** The span of send times whose emails can hold a touch inside the window of an order placed at `placedAt`. */
export const sentSpan = (placedAt: Date, settings: AttributionSettings): { from: string; until: string } => ({
  from: new Date(placedAt.getTime() - (settings.windowDays + SENT_BEFORE_WINDOW_DAYS) * DAY_MS).toISOString(),
  until: placedAt.toISOString(),
});

const touchesOf = (m: TouchedMessage, settings: AttributionSettings): Touch[] => {
  const email = {
    campaignId: m.campaignId,
    messageId: m.messageId,
    ...(m.variant !== undefined ? { variant: m.variant } : {}),
  };
  return [
    ...(m.clicked ? [{ ...email, kind: 'clicked' as const, at: m.clicked }] : []),
    ...(m.opened && settings.touches === 'clickOrOpen'
      ? [{ ...email, kind: 'opened' as const, at: m.opened }]
      : []),
  ];
};

/** The touch the order is attributed to, or undefined when no campaign was touched in the window. */
export const attributedTouch = (
  messages: readonly TouchedMessage[],
  placedAt: Date,
  settings: AttributionSettings,
): Touch | undefined => {
  const end = placedAt.getTime();
  const start = end - settings.windowDays * DAY_MS;
  const inWindow = messages
    .flatMap((m) => touchesOf(m, settings))
    .map((t) => ({ touch: t, ms: Date.parse(t.at) }))
    .filter(({ ms }) => !Number.isNaN(ms) && ms >= start && ms <= end);
  const sign = settings.model === 'lastTouch' ? -1 : 1;
  inWindow.sort(
    (a, b) =>
      sign * (a.ms - b.ms) ||
      (a.touch.kind === b.touch.kind ? 0 : a.touch.kind === 'clicked' ? -1 : 1) ||
      a.touch.messageId.localeCompare(b.touch.messageId),
  );
  return inWindow[0]?.touch;
};
