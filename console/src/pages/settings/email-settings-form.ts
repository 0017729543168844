/**
 * The email settings the console edits (postal address, subscription topics with their names per
 * locale, frequency cap, default time zone, revenue attribution) as a form, and the body of `PUT /v1/workspace/email-settings` built from it.
 * The PUT replaces the whole settings, so the body starts from what was read and changes only what
 * the form holds. Numbers go as typed (the API names a wrong one next to its field). Pure.
 */
import type { BodyOf, ResponseOf } from '../../api/types.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';

export type EmailSettings = ResponseOf<'/v1/workspace/email-settings', 'get'>;
export type EmailSettingsBody = BodyOf<'/v1/workspace/email-settings', 'put'>;
export type CapUnit = 'hours' | 'days';
export const CAP_UNITS: readonly CapUnit[] = ['hours', 'days'];
export const isCapUnit = (value: string): value is CapUnit => value === 'hours' || value === 'days';
export type AttributionModel = EmailSettings['attribution']['model'];
export type AttributionTouches = EmailSettings['attribution']['touches'];
export const ATTRIBUTION_MODELS: readonly AttributionModel[] = ['lastTouch', 'firstTouch'];
export const ATTRIBUTION_TOUCHES: readonly AttributionTouches[] = ['clickOrOpen', 'click'];
export const isAttributionModel = (value: string): value is AttributionModel =>
  value === 'lastTouch' || value === 'firstTouch';
export const isAttributionTouches = (value: string): value is AttributionTouches =>
  value === 'clickOrOpen' || value === 'click';

export interface TopicForm {
  readonly id: string;
  /** Per locale, as typed; an empty name is left out (that locale falls back to the default one). */
  readonly names: Readonly<Record<Locale, string>>;
  readonly subscribedByDefault: boolean;
}

export interface EmailSettingsForm {
  readonly postalAddress: string;
  readonly topics: readonly TopicForm[];
  readonly cap: {
    readonly enabled: boolean;
    readonly limit: string;
    readonly period: string;
    readonly unit: CapUnit;
  };
  /** The zone of contacts without one (recipient-local schedules); empty: as read. */
  readonly defaultTimeZone: string;
  readonly attribution: {
    /** Days, as typed. */
    readonly windowDays: string;
    readonly model: AttributionModel;
    readonly touches: AttributionTouches;
  };
}

const namesOf = (names: Readonly<Partial<Record<string, string>>>): Record<Locale, string> => ({
  en: names.en ?? '',
  es: names.es ?? '',
  fr: names.fr ?? '',
  it: names.it ?? '',
  'zh-Hant': names['zh-Hant'] ?? '',
});

export const formOf = (settings: EmailSettings): EmailSettingsForm => ({
  postalAddress: settings.postalAddress ?? '',
  topics: settings.topics.map((topic) => ({
    id: topic.id,
    names: namesOf(topic.names),
    subscribedByDefault: topic.subscribedByDefault,
  })),
  cap: settings.frequencyCap
    ? {
        enabled: true,
        limit: String(settings.frequencyCap.limit),
        period: String(settings.frequencyCap.period),
        unit: settings.frequencyCap.unit,
      }
    : { enabled: false, limit: '3', period: '7', unit: 'days' },
  defaultTimeZone: settings.defaultTimeZone,
  attribution: {
    windowDays: String(settings.attribution.windowDays),
    model: settings.attribution.model,
    touches: settings.attribution.touches,
  },
});

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

/** The settings to PUT: those read, with the form's postal address, topics and cap. */
export const settingsBody = (settings: EmailSettings, form: EmailSettingsForm): EmailSettingsBody => {
  const {
    postalAddress: _address,
    frequencyCap: _cap,
    topics: _topics,
    defaultTimeZone: _zone,
    attribution: _attribution,
    ...rest
  } = settings;
  const address = form.postalAddress.trim();
  return {
    ...rest,
    // Empty when the zone read was not a string (the OpenAPI document types it as unknown, its
    // schema transforms aliases): then left out, and the API takes its default.
    ...(form.defaultTimeZone !== '' ? { defaultTimeZone: form.defaultTimeZone } : {}),
    attribution: {
      windowDays: numberOf(form.attribution.windowDays),
      model: form.attribution.model,
      touches: form.attribution.touches,
    },
    ...(address !== '' ? { postalAddress: address } : {}),
    topics: form.topics.map((topic) => ({
      id: topic.id,
      names: Object.fromEntries(
        LOCALES.flatMap((l) => {
          const name = topic.names[l].trim();
          return name === '' ? [] : [[l, name]];
        }),
      ),
      subscribedByDefault: topic.subscribedByDefault,
    })),
    ...(form.cap.enabled
      ? {
          frequencyCap: {
            limit: numberOf(form.cap.limit),
            period: numberOf(form.cap.period),
            unit: form.cap.unit,
          },
        }
      : {}),
  };
};

/** A new topic at the end, named in one locale (the workspace's default). */
export const addTopic = (
  form: EmailSettingsForm,
  id: string,
  name: string,
  locale: Locale,
): EmailSettingsForm => ({
  ...form,
  topics: [
    ...form.topics,
    {
      id: id.trim(),
      names: { ...namesOf({}), [locale]: name.trim() },
      subscribedByDefault: true,
    },
  ],
});

export const removeTopic = (form: EmailSettingsForm, index: number): EmailSettingsForm => ({
  ...form,
  topics: form.topics.filter((_, i) => i !== index),
});

export const updateTopic = (
  form: EmailSettingsForm,
  index: number,
  change: Partial<Omit<TopicForm, 'id'>>,
): EmailSettingsForm => ({
  ...form,
  topics: form.topics.map((topic, i) => (i === index ? { ...topic, ...change } : topic)),
});

/** Renames a topic in one locale. */
export const renameTopic = (form: EmailSettingsForm, index: number, locale: Locale, name: string) => {
  const topic = form.topics[index];
  return topic ? updateTopic(form, index, { names: { ...topic.names, [locale]: name } }) : form;
};
