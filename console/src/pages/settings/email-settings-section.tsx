/**
 * Email settings (admins): the postal address every marketing email carries, the subscription
 * topics contacts choose from (added, renamed per language, removed), the frequency cap, the time
 * zone of contacts without one, and how orders are attributed to campaigns. Saved
 * whole (`PUT /v1/workspace/email-settings`); the API's messages show next to their fields.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/api.ts';
import { ApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locales.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import {
  ATTRIBUTION_MODELS,
  ATTRIBUTION_TOUCHES,
  addTopic,
  CAP_UNITS,
  type EmailSettings,
  type EmailSettingsForm,
  formOf,
  isAttributionModel,
  isAttributionTouches,
  isCapUnit,
  removeTopic,
  renameTopic,
  settingsBody,
  updateTopic,
} from './email-settings-form.ts';

/** The fields this section shows next to their control; other issues go in the message above. */
const FIELDS = ['postalAddress', 'topics', 'frequencyCap', 'defaultTimeZone', 'attribution'];

const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

/** The API's messages about exactly this path (not the fields under it). */
const ownIssues = (error: unknown, path: string): string | undefined => {
  const messages =
    error instanceof ApiError ? error.issues.filter((i) => i.path === path).map((i) => i.message) : [];
  return messages.length > 0 ? messages.join('; ') : undefined;
};

