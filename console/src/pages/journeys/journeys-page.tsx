/**
 * Journeys: the ready-made ones, each switched on with one click (its templates are installed when
 * missing), and the workspace's journeys a page at a time.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

export function JourneysPage() {
  const { t, date } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const pager = usePager();
  const readyMade = useQuery({
    queryKey: ['ready-made', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/journeys/ready-made', { signal }),
  });
  const journeys = useQuery({
    queryKey: ['journeys', session.workspaceId, pager.cursor],
    queryFn: ({ signal }) =>
      api.get('/v1/journeys', {
        query: { limit: 25, ...(pager.cursor ? { cursor: pager.cursor } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const enable = useMutation({
    mutationFn: (name: string) => api.post('/v1/journeys/ready-made/{name}', { params: { name }, body: {} }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['ready-made', session.workspaceId] });
      void queryClient.invalidateQueries({ queryKey: ['journeys', session.workspaceId] });
    },
  });

  return (
    <section>
      <PageHeader title={t('journeys.title')}>
        {session.canWrite && (
          <Link to="/journeys/new" className="button primary">
            {t('journeys.new')}
          </Link>
        )}
      </PageHeader>
      <section className="card" aria-labelledby="ready-title">
        <h2 id="ready-title">{t('journeys.readyMade')}</h2>
        <ErrorMessage error={readyMade.error ?? enable.error} />
        {readyMade.isPending && <Loading />}
        <div className="grid">
          {readyMade.data?.journeys.map((j) => (
            <article key={j.name} className="card">
              <h3>{j.title}</h3>
              <p>{j.description}</p>
              {j.journey ? (
                <p>
                  <StatusBadge status={j.journey.status} label={t(`journey.status.${j.journey.status}`)} />{' '}
                  <Link to="/journeys/$journeyId" params={{ journeyId: j.journey.id }}>
                    {t('journeys.open')}
                  </Link>
                </p>
              ) : (
                session.canWrite && (
                  <button
                    type="button"
                    className="button primary"
                    disabled={enable.isPending}
                    onClick={() => enable.mutate(j.name)}
                  >
                    {enable.isPending && enable.variables === j.name
                      ? t('journeys.enabling')
                      : t('journeys.enable')}
                  </button>
                )
              )}
            </article>
          ))}
        </div>
      </section>
      <section aria-labelledby="all-journeys-title">
        <h2 id="all-journeys-title">{t('journeys.all')}</h2>
        <ErrorMessage error={journeys.error} />
        {journeys.isPending ? (
          <Loading />
        ) : journeys.data?.journeys.length === 0 ? (
          <p className="muted">{t('journeys.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('journeys.name')}</th>
                  <th scope="col">{t('journeys.status')}</th>
                  <th scope="col">{t('journeys.trigger')}</th>
                  <th scope="col">{t('journeys.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {journeys.data?.journeys.map((j) => (
                  <tr key={j.id}>
                    <td>
                      <Link to="/journeys/$journeyId" params={{ journeyId: j.id }}>
                        {j.name}
                      </Link>
                    </td>
                    <td>
                      <StatusBadge status={j.status} label={t(`journey.status.${j.status}`)} />
                    </td>
                    <td>{j.trigger}</td>
                    <td>{date(j.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager pager={pager} next={journeys.data?.next} busy={journeys.isFetching} />
      </section>
    </section>
  );
}
