/**
 * The workspace's score distribution from the API (counters kept by the scorer, so it covers every
 * scored contact): a bar per score bucket with the stage thresholds marked, and the contacts per stage.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { BarChart } from '../../ui/bar-chart.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { type Bar, distributionBars, type Threshold } from './distribution-bars.ts';

export function ScoreDistribution(props: { readonly thresholds: readonly Threshold[] }) {
  const { t, number } = useI18n();
  const session = useSession();
  const distribution = useQuery({
    queryKey: ['score-distribution', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/score-distribution', { signal }),
  });
  const label = (b: Bar) =>
    b.from === undefined
      ? t('scoring.bucketBelow', { to: number(b.to ?? 0) })
      : b.to === undefined
        ? t('scoring.bucketFrom', { from: number(b.from) })
        : t('scoring.bucketRange', { from: number(b.from), to: number(b.to - 1) });

  const view = distribution.data;
  const { bars, markers } = view ? distributionBars(view, props.thresholds) : { bars: [], markers: [] };
  return (
    <section className="card" aria-labelledby="distribution-title">
      <h2 id="distribution-title">{t('scoring.distribution')}</h2>
      {distribution.isPending && <Loading />}
      <ErrorMessage error={distribution.error} />
      {view && (
        <>
          <p className="hint">{t('scoring.distributionHint', { count: number(view.contacts) })}</p>
          {bars.length === 0 ? (
            <p className="muted">{t('scoring.noScores')}</p>
          ) : (
            <BarChart
              title={t('scoring.distribution')}
              labels={bars.map(label)}
              series={[{ name: t('nav.contacts'), color: '#1d4ed8', values: bars.map((b) => b.contacts) }]}
              markers={markers.map((m) => ({ at: m.at, label: m.stage }))}
              maxLabels={12}
              format={(n) => number(n)}
            />
          )}
          <table>
            <caption>{t('scoring.perStage')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scoring.stage')}</th>
                <th scope="col">{t('scoring.minScore')}</th>
                <th scope="col">{t('nav.contacts')}</th>
              </tr>
            </thead>
            <tbody>
              {view.stages.map((s) => {
                const threshold = props.thresholds.find((th) => th.stage === s.stage);
                return (
                  <tr key={s.stage}>
                    <th scope="row">{s.stage}</th>
                    <td>{threshold ? number(threshold.minScore) : t('scoring.noThreshold')}</td>
                    <td>{number(s.contacts)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
