/**
 * A campaign's A/B test: its set-up, each variant's test-wave figures once launched
 * (`GET /v1/campaigns/{id}` reads them), when the winner is picked, and the winner once decided.
 */
import type { ResponseOf } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { useTemplates } from '../templates/use-templates.ts';
import { variantLabel } from './ab-test-form.ts';

type AbTestView = NonNullable<ResponseOf<'/v1/campaigns/{campaignId}', 'get'>['abTest']>;

export function AbTestResults(props: { readonly abTest: AbTestView; readonly templateId: string }) {
  const { t, number, percent, money, dateTime } = useI18n();
  const { abTest } = props;
  const { nameOf: templateName } = useTemplates();
  const results = abTest.results;
  return (
    <section className="card" aria-labelledby="ab-title">
      <h2 id="ab-title">{t('wizard.abTest')}</h2>
      <p>
        {t('campaign.ab.setup', {
          share: number(abTest.testShare),
          metric: t(`wizard.metric.${abTest.metric}`),
          minutes: number(abTest.decideAfterMinutes),
        })}
      </p>
      {abTest.winner !== undefined ? (
        <p className="notice" data-testid="ab-winner">
          {t('campaign.ab.winnerIs', {
            label: variantLabel(abTest.winner),
            metric: t(`wizard.metric.${abTest.decidedBy ?? abTest.metric}`),
            at: abTest.decidedAt ? dateTime(abTest.decidedAt) : '',
          })}
        </p>
      ) : (
        abTest.decideAt && <p>{t('campaign.ab.decidesAt', { at: dateTime(abTest.decideAt) })}</p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('campaign.ab.variant')}</th>
              <th scope="col">{t('campaign.ab.subject')}</th>
              <th scope="col">{t('wizard.template')}</th>
              {results && (
                <>
                  <th scope="col">{t('campaign.figure.sent')}</th>
                  <th scope="col">{t('campaign.figure.openRate')}</th>
                  <th scope="col">{t('campaign.figure.clickRate')}</th>
                  <th scope="col">{t('campaign.revenue')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {abTest.variants.map((v, i) => {
              const r = results?.find((x) => x.variant === i);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a variant is its place in the list
                <tr key={i}>
                  <th scope="row">
                    {variantLabel(i)}{' '}
                    {abTest.winner === i && <StatusBadge status="sent" label={t('campaign.ab.winner')} />}
                  </th>
                  <td>{v.subject ?? <span className="muted">{t('campaign.ab.templateSubject')}</span>}</td>
                  <td>{templateName(v.template?.templateId ?? props.templateId)}</td>
                  {results && (
                    <>
                      <td>{number(r?.sent ?? 0)}</td>
                      <td>
                        {t('campaign.ab.rate', {
                          rate: percent(r?.openRate ?? 0),
                          count: number(r?.opened ?? 0),
                        })}
                      </td>
                      <td>
                        {t('campaign.ab.rate', {
                          rate: percent(r?.clickRate ?? 0),
                          count: number(r?.clicked ?? 0),
                        })}
                      </td>
                      <td>
                        {(r?.revenue ?? []).length === 0
                          ? '–'
                          : r?.revenue.map((line) => money(line.revenue, line.currency)).join(', ')}
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!results && <p className="muted">{t('campaign.ab.notLaunched')}</p>}
    </section>
  );
}
