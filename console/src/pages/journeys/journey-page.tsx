/**
 * One journey: its runs (entered, in progress, completed...), revenue from its goal, and a diagram
 * of its steps in order, each email step with its sends, opens and clicks from the report API; a link
 * to change it in the builder, and the dry run.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { DryRunPanel } from './dry-run/dry-run-panel.tsx';
import { journeySteps, triggerType } from './journey-steps.ts';

type Action = 'start' | 'pause' | 'archive';
const STEP_TYPES = [
  'email',
  'wait',
  'waitUntil',
  'waitForEvent',
  'branch',
  'split',
  'update',
  'emit',
  'webhook',
  'exit',
] as const;
const RUN_FIGURES = [
  'entered',
  'inProgress',
  'completed',
  'goal',
  'exited',
  'unsubscribed',
  'suppressed',
] as const;

export function JourneyPage() {
  const { journeyId } = useParams({ from: '/journeys/$journeyId' });
  const { t, number, money } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const journey = useQuery({
    queryKey: ['journey', session.workspaceId, journeyId],
    queryFn: ({ signal }) => api.get('/v1/journeys/{journeyId}', { params: { journeyId }, signal }),
  });
  const report = useQuery({
    queryKey: ['journey-report', session.workspaceId, journeyId],
    queryFn: ({ signal }) => api.get('/v1/journeys/{journeyId}/report', { params: { journeyId }, signal }),
    refetchInterval: 15_000,
  });
  const act = useMutation({
    mutationFn: (action: Action) => {
      const params = { journeyId };
      if (action === 'start') return api.post('/v1/journeys/{journeyId}/start', { params });
      if (action === 'pause') return api.post('/v1/journeys/{journeyId}/pause', { params });
      return api.post('/v1/journeys/{journeyId}/archive', { params });
    },
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: ['journey', session.workspaceId, journeyId] }),
  });

  if (journey.isPending) return <Loading />;
  if (journey.error) return <ErrorMessage error={journey.error} />;
  const j = journey.data;
  const steps = journeySteps(j.definition);
  const counts = new Map((report.data?.steps ?? []).map((s) => [s.id, s]));
  const actions: Action[] =
    j.status === 'live' ? ['pause', 'archive'] : j.status === 'archived' ? [] : ['start', 'archive'];
  const trigger = triggerType(j.definition) ?? j.trigger;
  const stepLabel = (type: string) => {
    const known = STEP_TYPES.find((s) => s === type);
    return known ? t(`journey.step.${known}`) : type;
  };

  return (
    <section>
      <p>
        <Link to="/journeys">{t('journey.back')}</Link>
      </p>
      <PageHeader title={j.name}>
        {session.canWrite && j.status !== 'archived' && (
          <Link to="/journeys/$journeyId/edit" params={{ journeyId }} className="button secondary">
            {t('journey.edit')}
          </Link>
        )}
        {session.canWrite &&
          actions.map((a) => (
            <button
              key={a}
              type="button"
              className="button secondary"
              disabled={act.isPending}
              onClick={() => act.mutate(a)}
            >
              {t(`journey.action.${a}`)}
            </button>
          ))}
      </PageHeader>
      <p>
        <StatusBadge status={j.status} label={t(`journey.status.${j.status}`)} />{' '}
        {t('journey.version', { version: j.version })}
      </p>
      <ErrorMessage error={act.error ?? report.error} />
      {report.data && (
        <>
          <dl className="figures">
            {RUN_FIGURES.map((k) => (
              <div className="figure" key={k}>
                <dt>{t(`journey.runs.${k}`)}</dt>
                <dd>{number(report.data.runs[k])}</dd>
              </div>
            ))}
          </dl>
          {report.data.revenue.length > 0 && (
            <p>
              {t('journey.revenue', {
                revenue: report.data.revenue.map((r) => money(r.amount, r.currency)).join(' · '),
              })}
            </p>
          )}
        </>
      )}
      <section className="card" aria-labelledby="diagram-title">
        <h2 id="diagram-title">{t('journey.diagram')}</h2>
        <ol className="diagram">
          <li>
            <strong>{t('journey.trigger')}</strong> <code>{trigger}</code>
          </li>
          {steps.map((step) => {
            const emails = counts.get(step.id)?.emails;
            return (
              <li key={step.id} id={`step-${step.id}`}>
                <strong>{stepLabel(step.type)}</strong> <code>{step.id}</code>
                {step.templateId && (
                  <div className="muted">{t('journey.template', { template: step.templateId })}</div>
                )}
                {emails && (
                  <div>
                    {t('journey.emailCounts', {
                      sent: number(emails.sent),
                      opened: number(emails.opened),
                      clicked: number(emails.clicked),
                    })}
                  </div>
                )}
                {step.edges.length > 0 && (
                  <ul className="muted edges">
                    {step.edges.map((e) =>
                      e.kind === 'pathEnd' ? (
                        <li key={`path-${e.path}`}>
                          {t('journey.edge.pathEnd', { share: number(e.share) })}
                        </li>
                      ) : (
                        <li key={e.kind === 'path' ? `path-${e.path}` : e.kind}>
                          {e.kind === 'path'
                            ? t('journey.edge.path', { share: number(e.share) })
                            : t(`journey.edge.${e.kind}`)}{' '}
                          <a href={`#step-${e.to}`}>{e.to}</a>
                        </li>
                      ),
                    )}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      </section>
      <DryRunPanel journeyId={journeyId} />
    </section>
  );
}
