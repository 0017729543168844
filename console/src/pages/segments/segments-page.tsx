/** Segments: every segment of the workspace, a page at a time, with its kind and rebuild state. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { LocalPager } from '../../ui/local-pager.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';

export function SegmentsPage() {
  const { t, date } = useI18n();
  const session = useSession();
  const [page, setPage] = useState(0);
  const segments = useQuery({
    queryKey: ['segments', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/segments', { signal }),
  });
  const all = segments.data?.segments ?? [];
  const shown = all.slice(page * 25, page * 25 + 25);
  return (
    <section>
      <PageHeader title={t('segments.title')}>
        {session.canWrite && (
          <Link to="/segments/new" className="button primary">
            {t('segments.new')}
          </Link>
        )}
      </PageHeader>
      <ErrorMessage error={segments.error} />
      {segments.isPending ? (
        <Loading />
      ) : all.length === 0 ? (
        <p className="notice">{t('segments.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('segments.name')}</th>
                <th scope="col">{t('segments.kind')}</th>
                <th scope="col">{t('segments.state')}</th>
                <th scope="col">{t('segments.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to="/segments/$segmentId" params={{ segmentId: s.id }}>
                      {s.name}
                    </Link>
                    {s.description && <div className="muted">{s.description}</div>}
                  </td>
                  <td>{t(`segments.kind.${s.kind}`)}</td>
                  <td>
                    {s.rebuild?.status === 'running' ? (
                      <StatusBadge status="running" label={t('segments.rebuilding')} />
                    ) : (
                      <StatusBadge status="active" label={t('segments.current')} />
                    )}
                  </td>
                  <td>{date(s.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LocalPager page={page} total={all.length} pageSize={25} onPage={setPage} />
    </section>
  );
}
