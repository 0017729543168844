/**
 * What needs attention: marketing email paused by the sending health check (with resume for an
 * admin), sender domains not verified yet, storefront deliveries in quarantine.
 */
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';

export function DashboardAlerts() {
  const { t, percent } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const sending = useQuery({
    queryKey: ['sending', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/workspace/sending', { signal }),
  });
  const domains = useQuery({
    queryKey: ['sender-domains', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/sender-domains', { signal }),
  });
  const domainStates = useQueries({
    queries: (domains.data?.senderDomains ?? []).map((d) => ({
      queryKey: ['sender-domain', session.workspaceId, d.domain],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get('/v1/sender-domains/{domain}', { params: { domain: d.domain }, signal }),
    })),
  });
  const connections = useQuery({
    queryKey: ['connections', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/connections', { signal }),
  });
  const quarantines = useQueries({
    queries: (connections.data?.connections ?? []).map((c) => ({
      queryKey: ['quarantine', session.workspaceId, c.id, undefined],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get('/v1/connections/{connectionId}/quarantine', {
          params: { connectionId: c.id },
          query: { limit: 25 },
          signal,
        }),
    })),
  });
  const resume = useMutation({
    mutationFn: () => api.post('/v1/workspace/sending/resume'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sending', session.workspaceId] }),
  });

  const unverified = domainStates.flatMap((q) =>
    q.data && q.data.status.identity !== 'verified' ? [q.data.domain] : [],
  );
  const quarantined = quarantines.reduce((n, q) => n + (q.data?.deliveries.length ?? 0), 0);
  const paused = sending.data?.status === 'paused';
  const noDomain = domains.data?.senderDomains.length === 0;

  return (
    <section aria-labelledby="alerts-title" className="card">
      <h2 id="alerts-title">{t('dashboard.alerts')}</h2>
      <ErrorMessage error={sending.error ?? domains.error ?? connections.error ?? resume.error} />
      {paused && (
        <div className="alert-warn" role="alert">
          <p>
            {t('dashboard.sendingPaused', {
              reason: sending.data?.reason ?? '',
              bounce: percent(sending.data?.rates.bounceRate ?? 0),
              complaint: percent(sending.data?.rates.complaintRate ?? 0),
            })}
          </p>
          {session.isAdmin && (
            <button
              type="button"
              className="button secondary"
              disabled={resume.isPending}
              onClick={() => resume.mutate()}
            >
              {t('dashboard.resumeSending')}
            </button>
          )}
        </div>
      )}
      {noDomain && (
        <p className="alert-warn">
          {t('dashboard.noSenderDomain')} <Link to="/settings">{t('nav.settings')}</Link>
        </p>
      )}
      {unverified.length > 0 && (
        <p className="alert-warn">
          {t('dashboard.unverifiedDomains', { domains: unverified.join(', ') })}{' '}
          <Link to="/settings">{t('nav.settings')}</Link>
        </p>
      )}
      {quarantined > 0 && (
        <p className="alert-warn">
          {t('dashboard.quarantined', { count: quarantined })}{' '}
          <Link to="/storefronts">{t('nav.storefronts')}</Link>
        </p>
      )}
      {sending.data && !paused && !noDomain && unverified.length === 0 && quarantined === 0 && (
        <p className="muted">{t('dashboard.allGood')}</p>
      )}
    </section>
  );
}
