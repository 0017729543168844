/**
 * A dry run's answer: the emails it would send and when, the steps it would take in order, and how
 * the run ends. Times in the user's locale and zone (each a <time> with its ISO instant); the
 * contact's zone, which waits and quiet hours follow, is named.
 */
import { useI18n } from '../../../i18n/i18n.tsx';
import { STEP_TYPES } from '../form/journey-form-model.ts';
import { type DryRunResult, timeline } from './dry-run-model.ts';

export function DryRunResultView(props: { readonly result: DryRunResult }) {
  const { t, dateTime } = useI18n();
  const { result } = props;
  const when = (at: string) => <time dateTime={at}>{dateTime(at)}</time>;
  const stepLabel = (type: string) => {
    const known = STEP_TYPES.find((s) => s === type);
    return known ? t(`journey.step.${known}`) : type;
  };
  return (
    <section aria-labelledby="dry-run-result-title" className="dry-run-result">
      <h3 id="dry-run-result-title">{t('journeyRun.result')}</h3>
      <p className="muted">{t('journeyRun.zones', { zone: result.timeZone })}</p>
      <h4>{t('journeyRun.emails', { count: result.emails.length })}</h4>
      {result.emails.length === 0 ? (
        <p className="muted">{t('journeyRun.noEmails')}</p>
      ) : (
        <ol aria-label={t('journeyRun.emailsList')}>
          {result.emails.map((e) => (
            <li key={`${e.stepId}@${e.at}`}>
              {when(e.at)} {t('journeyRun.email', { template: e.templateId, step: e.stepId })}
            </li>
          ))}
        </ol>
      )}
      <h4>{t('journeyRun.steps')}</h4>
      <ol className="dry-run-steps">
        {timeline(result).map((s) => (
          <li key={s.key}>
            {when(s.at)} <strong>{stepLabel(s.type)}</strong> <code>{s.stepId}</code>
            {s.templateId && (
              <span className="muted"> {t('journey.template', { template: s.templateId })}</span>
            )}
          </li>
        ))}
      </ol>
      <p>
        <strong>{t(`journeyRun.end.${result.end.why}`)}</strong> {when(result.end.at)}
      </p>
    </section>
  );
}