export function EmailSettingsSection() {
  const { t } = useI18n();
  const session = useSession();
  const settings = useQuery({
    queryKey: ['email-settings', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/workspace/email-settings', { signal }),
  });
  return (
    <section className="card" aria-labelledby="email-settings-title">
      <h2 id="email-settings-title">{t('settings.email')}</h2>
      <ErrorMessage error={settings.error} />
      {settings.data ? <EmailSettingsEditor settings={settings.data} /> : settings.isPending && <Loading />}
    </section>
  );
}

function EmailSettingsEditor(props: { readonly settings: EmailSettings }) {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<EmailSettingsForm>(() => formOf(props.settings));
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const defaultLocale = props.settings.defaultLocale;
  const save = useMutation({
    mutationFn: () => api.put('/v1/workspace/email-settings', { body: settingsBody(props.settings, form) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(['email-settings', session.workspaceId], saved);
      setForm(formOf(saved));
    },
  });
  const error = save.error;
  const cap = form.cap;
  const taken = form.topics.some((topic) => topic.id === newId.trim());
  const zones = useMemo(timeZones, []);
  const zoneOptions = [...(zones.includes(form.defaultTimeZone) ? [] : [form.defaultTimeZone]), ...zones].map(
    (z) => ({ value: z, label: z }),
  );
  const attribution = form.attribution;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <TextAreaField
        label={t('settings.postalAddress')}
        value={form.postalAddress}
        onValue={(postalAddress) => setForm({ ...form, postalAddress })}
        rows={3}
        hint={t('settings.postalAddressHint')}
        error={fieldError(error, 'postalAddress')}
      />

      <fieldset>
        <legend>{t('settings.topics')}</legend>
        <p className="hint">{t('settings.topicsHint')}</p>
        {form.topics.length === 0 && <p className="muted">{t('settings.noTopics')}</p>}
        {form.topics.map((topic, i) => {
          const path = `topics[${i}]`;
          const idError = fieldError(error, `${path}.id`) ?? ownIssues(error, path);
          return (
            <fieldset key={topic.id} data-testid={`topic-${topic.id}`}>
              <legend>
                <code>{topic.id}</code>
              </legend>
              {idError && <p className="field-error">{idError}</p>}
              <div className="grid">
                {LOCALES.map((locale) => (
                  <TextField
                    key={locale}
                    label={t('settings.topicName', { language: LOCALE_NAMES[locale] })}
                    lang={locale}
                    value={topic.names[locale]}
                    onValue={(name) => setForm(renameTopic(form, i, locale, name))}
                    required={locale === defaultLocale}
                    error={fieldError(error, `${path}.names.${locale}`)}
                  />
                ))}
              </div>
              <label className="inline-field">
                <input
                  type="checkbox"
                  checked={topic.subscribedByDefault}
                  onChange={(e) => setForm(updateTopic(form, i, { subscribedByDefault: e.target.checked }))}
                />
                {t('settings.topicDefault')}
              </label>{' '}
              <button type="button" className="button link" onClick={() => setForm(removeTopic(form, i))}>
                {t('settings.removeTopic', { id: topic.id })}
              </button>
            </fieldset>
          );
        })}
        {ownIssues(error, 'topics') && <p className="field-error">{ownIssues(error, 'topics')}</p>}
        <div className="grid">
          <TextField
            label={t('settings.topicId')}
            value={newId}
            onValue={setNewId}
            hint={t('settings.topicIdHint')}
            error={taken ? t('settings.topicTaken') : undefined}
          />
          <TextField
            label={t('settings.topicName', { language: LOCALE_NAMES[defaultLocale] })}
            lang={defaultLocale}
            value={newName}
            onValue={setNewName}
          />
        </div>
        <button
          type="button"
          className="button secondary"
          disabled={newId.trim() === '' || newName.trim() === '' || taken}
          onClick={() => {
            setForm(addTopic(form, newId, newName, defaultLocale));
            setNewId('');
            setNewName('');
          }}
        >
          {t('settings.addTopic')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('settings.frequencyCap')}</legend>
        <label className="inline-field">
          <input
            type="checkbox"
            checked={cap.enabled}
            onChange={(e) => setForm({ ...form, cap: { ...cap, enabled: e.target.checked } })}
          />
          {t('settings.capEnabled')}
        </label>
        {cap.enabled && (
          <div className="grid">
            <TextField
              label={t('settings.capLimit')}
              type="number"
              inputMode="numeric"
              value={cap.limit}
              onValue={(limit) => setForm({ ...form, cap: { ...cap, limit } })}
              error={fieldError(error, 'frequencyCap.limit')}
            />
            <TextField
              label={t('settings.capPeriod')}
              type="number"
              inputMode="numeric"
              value={cap.period}
              onValue={(period) => setForm({ ...form, cap: { ...cap, period } })}
              error={fieldError(error, 'frequencyCap.period')}
            />
            <SelectField
              label={t('settings.capUnit')}
              value={cap.unit}
              onValue={(unit) => isCapUnit(unit) && setForm({ ...form, cap: { ...cap, unit } })}
              options={CAP_UNITS.map((u) => ({ value: u, label: t(`settings.unit.${u}`) }))}
              error={fieldError(error, 'frequencyCap.unit')}
            />
          </div>
        )}
        {ownIssues(error, 'frequencyCap') && (
          <p className="field-error">{ownIssues(error, 'frequencyCap')}</p>
        )}
      </fieldset>

      <SelectField
        label={t('settings.defaultTimeZone')}
        value={form.defaultTimeZone}
        onValue={(defaultTimeZone) => setForm({ ...form, defaultTimeZone })}
        options={zoneOptions}
        hint={t('settings.defaultTimeZoneHint')}
        error={fieldError(error, 'defaultTimeZone')}
      />

      <fieldset>
        <legend>{t('settings.attribution')}</legend>
        <div className="grid">
          <TextField
            label={t('settings.attributionWindow')}
            type="number"
            inputMode="numeric"
            value={attribution.windowDays}
            onValue={(windowDays) => setForm({ ...form, attribution: { ...attribution, windowDays } })}
            hint={t('settings.attributionWindowHint')}
            error={fieldError(error, 'attribution.windowDays')}
          />
          <SelectField
            label={t('settings.attributionModel')}
            value={attribution.model}
            onValue={(model) =>
              isAttributionModel(model) && setForm({ ...form, attribution: { ...attribution, model } })
            }
            options={ATTRIBUTION_MODELS.map((m) => ({ value: m, label: t(`settings.model.${m}`) }))}
            error={fieldError(error, 'attribution.model')}
          />
          <SelectField
            label={t('settings.attributionTouches')}
            value={attribution.touches}
            onValue={(touches) =>
              isAttributionTouches(touches) && setForm({ ...form, attribution: { ...attribution, touches } })
            }
            options={ATTRIBUTION_TOUCHES.map((x) => ({ value: x, label: t(`settings.touches.${x}`) }))}
            error={fieldError(error, 'attribution.touches')}
          />
        </div>
      </fieldset>

      <ErrorMessage error={error} fields={FIELDS} />
      {save.isSuccess && (
        <p className="notice" role="status">
          {t('settings.emailSaved')}
        </p>
      )}
      <button type="submit" className="button primary" disabled={save.isPending}>
        {t('settings.saveEmail')}
      </button>
    </form>
  );
}
