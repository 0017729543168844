/** A saved segment's members, a page at a time, each linked to the contact's profile. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';
import { contactName } from '../contacts/contact-name.ts';

function Member(props: { readonly contactId: string }) {
  const { workspaceId } = useSession();
  const contact = useQuery({
    queryKey: ['contact', workspaceId, props.contactId],
    queryFn: ({ signal }) =>
      api.get('/v1/contacts/{contactId}', { params: { contactId: props.contactId }, signal }),
    staleTime: 60_000,
  });
  return (
    <li>
      <Link to="/contacts/$contactId" params={{ contactId: props.contactId }}>
        {contact.data ? contactName(contact.data) : props.contactId}
      </Link>
      {contact.data?.email && contact.data.email !== contactName(contact.data) && (
        <span className="muted"> {contact.data.email}</span>
      )}
    </li>
  );
}

export function SegmentMembers(props: { readonly segmentId: string }) {
  const { t } = useI18n();
  const { workspaceId } = useSession();
  const pager = usePager();
  const members = useQuery({
    queryKey: ['segment-members', workspaceId, props.segmentId, pager.cursor],
    queryFn: ({ signal }) =>
      api.get('/v1/segments/{segmentId}/members', {
        params: { segmentId: props.segmentId },
        query: { limit: 25, ...(pager.cursor ? { cursor: pager.cursor } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">{t('segment.members')}</h2>
      <ErrorMessage error={members.error} />
      {members.isPending ? (
        <Loading />
      ) : members.data?.contactIds.length === 0 ? (
        <p className="muted">{t('segment.noMembers')}</p>
      ) : (
        <ul>
          {members.data?.contactIds.map((id) => (
            <Member key={id} contactId={id} />
          ))}
        </ul>
      )}
      <Pager pager={pager} next={members.data?.next} busy={members.isFetching} />
    </section>
  );
}
