/**
 * Win-back: the `win-back` email 90 days (`inactiveDays`) after a customer's last order, at most once
 * per 180 days (`oncePerDays`). The run then stays open 14 days with the next order as its goal, so an
 * order the email brought back ends it as a goal (reported as the journey's conversion) rather than
 * passing unnoticed after a run that had already completed.
 */
import * as z from 'zod';
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from '../journey-definition.schema.ts';
import { DEFAULT_QUIET_HOURS, OPTION_SCHEMAS } from './options.ts';
import { readyMade } from './ready-made.ts';

/** How long an order still counts as won back by the email. */
export const WIN_BACK_CONVERSION_DAYS = 14;

export const winBackOptions = z.strictObject({
  inactiveDays: OPTION_SCHEMAS.inactiveDays.default(90),
  oncePerDays: OPTION_SCHEMAS.oncePerDays.default(180),
  quietHours: OPTION_SCHEMAS.quietHours.default(DEFAULT_QUIET_HOURS),
});

export const winBack = readyMade({
  name: 'win-back',
  templates: ['win-back'],
  text: {
    en: {
      title: 'Win-back',
      description: 'An email to customers who have not ordered for 90 days; their next order is the goal.',
    },
    es: {
      title: 'Recuperación de clientes',
      description: 'Un correo a quienes llevan 90 días sin comprar; su próximo pedido es el objetivo.',
    },
    fr: {
      title: 'Reconquête',
      description:
        'Un e-mail aux clients qui n’ont pas commandé depuis 90 jours ; leur prochaine commande est l’objectif.',
    },
    it: {
      title: 'Riconquista clienti',
      description: "Un'email a chi non ordina da 90 giorni; il prossimo ordine è l'obiettivo.",
    },
    'zh-Hant': {
      title: '喚回顧客',
      description: '寄給 90 天未下單的顧客；下一筆訂單即為目標。',
    },
  },
  options: winBackOptions,
  build: (o, text): JourneyDefinition =>
    journeyDefinitionSchema.parse({
      name: text.title,
      description: text.description,
      trigger: { type: 'inactivity', event: 'order.placed', days: o.inactiveDays },
      entry: { mode: 'oncePer', periodDays: o.oncePerDays },
      goal: { event: 'order.placed' },
      ...(o.quietHours ? { quietHours: o.quietHours } : {}),
      steps: [
        { id: 'win-back', type: 'email', template: { templateId: 'win-back' }, next: 'conversion' },
        { id: 'conversion', type: 'wait', duration: { days: WIN_BACK_CONVERSION_DAYS } },
      ],
    }),
});

export const winBackJourney = (
  options: z.input<typeof winBackOptions> = {},
  locale: ShippedLocale = 'en',
): JourneyDefinition => winBack.document(options, locale);
