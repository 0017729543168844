/**
 * The preview of a saved template version, rendered by the API's own send path for a chosen contact
 * in a chosen language, shown at a phone, tablet or desktop width. The rendered HTML is shown in a
 * sandboxed frame (no script, no same-origin access). Test send mails it to an address.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../i18n/locales.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { contactName } from '../contacts/contact-name.ts';

const WIDTHS = { phone: 375, tablet: 768, desktop: 1024 } as const;
type Device = keyof typeof WIDTHS;
const isDevice = (v: string): v is Device => v in WIDTHS;

export function TemplatePreview(props: {
  readonly templateId: string;
  readonly version: number;
  readonly locales: readonly Locale[];
}) {
  const { t } = useI18n();
  const session = useSession();
  const [locale, setLocale] = useState<Locale | ''>('');
  const [device, setDevice] = useState<Device>('desktop');
  const [contactId, setContactId] = useState('');
  const [to, setTo] = useState(session.me.user.email);
  const contacts = useQuery({
    queryKey: ['contacts', session.workspaceId, '', undefined],
    queryFn: ({ signal }) => api.get('/v1/contacts', { query: { limit: 25 }, signal }),
  });
  const chosenContact = contactId || contacts.data?.contacts[0]?.id || '';
  const preview = useQuery({
    queryKey: [
      'template-preview',
      session.workspaceId,
      props.templateId,
      props.version,
      chosenContact,
      locale,
    ],
    queryFn: ({ signal }) =>
      api.post('/v1/templates/{templateId}/preview', {
        params: { templateId: props.templateId },
        body: { contactId: chosenContact, version: props.version, ...(locale ? { locale } : {}) },
        signal,
      }),
    enabled: chosenContact !== '',
    retry: false,
  });
  const testSend = useMutation({
    mutationFn: () =>
      api.post('/v1/templates/{templateId}/test-send', {
        params: { templateId: props.templateId },
        body: { to, contactId: chosenContact, version: props.version },
      }),
  });
  const result = preview.data;

  return (
    <section className="card" aria-labelledby="template-preview-title">
      <h2 id="template-preview-title">{t('template.preview')}</h2>
      <div className="grid">
        <SelectField
          label={t('template.previewContact')}
          value={chosenContact}
          onValue={setContactId}
          options={(contacts.data?.contacts ?? []).map((c) => ({ value: c.id, label: contactName(c) }))}
        />
        <SelectField
          label={t('template.previewLocale')}
          value={locale}
          onValue={(v) => setLocale(isLocale(v) ? v : '')}
          options={[
            { value: '', label: t('template.contactLocale') },
            ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
          ]}
          hint={
            props.locales.length > 0
              ? t('template.hasLocales', { locales: props.locales.map((l) => LOCALE_NAMES[l]).join(', ') })
              : undefined
          }
        />
        <SelectField
          label={t('template.device')}
          value={device}
          onValue={(v) => isDevice(v) && setDevice(v)}
          options={[
            { value: 'phone', label: t('template.device.phone') },
            { value: 'tablet', label: t('template.device.tablet') },
            { value: 'desktop', label: t('template.device.desktop') },
          ]}
        />
      </div>
      {contacts.data?.contacts.length === 0 && <p className="notice">{t('template.previewNeedsContact')}</p>}
      <ErrorMessage error={preview.error ?? contacts.error} />
      {preview.isFetching && !result && <p className="muted">{t('common.loading')}</p>}
      {result && !result.ok && (
        <p className="error" role="alert">
          {t('template.previewFailed', { reason: result.reason })}
        </p>
      )}
      {result?.ok && (
        <div aria-live="polite">
          <p>
            <strong>{t('template.subject')}</strong>{' '}
            <span data-testid="preview-subject">{result.email.subject}</span>
          </p>
          <p className="muted">
            {t('template.renderedIn', { locale: LOCALE_NAMES[result.email.locale], version: result.version })}
          </p>
          <iframe
            className="preview-frame"
            title={t('template.previewFrame')}
            sandbox=""
            srcDoc={result.email.html}
            style={{ width: `min(100%, ${WIDTHS[device]}px)` }}
          />
        </div>
      )}
      {session.canWrite && (
        <form
          className="search"
          onSubmit={(e) => {
            e.preventDefault();
            testSend.mutate();
          }}
        >
          <TextField
            label={t('template.testTo')}
            type="email"
            required
            value={to}
            onValue={setTo}
            error={fieldError(testSend.error, 'to')}
          />
          <button type="submit" className="button secondary" disabled={testSend.isPending || !chosenContact}>
            {t('template.testSend')}
          </button>
        </form>
      )}
      <ErrorMessage error={testSend.error} fields={['to']} />
      {testSend.isSuccess && (
        <p className="notice" role="status">
          {t('template.testSent', { to })}
        </p>
      )}
    </section>
  );
}
