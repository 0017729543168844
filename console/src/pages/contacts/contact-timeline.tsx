/**
 * A contact's every-channel timeline (GET /v1/contacts/{id}/timeline), newest first, paginated. An
 * email shows its A/B variant's subject, else its template's name.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { useTemplates } from '../templates/use-templates.ts';

const summaryOf = (properties: Record<string, unknown>): string | undefined => {
  const summary = properties.summary;
  return typeof summary === 'string' ? summary : undefined;
};

export function ContactTimeline(props: { readonly contactId: string }) {
  const { t, dateTime } = useI18n();
  const { workspaceId } = useSession();
  const pager = usePager();
  const { nameOf } = useTemplates();
  const timeline = useQuery({
    queryKey: ['timeline', workspaceId, props.contactId, pager.cursor],
    queryFn: ({ signal }) =>
      api.get('/v1/contacts/{contactId}/timeline', {
        params: { contactId: props.contactId },
        query: { limit: 20, ...(pager.cursor ? { cursor: pager.cursor } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('contact.timeline')}</h2>
      <ErrorMessage error={timeline.error} />
      {timeline.isPending ? (
        <Loading />
      ) : timeline.data?.entries.length === 0 ? (
        <p className="muted">{t('contact.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {timeline.data?.entries.map((entry) => (
            <li key={entry.eventId}>
              <time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time>
              {entry.email ? (
                <span>
                  {t('contact.emailEntry', {
                    subject: entry.email.subject ?? nameOf(entry.email.templateId),
                  })}{' '}
                  <StatusBadge
                    status={entry.email.status}
                    label={t(`contact.emailStatus.${entry.email.status}`)}
                  />
                  {entry.email.reason !== undefined && (
                    <span className="muted"> {t('contact.emailReason', { reason: entry.email.reason })}</span>
                  )}
                  {entry.email.origin === 'campaign' && entry.email.originId !== undefined && (
                    <>
                      {' '}
                      <Link to="/campaigns/$campaignId" params={{ campaignId: entry.email.originId }}>
                        {t('contact.emailCampaign')}
                      </Link>
                    </>
                  )}
                </span>
              ) : (
                <span>
                  <strong>{entry.name}</strong> {summaryOf(entry.properties)}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pager pager={pager} next={timeline.data?.next} busy={timeline.isFetching} />
    </section>
  );
}
