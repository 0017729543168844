/**
 * The live count: as the condition changes (and once it settles), POST /v1/segments/preview says how
 * many contacts match it now. On a large workspace the API checks the first contacts only and says so.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';

export function SegmentPreview(props: { readonly condition: unknown; readonly ready: boolean }) {
  const { t, number } = useI18n();
  const { workspaceId } = useSession();
  const condition = useDebounced(props.condition, 400);
  const key = JSON.stringify(condition ?? null);
  const preview = useQuery({
    queryKey: ['segment-preview', workspaceId, key],
    queryFn: ({ signal }) => api.post('/v1/segments/preview', { body: { condition }, signal }),
    enabled: props.ready && condition !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <section className="card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('segment.liveCount')}</h2>
      <div aria-live="polite">
        {!props.ready || condition === undefined ? (
          <p className="muted">{t('segment.countWaiting')}</p>
        ) : preview.data ? (
          <>
            <p className="live-count" data-testid="segment-count">
              {t('segment.count', { count: number(preview.data.matched) })}
            </p>
            {!preview.data.complete && (
              <p className="muted">{t('segment.countPartial', { scanned: number(preview.data.scanned) })}</p>
            )}
          </>
        ) : preview.isFetching ? (
          <p className="muted">{t('segment.counting')}</p>
        ) : null}
      </div>
      <ErrorMessage error={preview.error} />
    </section>
  );
}
