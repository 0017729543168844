/**
 * A campaign's results: emails sent and delivered, engagement figures and rates, the most clicked
 * links, attributed revenue. Read again every 10 s while the campaign is live, and once more when its
 * status changes (the status is part of the query's key): the figures read while sending were those
 * of that moment, and polling stops once the campaign is sent.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { type CampaignStatus, isLive } from './campaign-status.ts';

export function CampaignResults(props: { readonly campaignId: string; readonly status: CampaignStatus }) {
  const { t, number, percent, money } = useI18n();
  const { workspaceId } = useSession();
  const results = useQuery({
    queryKey: ['campaign-results', workspaceId, props.campaignId, props.status],
    queryFn: ({ signal }) =>
      api.get('/v1/campaigns/{campaignId}/results', { params: { campaignId: props.campaignId }, signal }),
    refetchInterval: isLive(props.status) ? 10_000 : false,
    placeholderData: keepPreviousData,
  });
  const r = results.data;
  return (
    <section className="card" aria-labelledby="results-title">
      <h2 id="results-title">{t('campaign.results')}</h2>
      <ErrorMessage error={results.error} />
      {!r ? (
        results.isPending && <Loading />
      ) : (
        <>
          <dl className="figures">
            <div className="figure">
              <dt>{t('campaign.figure.sent')}</dt>
              <dd>{number(r.sent)}</dd>
            </div>
            <div className="figure">
              <dt>{t('campaign.figure.delivered')}</dt>
              <dd>{number(r.delivered)}</dd>
            </div>
            <div className="figure">
              <dt>{t('campaign.figure.openRate')}</dt>
              <dd>{percent(r.rates.open)}</dd>
            </div>
            <div className="figure">
              <dt>{t('campaign.figure.clickRate')}</dt>
              <dd>{percent(r.rates.click)}</dd>
            </div>
            <div className="figure">
              <dt>{t('campaign.figure.bounced')}</dt>
              <dd>{number(r.bounced)}</dd>
            </div>
            <div className="figure">
              <dt>{t('campaign.figure.unsubscribed')}</dt>
              <dd>{number(r.unsubscribed)}</dd>
            </div>
            <div className="figure">
              <dt>{t('campaign.figure.complained')}</dt>
              <dd>{number(r.complained)}</dd>
            </div>
          </dl>
          <h3>{t('campaign.revenue')}</h3>
          {r.conversions.byCurrency.length === 0 ? (
            <p className="muted">{t('campaign.noRevenue')}</p>
          ) : (
            <ul>
              {r.conversions.byCurrency.map((c) => (
                <li key={c.currency}>
                  {t('campaign.revenueLine', {
                    revenue: money(c.revenue, c.currency),
                    conversions: number(c.conversions),
                  })}
                </li>
              ))}
            </ul>
          )}
          {r.links.length > 0 && (
            <>
              <h3>{t('campaign.links')}</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('campaign.link')}</th>
                    <th scope="col">{t('campaign.clicks')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.links.slice(0, 10).map((l) => (
                    <tr key={l.link}>
                      <td>
                        <code>{l.link}</code>
                      </td>
                      <td>{number(l.clicked)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
