/** Pagination of a list the API returns whole (segments, templates...): pages of `pageSize`. */
import { useI18n } from '../i18n/i18n.tsx';

export function LocalPager(props: {
  readonly page: number;
  readonly total: number;
  readonly pageSize: number;
  readonly onPage: (page: number) => void;
}) {
  const { t } = useI18n();
  const pages = Math.ceil(props.total / props.pageSize);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button secondary"
        disabled={props.page === 0}
        onClick={() => props.onPage(props.page - 1)}
      >
        {t('pager.previous')}
      </button>
      <span>{t('pager.pageOf', { page: props.page + 1, pages })}</span>
      <button
        type="button"
        className="button secondary"
        disabled={props.page + 1 >= pages}
        onClick={() => props.onPage(props.page + 1)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
