/**
 * Creates or edits a template: its name and kind, and per language the subject, preheader and body
 * (MJML or HTML). Each save is a new immutable version; the preview and test send use the version
 * just saved. The API's messages (a Liquid or MJML error with its line) show under their field.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../i18n/locales.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { STARTER_MJML } from './starter-template.ts';
import { TemplatePreview } from './template-preview.tsx';
import { templatesQueryKey } from './use-templates.ts';

interface LocaleDraft {
  subject: string;
  preheader: string;
  format: 'mjml' | 'html';
  source: string;
  /** A text part written by hand (kept); a generated one is regenerated at save. */
  text?: string;
}

export function TemplateEditorPage() {
  const { templateId } = useParams({ strict: false });
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'marketing' | 'transactional'>('marketing');
  const [topic, setTopic] = useState('');
  const [drafts, setDrafts] = useState<Partial<Record<Locale, LocaleDraft>>>({
    en: { subject: '', preheader: '', format: 'mjml', source: STARTER_MJML },
  });
  const [editing, setEditing] = useState<Locale>('en');
  const [adding, setAdding] = useState<Locale | ''>('');
  const [savedVersion, setSavedVersion] = useState<number | undefined>();

  const template = useQuery({
    queryKey: ['template', session.workspaceId, templateId],
    queryFn: ({ signal }) =>
      api.get('/v1/templates/{templateId}', { params: { templateId: templateId ?? '' }, signal }),
    enabled: templateId !== undefined,
  });
  useEffect(() => {
    const data = template.data;
    if (!data) return;
    setId(data.id);
    setName(data.name);
    setKind(data.kind);
    setTopic(data.topic ?? '');
    const next: Partial<Record<Locale, LocaleDraft>> = {};
    for (const [locale, l] of Object.entries(data.locales)) {
      if (!isLocale(locale)) continue;
      next[locale] = {
        subject: l.subject,
        preheader: l.preheader ?? '',
        format: l.format,
        source: l.source,
        ...(l.textGenerated ? {} : { text: l.text }),
      };
    }
    setDrafts(next);
    setEditing(Object.keys(next).find(isLocale) ?? 'en');
    setSavedVersion(data.version);
  }, [template.data]);

  const save = useMutation({
    mutationFn: () => {
      const locales: Record<
        string,
        { subject: string; preheader?: string; mjml?: string; html?: string; text?: string }
      > = {};
      for (const [locale, d] of Object.entries(drafts)) {
        if (!d) continue;
        locales[locale] = {
          subject: d.subject,
          ...(d.preheader ? { preheader: d.preheader } : {}),
          ...(d.format === 'mjml' ? { mjml: d.source } : { html: d.source }),
          ...(d.text ? { text: d.text } : {}),
        };
      }
      return api.put('/v1/templates/{templateId}', {
        params: { templateId: templateId ?? id },
        body: { name, kind, ...(topic && kind === 'marketing' ? { topic } : {}), locales },
      });
    },
    onSuccess: (result) => {
      setSavedVersion(result.latestVersion);
      void queryClient.invalidateQueries({ queryKey: templatesQueryKey(session.workspaceId) });
      if (!templateId) void navigate({ to: '/templates/$templateId', params: { templateId: result.id } });
      else void queryClient.invalidateQueries({ queryKey: ['template', session.workspaceId, templateId] });
    },
  });

  if (templateId && template.isPending) return <Loading />;
  if (template.error) return <ErrorMessage error={template.error} />;
  const draft = drafts[editing];
  const setDraft = (change: Partial<LocaleDraft>) =>
    setDrafts((all) => {
      const current = all[editing];
      return current ? { ...all, [editing]: { ...current, ...change } } : all;
    });
  const missing = LOCALES.filter((l) => !drafts[l]);
  const readOnly = !session.canWrite;
  const path = (field: string) => `locales.${editing}.${field}`;

  return (
    <section>
      <p>
        <Link to="/templates">{t('template.back')}</Link>
      </p>
      <PageHeader title={templateId ? name || templateId : t('template.new')} />
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        {!templateId && (
          <TextField
            label={t('template.id')}
            hint={t('template.idHint')}
            value={id}
            onValue={setId}
            required
            pattern="[a-z][a-z0-9\-]{0,62}"
            error={fieldError(save.error, 'templateId')}
          />
        )}
        <TextField
          label={t('template.name')}
          value={name}
          onValue={setName}
          required
          maxLength={100}
          error={fieldError(save.error, 'name')}
          disabled={readOnly}
        />
        <div className="grid">
          <SelectField
            label={t('templates.kind')}
            value={kind}
            onValue={(v) => setKind(v === 'transactional' ? 'transactional' : 'marketing')}
            options={[
              { value: 'marketing', label: t('templates.kind.marketing') },
              { value: 'transactional', label: t('templates.kind.transactional') },
            ]}
            error={fieldError(save.error, 'kind')}
            disabled={readOnly}
          />
          {kind === 'marketing' && (
            <TextField
              label={t('template.topic')}
              hint={t('template.topicHint')}
              value={topic}
              onValue={setTopic}
              error={fieldError(save.error, 'topic')}
              disabled={readOnly}
            />
          )}
        </div>
        <fieldset>
          <legend>{t('template.languages')}</legend>
          <div className="grid">
            <SelectField
              label={t('template.editingLocale')}
              value={editing}
              onValue={(v) => isLocale(v) && setEditing(v)}
              options={LOCALES.filter((l) => drafts[l]).map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
            />
            {missing.length > 0 && !readOnly && (
              <div className="search">
                <SelectField
                  label={t('template.addLocale')}
                  value={adding}
                  onValue={(v) => setAdding(isLocale(v) ? v : '')}
                  options={[
                    { value: '', label: t('template.chooseLocale') },
                    ...missing.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
                  ]}
                />
                <button
                  type="button"
                  className="button secondary"
                  disabled={!adding}
                  onClick={() => {
                    if (!adding) return;
                    setDrafts((all) => ({
                      ...all,
                      [adding]: {
                        ...(draft ?? { subject: '', preheader: '', format: 'mjml', source: STARTER_MJML }),
                      },
                    }));
                    setEditing(adding);
                    setAdding('');
                  }}
                >
                  {t('template.add')}
                </button>
              </div>
            )}
          </div>
          {draft && (
            <>
              <TextField
                label={t('template.subject')}
                value={draft.subject}
                onValue={(subject) => setDraft({ subject })}
                required
                error={fieldError(save.error, path('subject'))}
                disabled={readOnly}
              />
              <TextField
                label={t('template.preheader')}
                hint={t('template.preheaderHint')}
                value={draft.preheader}
                onValue={(preheader) => setDraft({ preheader })}
                error={fieldError(save.error, path('preheader'))}
                disabled={readOnly}
              />
              <SelectField
                label={t('template.format')}
                value={draft.format}
                onValue={(v) => setDraft({ format: v === 'html' ? 'html' : 'mjml' })}
                options={[
                  { value: 'mjml', label: t('template.format.mjml') },
                  { value: 'html', label: t('template.format.html') },
                ]}
                disabled={readOnly}
              />
              <TextAreaField
                label={t('template.body')}
                hint={t('template.bodyHint')}
                rows={16}
                spellCheck={false}
                value={draft.source}
                onValue={(source) => setDraft({ source })}
                error={fieldError(save.error, path(draft.format)) ?? fieldError(save.error, path('text'))}
                disabled={readOnly}
              />
              {drafts[editing] && Object.keys(drafts).length > 1 && !readOnly && (
                <button
                  type="button"
                  className="button link"
                  onClick={() => {
                    const rest = { ...drafts };
                    delete rest[editing];
                    setDrafts(rest);
                    setEditing(LOCALES.find((l) => rest[l]) ?? 'en');
                  }}
                >
                  {t('template.removeLocale', { locale: LOCALE_NAMES[editing] })}
                </button>
              )}
            </>
          )}
        </fieldset>
        <ErrorMessage
          error={save.error}
          fields={['templateId', 'name', 'kind', 'topic', `locales.${editing}`]}
        />
        {save.isSuccess && (
          <p className="notice" role="status">
            {t('template.saved', { version: save.data.latestVersion })}
          </p>
        )}
        {!readOnly && (
          <div className="actions">
            <button type="submit" className="button primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('template.save')}
            </button>
          </div>
        )}
      </form>
      {templateId && savedVersion !== undefined && (
        <TemplatePreview
          templateId={templateId}
          version={savedVersion}
          locales={LOCALES.filter((l) => template.data?.locales[l])}
        />
      )}
    </section>
  );
}
