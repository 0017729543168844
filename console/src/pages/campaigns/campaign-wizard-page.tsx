/**
 * The campaign wizard: audience (a segment, with its count), template, schedule (now, at a time in a
 * time zone, or at each recipient's local time), then a review with a test send, and create: the
 * campaign is created as a draft and then started or scheduled, step by step on screen.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages/en.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { AudienceCount, useAudienceCount } from './audience-count.tsx';

const STEPS: readonly MessageKey[] = [
  'wizard.audience',
  'wizard.template',
  'wizard.schedule',
  'wizard.review',
];
type When = 'now' | 'at' | 'recipientLocal';

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserZone()];
  }
};

export function CampaignWizardPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [segmentId, setSegmentId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [when, setWhen] = useState<When>('now');
  const [at, setAt] = useState('');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [localDate, setLocalDate] = useState('');
  const [localTime, setLocalTime] = useState('09:00');
  const [testTo, setTestTo] = useState(session.me.user.email);
  const [phase, setPhase] = useState<MessageKey | undefined>();
  const zones = useMemo(timeZones, []);

  const segments = useQuery({
    queryKey: ['segments', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/segments', { signal }),
  });
  const templates = useQuery({
    queryKey: ['templates', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/templates', { signal }),
  });
  const segment = segments.data?.segments.find((s) => s.id === segmentId);
  const template = templates.data?.templates.find((tpl) => tpl.id === templateId);
  const count = useAudienceCount(segment);
  const contacts = useQuery({
    queryKey: ['contacts', session.workspaceId, '', undefined],
    queryFn: ({ signal }) => api.get('/v1/contacts', { query: { limit: 25 }, signal }),
  });
  const sampleContact = count.data?.sample[0] ?? contacts.data?.contacts[0]?.id;

  const testSend = useMutation({
    mutationFn: () =>
      api.post('/v1/templates/{templateId}/test-send', {
        params: { templateId },
        body: { to: testTo, contactId: sampleContact ?? '' },
      }),
  });
  const create = useMutation({
    mutationFn: async () => {
      setPhase('wizard.creating');
      const campaign = await api.post('/v1/campaigns', {
        body: { name, template: { templateId }, audience: { segments: { include: [segmentId] } } },
      });
      if (when === 'now') {
        setPhase('wizard.starting');
        await api.post('/v1/campaigns/{campaignId}/start', { params: { campaignId: campaign.id } });
      } else {
        setPhase('wizard.scheduling');
        await api.post('/v1/campaigns/{campaignId}/schedule', {
          params: { campaignId: campaign.id },
          body:
            when === 'at'
              ? { type: 'at', at, timeZone }
              : { type: 'recipientLocal', date: localDate, time: localTime },
        });
      }
      return campaign;
    },
    onSuccess: (campaign) =>
      void navigate({ to: '/campaigns/$campaignId', params: { campaignId: campaign.id } }),
    onSettled: () => setPhase(undefined),
  });

  const canNext = [
    segmentId !== '' && name.trim() !== '',
    templateId !== '',
    when === 'now' || (when === 'at' ? at !== '' && timeZone !== '' : localDate !== '' && localTime !== ''),
    true,
  ][step];

  return (
    <section>
      <p>
        <Link to="/campaigns">{t('campaign.back')}</Link>
      </p>
      <PageHeader title={t('campaigns.new')} />
      <ol className="steps" aria-label={t('wizard.steps')}>
        {STEPS.map((label, i) => (
          <li key={label} aria-current={i === step ? 'step' : undefined}>
            {t('wizard.stepOf', { n: i + 1, label: t(label) })}
          </li>
        ))}
      </ol>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (step < STEPS.length - 1) setStep(step + 1);
          else create.mutate();
        }}
      >
        <h2>{t(STEPS[step] ?? 'wizard.audience')}</h2>
        {step === 0 && (
          <>
            <TextField
              label={t('campaign.name')}
              value={name}
              onValue={setName}
              required
              error={fieldError(create.error, 'name')}
            />
            <SelectField
              label={t('wizard.segment')}
              value={segmentId}
              onValue={setSegmentId}
              options={[
                { value: '', label: t('wizard.chooseSegment') },
                ...(segments.data?.segments ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
              error={fieldError(create.error, 'audience')}
            />
            <ErrorMessage error={segments.error} />
            <AudienceCount segment={segment} />
          </>
        )}
        {step === 1 && (
          <>
            <SelectField
              label={t('wizard.template')}
              value={templateId}
              onValue={setTemplateId}
              options={[
                { value: '', label: t('wizard.chooseTemplate') },
                ...(templates.data?.templates ?? [])
                  .filter((tpl) => tpl.kind === 'marketing')
                  .map((tpl) => ({ value: tpl.id, label: tpl.name })),
              ]}
              hint={t('wizard.templateHint')}
              error={fieldError(create.error, 'template')}
            />
            <ErrorMessage error={templates.error} />
          </>
        )}
        {step === 2 && (
          <>
            <SelectField
              label={t('wizard.when')}
              value={when}
              onValue={(v) => setWhen(v === 'at' || v === 'recipientLocal' ? v : 'now')}
              options={[
                { value: 'now', label: t('wizard.now') },
                { value: 'at', label: t('wizard.at') },
                { value: 'recipientLocal', label: t('wizard.recipientLocal') },
              ]}
            />
            {when === 'at' && (
              <div className="grid">
                <TextField
                  label={t('wizard.dateTime')}
                  type="datetime-local"
                  value={at}
                  onValue={setAt}
                  required
                  error={fieldError(create.error, 'at')}
                />
                <SelectField
                  label={t('wizard.timeZone')}
                  value={timeZone}
                  onValue={setTimeZone}
                  options={zones.map((z) => ({ value: z, label: z }))}
                  error={fieldError(create.error, 'timeZone')}
                />
              </div>
            )}
            {when === 'recipientLocal' && (
              <div className="grid">
                <TextField
                  label={t('wizard.date')}
                  type="date"
                  value={localDate}
                  onValue={setLocalDate}
                  required
                  error={fieldError(create.error, 'date')}
                />
                <TextField
                  label={t('wizard.time')}
                  type="time"
                  value={localTime}
                  onValue={setLocalTime}
                  required
                  error={fieldError(create.error, 'time')}
                />
              </div>
            )}
          </>
        )}
        {step === 3 && (
          <>
            <dl>
              <dt>{t('campaign.name')}</dt>
              <dd>{name}</dd>
              <dt>{t('wizard.segment')}</dt>
              <dd>
                {segment?.name} <AudienceCount segment={segment} />
              </dd>
              <dt>{t('wizard.template')}</dt>
              <dd>{template?.name}</dd>
              <dt>{t('wizard.when')}</dt>
              <dd>
                {when === 'now'
                  ? t('wizard.now')
                  : when === 'at'
                    ? t('wizard.atSummary', { at: at.replace('T', ' '), timeZone })
                    : t('wizard.localSummary', { date: localDate, time: localTime })}
              </dd>
            </dl>
            <fieldset>
              <legend>{t('wizard.testSend')}</legend>
              <TextField
                label={t('template.testTo')}
                type="email"
                value={testTo}
                onValue={setTestTo}
                error={fieldError(testSend.error, 'to')}
              />
              <button
                type="button"
                className="button secondary"
                disabled={testSend.isPending || !sampleContact}
                onClick={() => testSend.mutate()}
              >
                {t('template.testSend')}
              </button>
              <ErrorMessage error={testSend.error} fields={['to']} />
              {testSend.isSuccess && (
                <p className="notice" role="status">
                  {t('template.testSent', { to: testTo })}
                </p>
              )}
            </fieldset>
          </>
        )}
        <ErrorMessage
          error={create.error}
          fields={['name', 'audience', 'template', 'at', 'timeZone', 'date', 'time']}
        />
        {phase && (
          <p className="notice" role="status">
            {t(phase)}
          </p>
        )}
        <div className="actions">
          {step > 0 && (
            <button type="button" className="button secondary" onClick={() => setStep(step - 1)}>
              {t('wizard.back')}
            </button>
          )}
          <button type="submit" className="button primary" disabled={!canNext || create.isPending}>
            {step < STEPS.length - 1
              ? t('wizard.next')
              : when === 'now'
                ? t('wizard.createAndSend')
                : t('wizard.createAndSchedule')}
          </button>
        </div>
      </form>
    </section>
  );
}
