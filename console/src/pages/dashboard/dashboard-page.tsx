/**
 * The dashboard: sending health over the last hours, the recent campaigns' engagement as a chart
 * (sent, opened, clicked) with their attributed revenue, and the alerts.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { BarChart } from '../../ui/bar-chart.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { DashboardAlerts } from './dashboard-alerts.tsx';

export function DashboardPage() {
  const { t, number, percent, money } = useI18n();
  const session = useSession();
  const sending = useQuery({
    queryKey: ['sending', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/workspace/sending', { signal }),
  });
  const campaigns = useQuery({
    queryKey: ['campaigns', session.workspaceId, 'sent', undefined],
    queryFn: ({ signal }) => api.get('/v1/campaigns', { query: { limit: 8, status: 'sent' }, signal }),
  });
  const sent = [...(campaigns.data?.campaigns ?? [])].reverse();
  const results = useQueries({
    queries: sent.map((c) => ({
      queryKey: ['campaign-results', session.workspaceId, c.id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get('/v1/campaigns/{campaignId}/results', { params: { campaignId: c.id }, signal }),
    })),
  });
  const revenue = new Map<string, number>();
  for (const r of results)
    for (const c of r.data?.conversions.byCurrency ?? [])
      revenue.set(c.currency, (revenue.get(c.currency) ?? 0) + c.revenue);
  const rates = sending.data?.rates;

  return (
    <section>
      <PageHeader title={t('dashboard.title')} />
      <DashboardAlerts />
      <section aria-labelledby="health-title">
        <h2 id="health-title">{t('dashboard.health', { hours: sending.data?.window.hours ?? 24 })}</h2>
        <ErrorMessage error={sending.error} />
        {rates ? (
          <dl className="figures">
            <div className="figure">
              <dt>{t('dashboard.volume')}</dt>
              <dd>{number(rates.volume)}</dd>
            </div>
            <div className="figure">
              <dt>{t('campaign.figure.delivered')}</dt>
              <dd>{number(rates.delivered)}</dd>
            </div>
            <div className="figure">
              <dt>{t('dashboard.bounceRate')}</dt>
              <dd>{percent(rates.bounceRate)}</dd>
            </div>
            <div className="figure">
              <dt>{t('dashboard.complaintRate')}</dt>
              <dd>{percent(rates.complaintRate)}</dd>
            </div>
          </dl>
        ) : (
          sending.isPending && <Loading />
        )}
      </section>
      <section aria-labelledby="recent-title" className="card">
        <h2 id="recent-title">{t('dashboard.recentCampaigns')}</h2>
        <ErrorMessage error={campaigns.error} />
        {campaigns.isPending ? (
          <Loading />
        ) : sent.length === 0 ? (
          <p className="muted">{t('dashboard.noCampaigns')}</p>
        ) : (
          <>
            <BarChart
              title={t('dashboard.chartTitle')}
              labels={sent.map((c) => c.name)}
              format={(n) => number(n, { notation: 'compact' })}
              series={[
                {
                  name: t('campaign.figure.sent'),
                  color: '#1d4ed8',
                  values: results.map((r) => r.data?.sent ?? 0),
                },
                {
                  name: t('dashboard.opened'),
                  color: '#0f766e',
                  values: results.map((r) => r.data?.opened ?? 0),
                },
                {
                  name: t('dashboard.clicked'),
                  color: '#b45309',
                  values: results.map((r) => r.data?.clicked ?? 0),
                },
              ]}
            />
            <details>
              <summary>{t('dashboard.chartData')}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.name')}</th>
                    <th scope="col">{t('campaign.figure.sent')}</th>
                    <th scope="col">{t('dashboard.opened')}</th>
                    <th scope="col">{t('dashboard.clicked')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sent.map((c, i) => (
                    <tr key={c.id}>
                      <th scope="row">{c.name}</th>
                      <td>{number(results[i]?.data?.sent ?? 0)}</td>
                      <td>{number(results[i]?.data?.opened ?? 0)}</td>
                      <td>{number(results[i]?.data?.clicked ?? 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
            <h3>{t('campaign.revenue')}</h3>
            {revenue.size === 0 ? (
              <p className="muted">{t('campaign.noRevenue')}</p>
            ) : (
              <ul>
                {[...revenue].map(([currency, amount]) => (
                  <li key={currency}>{money(amount, currency)}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
    </section>
  );
}
