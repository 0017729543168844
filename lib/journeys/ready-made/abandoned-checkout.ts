/**
 * Abandoned checkout: a nudge an hour after the checkout was left, a reminder at 24 h, and nothing
 * more once the order of this checkout arrives.
 *
 * Timing: `checkout.abandoned` is published when a checkout with an email got no order within its
 * connection's window (lib/orders/abandoned-checkouts.ts: 60 minutes after the checkout started, by
 * default), so the abandonment itself is the 1 h mark and the nudge goes at once, with no wait of its
 * own (a shop with a longer window nudges at its window). Then the journey waits for `order.placed`
 * whose `data.checkoutId` is the abandoned checkout's, for 23 hours (`reminderAfterHours`): the
 * reminder goes 24 h after the checkout started. An order of another checkout (or without one) does
 * not count; the order of this checkout is also the goal, so it ends the run wherever it is (during
 * quiet hours too). Entry `always`: each abandoned checkout may start a run, never two at once.
 */
import * as z from 'zod';
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from '../journey-definition.schema.ts';
import { DEFAULT_QUIET_HOURS, OPTION_SCHEMAS } from './options.ts';
import { readyMade } from './ready-made.ts';

/** The order of this checkout. */
const THIS_CHECKOUT = { event: 'data.checkoutId', trigger: 'data.checkoutId' } as const;

export const abandonedCheckoutOptions = z.strictObject({
  reminderAfterHours: OPTION_SCHEMAS.reminderAfterHours.default(23),
  quietHours: OPTION_SCHEMAS.quietHours.default(DEFAULT_QUIET_HOURS),
});

export const abandonedCheckout = readyMade({
  name: 'abandoned-checkout',
  templates: ['abandoned-checkout'],
  text: {
    en: {
      title: 'Abandoned checkout',
      description:
        'A nudge an hour after a checkout is left, a reminder at 24 hours; stops when the order of that checkout arrives.',
    },
    es: {
      title: 'Carrito abandonado',
      description:
        'Un recordatorio una hora después de abandonar la compra y otro a las 24 horas; se detiene en cuanto llega el pedido de esa compra.',
    },
    fr: {
      title: 'Panier abandonné',
      description:
        'Une relance une heure après l’abandon du paiement, un rappel à 24 heures ; s’arrête dès que la commande de ce panier arrive.',
    },
    it: {
      title: 'Carrello abbandonato',
      description:
        "Un promemoria un'ora dopo l'abbandono del checkout e un altro dopo 24 ore; si ferma appena arriva l'ordine di quel carrello.",
    },
    'zh-Hant': {
      title: '購物車放棄提醒',
      description: '結帳中斷一小時後寄出提醒，24 小時後再提醒一次；該筆結帳的訂單一成立就停止。',
    },
  },
  options: abandonedCheckoutOptions,
  build: (o, text): JourneyDefinition =>
    journeyDefinitionSchema.parse({
      name: text.title,
      description: text.description,
      trigger: { type: 'event', event: 'checkout.abandoned' },
      entry: { mode: 'always' },
      goal: { event: 'order.placed', key: THIS_CHECKOUT },
      ...(o.quietHours ? { quietHours: o.quietHours } : {}),
      steps: [
        { id: 'nudge', type: 'email', template: { templateId: 'abandoned-checkout' }, next: 'wait-order' },
        {
          id: 'wait-order',
          type: 'waitForEvent',
          event: 'order.placed',
          key: THIS_CHECKOUT,
          timeout: { hours: o.reminderAfterHours },
          onTimeout: 'reminder',
        },
        { id: 'reminder', type: 'email', template: { templateId: 'abandoned-checkout' } },
      ],
    }),
});

export const abandonedCheckoutJourney = (
  options: z.input<typeof abandonedCheckoutOptions> = {},
  locale: ShippedLocale = 'en',
): JourneyDefinition => abandonedCheckout.document(options, locale);
