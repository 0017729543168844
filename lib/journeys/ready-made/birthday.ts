/**
 * Birthday: the `birthday` email every year on the contact's birthday (a date attribute, `birthday`
 * by default), at 09:00 (`sendAt`) in the contact's own zone, `offsetDays` before or after. Entry once
 * per 300 days: the date trigger fires once a year, and a redelivered or re-evaluated trigger (a
 * birthday attribute edited on the day, a zone changed) cannot send a second one the same year. No
 * quiet hours: the time of day is the option itself.
 */
import * as z from 'zod';
import type { ShippedLocale } from '../../workspaces/email-settings.schema.ts';
import { type JourneyDefinition, journeyDefinitionSchema } from '../journey-definition.schema.ts';
import { OPTION_SCHEMAS } from './options.ts';
import { readyMade } from './ready-made.ts';

/** Less than a year, more than any slip of a yearly date in time zones and leap years. */
export const BIRTHDAY_ENTRY_DAYS = 300;

export const birthdayOptions = z.strictObject({
  attribute: OPTION_SCHEMAS.attribute.default('birthday'),
  sendAt: OPTION_SCHEMAS.sendAt.default('09:00'),
  offsetDays: OPTION_SCHEMAS.offsetDays.default(0),
});

export const birthday = readyMade({
  name: 'birthday',
  templates: ['birthday'],
  text: {
    en: {
      title: 'Birthday',
      description: 'A birthday email every year at 09:00 in the contact’s time zone.',
    },
    es: {
      title: 'Cumpleaños',
      description: 'Un correo de cumpleaños cada año a las 09:00 en la zona horaria del contacto.',
    },
    fr: {
      title: 'Anniversaire',
      description: 'Un e-mail d’anniversaire chaque année à 09:00 dans le fuseau horaire du contact.',
    },
    it: {
      title: 'Compleanno',
      description: "Un'email di compleanno ogni anno alle 09:00 nel fuso orario del contatto.",
    },
    'zh-Hant': {
      title: '生日祝福',
      description: '每年在聯絡人生日當天，依其時區於 09:00 寄出生日郵件。',
    },
  },
  options: birthdayOptions,
  build: (o, text): JourneyDefinition =>
    journeyDefinitionSchema.parse({
      name: text.title,
      description: text.description,
      trigger: { type: 'date', field: `attributes.${o.attribute}`, at: o.sendAt, offsetDays: o.offsetDays },
      entry: { mode: 'oncePer', periodDays: BIRTHDAY_ENTRY_DAYS },
      steps: [{ id: 'birthday', type: 'email', template: { templateId: 'birthday' } }],
    }),
});

export const birthdayJourney = (
  options: z.input<typeof birthdayOptions> = {},
  locale: ShippedLocale = 'en',
): JourneyDefinition => birthday.document(options, locale);
