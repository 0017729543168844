/**
 * Cursor pagination as the API does it (`next` cursors): the cursors of the pages seen so far are
 * kept so "previous" goes back without the API having to page backwards.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export const usePager = () => {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string) => setCursors((c) => [...c, cursor]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    reset: () => setCursors([undefined]),
  };
};

export function Pager(props: {
  readonly pager: ReturnType<typeof usePager>;
  readonly next: string | undefined;
  readonly busy?: boolean;
}) {
  const { t } = useI18n();
  const { pager, next } = props;
  if (pager.page === 1 && !next) return null;
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" className="button secondary" disabled={pager.page === 1} onClick={pager.previous}>
        {t('pager.previous')}
      </button>
      <span>{t('pager.page', { page: pager.page })}</span>
      <button
        type="button"
        className="button secondary"
        disabled={!next || props.busy}
        onClick={() => next && pager.next(next)}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
