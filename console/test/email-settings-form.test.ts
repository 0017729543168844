/**
 * The email settings form: read from the API's settings, and the whole settings PUT back with the
 * postal address, topics (added, renamed, removed) and frequency cap changed and everything else as
 * read; the body passes the API's own schema. Also the default time zone and the revenue attribution.
 */
import { describe, expect, it } from 'vitest';
import { emailSettingsSchema } from '../../lib/workspaces/email-settings.schema.ts';
import {
  addTopic,
  type EmailSettings,
  formOf,
  removeTopic,
  renameTopic,
  settingsBody,
  updateTopic,
} from '../src/pages/settings/email-settings-form.ts';

const READ: EmailSettings = {
  defaultLocale: 'es',
  defaultTimeZone: 'Europe/Madrid',
  salesAddress: 'sales@shop.example',
  doubleOptIn: true,
  topics: [{ id: 'newsletter', names: { es: 'Boletín', en: 'Newsletter' }, subscribedByDefault: true }],
  attribution: { windowDays: 7, model: 'firstTouch', touches: 'click' },
};

describe('the email settings form', () => {
  it('reads the settings, with every locale’s name and the cap off', () => {
    const form = formOf(READ);
    expect(form.postalAddress).toBe('');
    expect(form.topics[0]?.names).toEqual({ en: 'Newsletter', es: 'Boletín', fr: '', it: '', 'zh-Hant': '' });
    expect(form.cap.enabled).toBe(false);
  });

  it('puts back everything it does not edit, and what it edits, in a body the API accepts', () => {
    let form = formOf(READ);
    form = { ...form, postalAddress: '  Calle Mayor 1, 28013 Madrid, España ' };
    form = addTopic(form, ' offers ', ' Ofertas ', 'es');
    form = renameTopic(form, 0, 'fr', 'Lettre d’information');
    form = updateTopic(form, 1, { subscribedByDefault: false });
    form = { ...form, cap: { enabled: true, limit: '3', period: '7', unit: 'days' } };

    const body = settingsBody(READ, form);

    expect(body).toEqual({
      defaultLocale: 'es',
      defaultTimeZone: 'Europe/Madrid',
      salesAddress: 'sales@shop.example',
      doubleOptIn: true,
      attribution: { windowDays: 7, model: 'firstTouch', touches: 'click' },
      postalAddress: 'Calle Mayor 1, 28013 Madrid, España',
      topics: [
        {
          id: 'newsletter',
          names: { en: 'Newsletter', es: 'Boletín', fr: 'Lettre d’information' },
          subscribedByDefault: true,
        },
        { id: 'offers', names: { es: 'Ofertas' }, subscribedByDefault: false },
      ],
      frequencyCap: { limit: 3, period: 7, unit: 'days' },
    });
    expect(emailSettingsSchema.safeParse(body).error?.issues ?? []).toEqual([]);
  });

  it('removes a topic, the postal address cleared, and the cap turned off', () => {
    const read: EmailSettings = {
      ...READ,
      postalAddress: 'Calle Mayor 1, Madrid',
      frequencyCap: { limit: 2, period: 24, unit: 'hours' },
    };
    const form = formOf(read);
    expect(form.cap).toEqual({ enabled: true, limit: '2', period: '24', unit: 'hours' });

    const body = settingsBody(read, {
      ...removeTopic(form, 0),
      postalAddress: ' ',
      cap: { ...form.cap, enabled: false },
    });

    expect(body.topics).toEqual([]);
    expect(body).not.toHaveProperty('postalAddress');
    expect(body).not.toHaveProperty('frequencyCap');
  });

  it('changes the default time zone and the attribution', () => {
    const form = formOf(READ);
    expect(form.defaultTimeZone).toBe('Europe/Madrid');
    expect(form.attribution).toEqual({ windowDays: '7', model: 'firstTouch', touches: 'click' });

    const body = settingsBody(READ, {
      ...form,
      defaultTimeZone: 'Europe/Rome',
      attribution: { windowDays: '14', model: 'lastTouch', touches: 'clickOrOpen' },
    });

    expect(body.defaultTimeZone).toBe('Europe/Rome');
    expect(body.attribution).toEqual({ windowDays: 14, model: 'lastTouch', touches: 'clickOrOpen' });
    expect(emailSettingsSchema.safeParse(body).error?.issues ?? []).toEqual([]);
    const tooLong = settingsBody(READ, { ...form, attribution: { ...form.attribution, windowDays: '31' } });
    expect(emailSettingsSchema.safeParse(tooLong).error?.issues.map((i) => i.path.join('.'))).toEqual([
      'attribution.windowDays',
    ]);
  });

  it('sends a wrong number as typed, for the API to name next to its field', () => {
    const form = formOf(READ);
    const issuesOf = (cap: { limit: string; period: string }) =>
      emailSettingsSchema
        .safeParse(
          JSON.parse(
            JSON.stringify(settingsBody(READ, { ...form, cap: { ...cap, enabled: true, unit: 'days' } })),
          ),
        )
        .error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issuesOf({ limit: '', period: '7' })).toEqual(['frequencyCap.limit']);
    expect(issuesOf({ limit: '3', period: '200' })).toEqual(['frequencyCap.period']);
  });
});
