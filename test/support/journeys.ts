/**
 * The abandoned-checkout journey the tests share: a nudge at once, then a wait of 23 h for the order of
 * this checkout (its key), then a reminder; the order of this checkout is also the goal.
 */
const BY_CHECKOUT = { event: 'data.checkoutId', trigger: 'data.checkoutId' };

export const abandonedCheckoutJourney = (
  templateId: string,
  over: { readonly quietHours?: { from: string; to: string }; readonly reminderVersion?: number } = {},
) => ({
  name: 'Abandoned checkout',
  trigger: { type: 'event', event: 'checkout.abandoned' },
  entry: { mode: 'always' },
  goal: { event: 'order.placed', key: BY_CHECKOUT },
  ...(over.quietHours ? { quietHours: over.quietHours } : {}),
  steps: [
    { id: 'nudge', type: 'email', template: { templateId }, next: 'wait-order' },
    {
      id: 'wait-order',
      type: 'waitForEvent',
      event: 'order.placed',
      key: BY_CHECKOUT,
      timeout: { hours: 23 },
      onTimeout: 'reminder',
    },
    {
      id: 'reminder',
      type: 'email',
      template: {
        templateId,
        ...(over.reminderVersion !== undefined ? { version: over.reminderVersion } : {}),
      },
    },
  ],
});
