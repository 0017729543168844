/**
 * Welcome series: the `welcome` email the moment someone becomes a marketing subscriber, then, a few
 * days later, a second email (the `newsletter` template: what has been happening, a first taste of
 * what they signed up for).
 *
 * The trigger is email consent becoming `subscribed` (`contact.consent.changed`), not
 * `contact.created`: a shop stores a contact for every buyer and every checkout with an email, most
 * of them without marketing consent, and a welcome is marketing email for people who asked for it.
 * Consent is where subscribing lands however it happens (a signup form, the API, a storefront's
 * "accepts marketing", staff), and under double opt-in it turns `subscribed` only once the person
 * confirmed, so the welcome follows the confirmation. Entry once: someone who unsubscribes and comes
 * back is not welcomed twice. Changes made in the preference centre (source `preference-centre`,
 * SOURCES.preferenceCentre of lib/subscriptions/preferences.ts) do not count: they come from a link in
 * an email the person already received, and a topic change there still reports `subscribed`. No quiet
 * hours: a welcome is expected at once, while the person is there.
 */
import * as z from 'zod';
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from '../journey-definition.schema.ts';
import { OPTION_SCHEMAS } from './options.ts';
import { readyMade } from './ready-made.ts';

export const welcomeOptions = z.strictObject({
  followUpDays: OPTION_SCHEMAS.followUpDays
    .default(3)
    .describe('days between the welcome and the second email; 0 sends the welcome only'),
});

export const welcome = readyMade({
  name: 'welcome',
  templates: ['welcome', 'newsletter'],
  text: {
    en: {
      title: 'Welcome series',
      description: 'A welcome email when someone subscribes, and a second email a few days later.',
    },
    es: {
      title: 'Serie de bienvenida',
      description: 'Un correo de bienvenida al suscribirse y un segundo correo unos días después.',
    },
    fr: {
      title: 'Série de bienvenue',
      description: 'Un e-mail de bienvenue à l’inscription, puis un second quelques jours plus tard.',
    },
    it: {
      title: 'Serie di benvenuto',
      description: "Un'email di benvenuto all'iscrizione e una seconda email qualche giorno dopo.",
    },
    'zh-Hant': {
      title: '歡迎系列',
      description: '有人訂閱時寄出歡迎郵件，幾天後再寄出第二封郵件。',
    },
  },
  options: welcomeOptions,
  build: (o, text): JourneyDefinition =>
    journeyDefinitionSchema.parse({
      name: text.title,
      description: text.description,
      trigger: {
        type: 'event',
        event: 'contact.consent.changed',
        where: [
          { path: 'properties.channel', op: 'equals', value: 'email' },
          { path: 'properties.status', op: 'equals', value: 'subscribed' },
          { path: 'properties.source', op: 'notEquals', value: 'preference-centre' },
        ],
      },
      entry: { mode: 'once' },
      steps: [
        {
          id: 'welcome',
          type: 'email',
          template: { templateId: 'welcome' },
          ...(o.followUpDays > 0 ? { next: 'wait' } : {}),
        },
        ...(o.followUpDays > 0
          ? [
              { id: 'wait', type: 'wait', duration: { days: o.followUpDays }, next: 'second' },
              { id: 'second', type: 'email', template: { templateId: 'newsletter' } },
            ]
          : []),
      ],
    }),
});

export const welcomeJourney = (
  options: z.input<typeof welcomeOptions> = {},
  locale: ShippedLocale = 'en',
): JourneyDefinition => welcome.document(options, locale);
