/**
 * One campaign: its state with live progress (polled while it is live, as often as its size and
 * movement make worth it: `progressPollMs`), the controls that fit its state, and once sent its
 * results with attributed revenue. The campaign itself (its A/B test's figures included, read from
 * the test wave's chunks) is read again when the progress shows another status, and every minute
 * while it is live.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { AbTestResults } from './ab-test-results.tsx';
import { CampaignResults } from './campaign-results.tsx';
import { isLive, progressMark, progressPollMs } from './campaign-status.ts';

type Action = 'pause' | 'resume' | 'cancel' | 'start';

export function CampaignPage() {
  const { campaignId } = useParams({ from: '/campaigns/$campaignId' });
  const { t, number, dateTime } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const campaign = useQuery({
    queryKey: ['campaign', session.workspaceId, campaignId],
    queryFn: ({ signal }) => api.get('/v1/campaigns/{campaignId}', { params: { campaignId }, signal }),
    refetchInterval: (q) => (q.state.data && isLive(q.state.data.status) ? 60_000 : false),
  });
  const last = useRef<{ mark: string | undefined; unchanged: number }>({ mark: undefined, unchanged: 0 });
  const progress = useQuery({
    queryKey: ['campaign-progress', session.workspaceId, campaignId],
    queryFn: ({ signal }) =>
      api.get('/v1/campaigns/{campaignId}/progress', { params: { campaignId }, signal }),
    refetchInterval: (q) => {
      const seen = q.state.data;
      if (!seen) return 2000;
      const mark = progressMark(seen);
      const unchanged = mark !== undefined && mark === last.current.mark ? last.current.unchanged + 1 : 0;
      last.current = { mark, unchanged };
      return progressPollMs({ status: seen.status, audience: seen.audience, unchanged });
    },
  });
  const progressStatus = progress.data?.status;
  useEffect(() => {
    if (progressStatus !== undefined)
      void queryClient.invalidateQueries({ queryKey: ['campaign', session.workspaceId, campaignId] });
  }, [progressStatus, queryClient, session.workspaceId, campaignId]);
  const act = useMutation({
    mutationFn: (action: Action) => {
      const params = { campaignId };
      if (action === 'pause') return api.post('/v1/campaigns/{campaignId}/pause', { params });
      if (action === 'resume') return api.post('/v1/campaigns/{campaignId}/resume', { params });
      if (action === 'start') return api.post('/v1/campaigns/{campaignId}/start', { params });
      return api.post('/v1/campaigns/{campaignId}/cancel', { params });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['campaign', session.workspaceId, campaignId] });
      void queryClient.invalidateQueries({
        queryKey: ['campaign-progress', session.workspaceId, campaignId],
      });
    },
  });

  if (campaign.isPending) return <Loading />;
  if (campaign.error) return <ErrorMessage error={campaign.error} />;
  const c = campaign.data;
  const status = progress.data?.status ?? c.status;
  const p = progress.data;
  const actions: Action[] =
    status === 'draft'
      ? ['start']
      : status === 'sending'
        ? ['pause', 'cancel']
        : status === 'paused'
          ? ['resume', 'cancel']
          : status === 'scheduled'
            ? ['cancel']
            : [];

  return (
    <section>
      <p>
        <Link to="/campaigns">{t('campaign.back')}</Link>
      </p>
      <PageHeader title={c.name}>
        {session.canWrite &&
          actions.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'cancel' ? 'button danger' : 'button secondary'}
              disabled={act.isPending}
              onClick={() => act.mutate(a)}
            >
              {t(`campaign.action.${a}`)}
            </button>
          ))}
      </PageHeader>
      <ErrorMessage error={act.error ?? progress.error} />
      <section className="card" aria-labelledby="progress-title">
        <h2 id="progress-title">{t('campaign.progress')}</h2>
        <p>
          <span data-testid="campaign-status">
            <StatusBadge status={status} label={t(`campaign.status.${status}`)} />
          </span>{' '}
          {c.sendAt &&
            status === 'scheduled' &&
            t('campaign.sendAt', {
              at:
                c.schedule?.type === 'recipientLocal'
                  ? t('wizard.localSummary', { date: c.schedule.date, time: c.schedule.time })
                  : c.schedule?.type === 'at'
                    ? `${dateTime(c.sendAt, c.schedule.timeZone)} (${c.schedule.timeZone})`
                    : dateTime(c.sendAt),
            })}
        </p>
        {(c.pausedReason || p?.pausedReason) && (
          <p className="alert-warn">
            {t('campaign.pausedBecause', { reason: p?.pausedReason ?? c.pausedReason ?? '' })}
          </p>
        )}
        {(c.failedReason || p?.failedReason) && (
          <p className="error">
            {t('campaign.failedBecause', { reason: p?.failedReason ?? c.failedReason ?? '' })}
          </p>
        )}
        {p && (
          <div aria-live="polite">
            <progress
              className="progress"
              max={Math.max(p.audience, 1)}
              value={p.settled}
              aria-label={t('campaign.progress')}
            />
            <p>{t('campaign.settled', { settled: number(p.settled), audience: number(p.audience) })}</p>
            <dl className="figures">
              {(['sent', 'queued', 'inFlight', 'suppressed', 'failed', 'capped'] as const).map((k) => (
                <div className="figure" key={k}>
                  <dt>{t(`campaign.figure.${k}`)}</dt>
                  <dd>{number(p[k])}</dd>
                </div>
              ))}
            </dl>
            {p.reasons.length > 0 && (
              <>
                <h3>{t('campaign.reasons')}</h3>
                <ul>
                  {p.reasons.map((r) => (
                    <li key={r.reason}>
                      {t('campaign.reason', { reason: r.reason, recipients: number(r.recipients) })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </section>
      {c.abTest && <AbTestResults abTest={c.abTest} templateId={c.template.templateId} />}
      {(status === 'sent' || status === 'sending' || status === 'paused' || status === 'cancelled') && (
        <CampaignResults campaignId={campaignId} status={status} />
      )}
    </section>
  );
}
