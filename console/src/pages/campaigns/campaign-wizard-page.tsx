/**
 * The campaign wizard: audience (a segment, with its count), template with an optional A/B test, schedule
 * (now, at a time in a time zone, or at each recipient's local time), then a review with a test send,
 * and create: the campaign is created as a draft and then started or scheduled, step by step on
 * screen. When a later call fails, the draft already created is changed on the next try (not created
 * again), and the wizard goes back to the step whose field the API named.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api } from '../../api/api.ts';
import { ApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages/en.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { useTemplates } from '../templates/use-templates.ts';
import { type AbTestForm, INITIAL_AB_TEST_FORM, testableEmails, variantLabel } from './ab-test-form.ts';
import { AbTestStep } from './ab-test-step.tsx';
import { AudienceCount, useAudienceCount } from './audience-count.tsx';
import {
  createCampaignBody,
  scheduleBody,
  scheduleChoices,
  stepOfIssues,
  updateCampaignBody,
  type When,
  WIZARD_STEPS,
  type WizardState,
} from './wizard-body.ts';

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserZone()];
  }
};
const isWhen = (value: string): value is When =>
  value === 'now' || value === 'at' || value === 'recipientLocal';

const REVIEW_STEP = WIZARD_STEPS.length - 1;
const FORM_FIELDS = WIZARD_STEPS.flatMap((s) => s.fields);

export function CampaignWizardPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [segmentId, setSegmentId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [abTest, setAbTest] = useState<AbTestForm>(INITIAL_AB_TEST_FORM);
  const [when, setWhen] = useState<When>('now');
  const [at, setAt] = useState('');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [localDate, setLocalDate] = useState('');
  const [localTime, setLocalTime] = useState('09:00');
  const [testTo, setTestTo] = useState(session.me.user.email);
  const [testVariant, setTestVariant] = useState('0');
  /** The draft created by an earlier try whose start or schedule failed. */
  const [draftId, setDraftId] = useState<string | undefined>();
  const [phase, setPhase] = useState<MessageKey | undefined>();
  const zones = useMemo(timeZones, []);
  const state: WizardState = {
    name,
    segmentId,
    templateId,
    abTest,
    when,
    at,
    timeZone,
    localDate,
    localTime,
  };

  const segments = useQuery({
    queryKey: ['segments', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/segments', { signal }),
  });
  const { templates } = useTemplates();
  const segment = segments.data?.segments.find((s) => s.id === segmentId);
  const marketing = (templates.data?.templates ?? []).filter((tpl) => tpl.kind === 'marketing');
  const templateName = (id: string) => marketing.find((tpl) => tpl.id === id)?.name ?? id;
  const count = useAudienceCount(segment);
  const contacts = useQuery({
    queryKey: ['contacts', session.workspaceId, '', undefined],
    queryFn: ({ signal }) => api.get('/v1/contacts', { query: { limit: 25 }, signal }),
  });
  const sampleContact = count.data?.sample[0] ?? contacts.data?.contacts[0]?.id;
  const testable = testableEmails(templateId, abTest);
  const tested = testable[Number(testVariant)] ?? testable[0];

  const testSend = useMutation({
    mutationFn: () =>
      api.post('/v1/templates/{templateId}/test-send', {
        params: { templateId: tested?.templateId ?? templateId },
        body: {
          to: testTo,
          contactId: sampleContact ?? '',
          ...(tested !== undefined && tested.subject !== '' ? { subject: tested.subject } : {}),
        },
      }),
  });
  const create = useMutation({
    mutationFn: async () => {
      let campaignId = draftId;
      if (campaignId === undefined) {
        setPhase('wizard.creating');
        campaignId = (await api.post('/v1/campaigns', { body: createCampaignBody(state) })).id;
        setDraftId(campaignId);
      } else {
        setPhase('wizard.updating');
        await api.patch('/v1/campaigns/{campaignId}', {
          params: { campaignId },
          body: updateCampaignBody(state),
        });
      }
      const schedule = scheduleBody(state);
      if (schedule === undefined) {
        setPhase('wizard.starting');
        await api.post('/v1/campaigns/{campaignId}/start', { params: { campaignId } });
      } else {
        setPhase('wizard.scheduling');
        await api.post('/v1/campaigns/{campaignId}/schedule', { params: { campaignId }, body: schedule });
      }
      return campaignId;
    },
    onSuccess: (campaignId) => void navigate({ to: '/campaigns/$campaignId', params: { campaignId } }),
    onError: (error) => {
      const back = error instanceof ApiError ? stepOfIssues(error.issues.map((i) => i.path)) : undefined;
      if (back !== undefined) setStep(back);
    },
    onSettled: () => setPhase(undefined),
  });

  const canNext = [
    segmentId !== '' && name.trim() !== '',
    templateId !== '',
    when === 'now' || (when === 'at' ? at !== '' && timeZone !== '' : localDate !== '' && localTime !== ''),
    true,
  ][step];
  const whenOptions = scheduleChoices(abTest.enabled);

  return (
    <section>
      <p>
        <Link to="/campaigns">{t('campaign.back')}</Link>
      </p>
      <PageHeader title={t('campaigns.new')} />
      <ol className="steps" aria-label={t('wizard.steps')}>
        {WIZARD_STEPS.map((s, i) => (
          <li key={s.key} aria-current={i === step ? 'step' : undefined}>
            {t('wizard.stepOf', { n: i + 1, label: t(s.key) })}
          </li>
        ))}
      </ol>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          if (step < REVIEW_STEP) setStep(step + 1);
          else create.mutate();
        }}
      >
        <h2>{t(WIZARD_STEPS[step]?.key ?? 'wizard.audience')}</h2>
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
                ...marketing.map((tpl) => ({ value: tpl.id, label: tpl.name })),
              ]}
              hint={t('wizard.templateHint')}
              error={fieldError(create.error, 'template')}
            />
            <ErrorMessage error={templates.error} />
            <AbTestStep
              form={abTest}
              onForm={(form) => {
                setAbTest(form);
                if (form.enabled && when === 'recipientLocal') setWhen('at');
              }}
              templates={marketing
                .filter((tpl) => tpl.id !== templateId)
                .map((tpl) => ({ value: tpl.id, label: tpl.name }))}
              error={create.error}
            />
          </>
        )}
        {step === 2 && (
          <>
            <SelectField
              label={t('wizard.when')}
              value={when}
              onValue={(v) => setWhen(isWhen(v) ? v : 'now')}
              options={whenOptions.map((w) => ({ value: w, label: t(`wizard.${w}`) }))}
              hint={abTest.enabled ? t('wizard.abNoLocal') : undefined}
              error={fieldError(create.error, 'type')}
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
        {step === REVIEW_STEP && (
          <>
            <dl>
              <dt>{t('campaign.name')}</dt>
              <dd>{name}</dd>
              <dt>{t('wizard.segment')}</dt>
              <dd>
                {segment?.name} <AudienceCount segment={segment} />
              </dd>
              <dt>{t('wizard.template')}</dt>
              <dd>{templateName(templateId)}</dd>
              <dt>{t('wizard.abTest')}</dt>
              <dd>
                {abTest.enabled ? (
                  <>
                    {t('wizard.abSummary', {
                      count: abTest.variants.length,
                      share: abTest.testShare,
                      metric: t(`wizard.metric.${abTest.metric}`),
                      after: `${abTest.decideAfter} ${t(`wizard.unit.${abTest.decideUnit}`)}`,
                    })}
                    <ul>
                      {abTest.variants.map((v, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a variant is its place in the list
                        <li key={i}>
                          {t('wizard.variantSummary', {
                            label: variantLabel(i),
                            subject: v.subject.trim() || t('campaign.ab.templateSubject'),
                            template: templateName(v.templateId || templateId),
                          })}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  t('wizard.abOff')
                )}
              </dd>
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
              {testable.length > 1 && (
                <SelectField
                  label={t('wizard.testTemplate')}
                  value={testable[Number(testVariant)] ? testVariant : '0'}
                  onValue={setTestVariant}
                  options={testable.map((email, i) => ({
                    value: String(i),
                    label: t('wizard.testOption', {
                      label: variantLabel(i),
                      email: email.subject || templateName(email.templateId),
                    }),
                  }))}
                />
              )}
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
        <ErrorMessage error={create.error} fields={FORM_FIELDS} />
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
            {step < REVIEW_STEP
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
