/**
 * How many contacts a segment holds now: a dynamic segment's condition is counted by
 * POST /v1/segments/preview; a list's members are counted a page at a time (up to 1,000 shown).
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';

interface Segment {
  readonly id: string;
  readonly kind: 'dynamic' | 'static';
  readonly condition?: unknown;
}

const LIST_COUNT_CAP = 1000;

export const useAudienceCount = (segment: Segment | undefined) => {
  const { workspaceId } = useSession();
  return useQuery({
    queryKey: ['audience-count', workspaceId, segment?.id],
    enabled: segment !== undefined,
    queryFn: async ({ signal }) => {
      if (!segment) return { matched: 0, complete: true, sample: [] as string[] };
      if (segment.kind === 'dynamic' && segment.condition !== undefined) {
        const preview = await api.post('/v1/segments/preview', {
          body: { condition: segment.condition },
          signal,
        });
        return { matched: preview.matched, complete: preview.complete, sample: preview.sample };
      }
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get('/v1/segments/{segmentId}/members', {
          params: { segmentId: segment.id },
          query: { limit: 100, ...(cursor ? { cursor } : {}) },
          signal,
        });
        ids.push(...page.contactIds);
        cursor = page.next;
      } while (cursor && ids.length < LIST_COUNT_CAP);
      return { matched: ids.length, complete: !cursor, sample: ids.slice(0, 5) };
    },
  });
};

export function AudienceCount(props: { readonly segment: Segment | undefined }) {
  const { t, number } = useI18n();
  const count = useAudienceCount(props.segment);
  if (!props.segment) return null;
  return (
    <div aria-live="polite">
      {count.data ? (
        <p className="live-count" data-testid="audience-count">
          {count.data.complete
            ? t('segment.count', { count: number(count.data.matched) })
            : t('campaign.countAtLeast', { count: number(count.data.matched) })}
        </p>
      ) : count.isFetching ? (
        <p className="muted">{t('segment.counting')}</p>
      ) : null}
      <ErrorMessage error={count.error} />
    </div>
  );
}
