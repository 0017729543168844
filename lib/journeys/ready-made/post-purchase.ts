/**
 * Post-purchase follow-up: a few days after an order, the `order-follow-up` email (did it arrive
 * well? reply if not), then a week later the `review-request`.
 *
 * Entry once per 30 days (`oncePerDays`), not `always`: a regular who orders every week would
 * otherwise be asked for a review after every order; one follow-up a month is what a shop wants.
 * The follow-up names the order when its data carries `orderId` (as `order.placed` does). The review
 * button reads `data.reviewUrl`, which an order does not carry: point the installed template's button
 * at the shop's review page (one edit of the `review-request` template).
 */
import * as z from 'zod';
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from '../journey-definition.schema.ts';
import { DEFAULT_QUIET_HOURS, OPTION_SCHEMAS } from './options.ts';
import { readyMade } from './ready-made.ts';

export const postPurchaseOptions = z.strictObject({
  followUpDays: OPTION_SCHEMAS.followUpDays
    .default(3)
    .describe('days after the order before the follow-up (0: at once)'),
  reviewAfterDays: OPTION_SCHEMAS.reviewAfterDays.default(7),
  oncePerDays: OPTION_SCHEMAS.oncePerDays.default(30),
  quietHours: OPTION_SCHEMAS.quietHours.default(DEFAULT_QUIET_HOURS),
});

export const postPurchase = readyMade({
  name: 'post-purchase',
  templates: ['order-follow-up', 'review-request'],
  text: {
    en: {
      title: 'Post-purchase follow-up',
      description: 'A follow-up a few days after an order, then a review request a week later.',
    },
    es: {
      title: 'Seguimiento tras la compra',
      description:
        'Un seguimiento unos días después del pedido y una solicitud de reseña una semana más tarde.',
    },
    fr: {
      title: 'Suivi après achat',
      description:
        'Un suivi quelques jours après la commande, puis une demande d’avis une semaine plus tard.',
    },
    it: {
      title: "Follow-up dopo l'acquisto",
      description:
        "Un follow-up qualche giorno dopo l'ordine e una richiesta di recensione una settimana dopo.",
    },
    'zh-Hant': {
      title: '購買後追蹤',
      description: '訂單成立幾天後寄出關懷郵件，一週後再邀請留下評價。',
    },
  },
  options: postPurchaseOptions,
  build: (o, text): JourneyDefinition =>
    journeyDefinitionSchema.parse({
      name: text.title,
      description: text.description,
      trigger: { type: 'event', event: 'order.placed' },
      entry: { mode: 'oncePer', periodDays: o.oncePerDays },
      ...(o.quietHours ? { quietHours: o.quietHours } : {}),
      steps: [
        ...(o.followUpDays > 0
          ? [{ id: 'wait-delivery', type: 'wait', duration: { days: o.followUpDays }, next: 'follow-up' }]
          : []),
        { id: 'follow-up', type: 'email', template: { templateId: 'order-follow-up' }, next: 'wait-use' },
        { id: 'wait-use', type: 'wait', duration: { days: o.reviewAfterDays }, next: 'review' },
        { id: 'review', type: 'email', template: { templateId: 'review-request' } },
      ],
    }),
});

export const postPurchaseJourney = (
  options: z.input<typeof postPurchaseOptions> = {},
  locale: ShippedLocale = 'en',
): JourneyDefinition => postPurchase.document(options, locale);
