/** Templates: every template of the workspace with its kind, languages and latest version. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LOCALE_NAMES } from '../../i18n/locales.ts';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { LocalPager } from '../../ui/local-pager.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { templatesQueryKey, useTemplates } from './use-templates.ts';

export function TemplatesPage() {
  const { t, date, number } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const { templates } = useTemplates();
  const installDefaults = useMutation({
    mutationFn: () => api.post('/v1/templates/defaults', { body: { overwrite: false } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: templatesQueryKey(session.workspaceId) }),
  });
  const all = templates.data?.templates ?? [];
  return (
    <section>
      <PageHeader title={t('templates.title')}>
        {session.canWrite && (
          <>
            <button
              type="button"
              className="button secondary"
              disabled={installDefaults.isPending}
              onClick={() => installDefaults.mutate()}
            >
              {installDefaults.isPending ? t('templates.installing') : t('templates.installDefaults')}
            </button>
            <Link to="/templates/new" className="button primary">
              {t('templates.new')}
            </Link>
          </>
        )}
      </PageHeader>
      <ErrorMessage error={templates.error ?? installDefaults.error} />
      {templates.isPending ? (
        <Loading />
      ) : all.length === 0 ? (
        <p className="notice">{t('templates.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('templates.name')}</th>
                <th scope="col">{t('templates.kind')}</th>
                <th scope="col">{t('templates.languages')}</th>
                <th scope="col">{t('templates.version')}</th>
                <th scope="col">{t('templates.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {all.slice(page * 25, page * 25 + 25).map((tpl) => (
                <tr key={tpl.id}>
                  <td>
                    <Link to="/templates/$templateId" params={{ templateId: tpl.id }}>
                      {tpl.name}
                    </Link>
                    <div className="muted">
                      <code>{tpl.id}</code>
                    </div>
                  </td>
                  <td>{t(`templates.kind.${tpl.kind}`)}</td>
                  <td>{tpl.locales.map((l) => LOCALE_NAMES[l]).join(', ')}</td>
                  <td>{number(tpl.latestVersion)}</td>
                  <td>{date(tpl.updatedAt)}</td>
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
