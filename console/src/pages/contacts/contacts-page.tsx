/**
 * Contacts: every contact page by page, or, with a search, the contacts whose email, first name,
 * last name or full name starts with it (GET /v1/contacts/search, built for a million contacts).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage } from '../../ui/error-message.tsx';
import { TextField } from '../../ui/field.tsx';
import { Loading } from '../../ui/loading.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';
import { useDebounced } from '../../ui/use-debounced.ts';
import { contactName } from './contact-name.ts';

export function ContactsPage() {
  const { t, date, number } = useI18n();
  const { workspaceId } = useSession();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const pager = usePager();
  const contacts = useQuery({
    queryKey: ['contacts', workspaceId, q, pager.cursor],
    queryFn: async ({ signal }) => {
      const query = { limit: 25, ...(pager.cursor ? { cursor: pager.cursor } : {}) };
      return q
        ? api.get('/v1/contacts/search', { query: { ...query, q }, signal })
        : api.get('/v1/contacts', { query, signal });
    },
    placeholderData: keepPreviousData,
  });

  return (
    <section>
      <PageHeader title={t('contacts.title')} />
      <search className="search">
        <TextField
          type="search"
          label={t('contacts.search')}
          hint={t('contacts.searchHint')}
          value={search}
          onValue={(value) => {
            setSearch(value);
            pager.reset();
          }}
        />
      </search>
      <ErrorMessage error={contacts.error} />
      {contacts.isPending ? (
        <Loading />
      ) : contacts.data?.contacts.length === 0 ? (
        <p className="notice">{q ? t('contacts.noMatch', { q }) : t('contacts.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted">{t('contacts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('contacts.name')}</th>
                <th scope="col">{t('contacts.email')}</th>
                <th scope="col">{t('contacts.stage')}</th>
                <th scope="col">{t('contacts.score')}</th>
                <th scope="col">{t('contacts.created')}</th>
              </tr>
            </thead>
            <tbody>
              {contacts.data?.contacts.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to="/contacts/$contactId" params={{ contactId: c.id }}>
                      {contactName(c)}
                    </Link>
                  </td>
                  <td>{c.email}</td>
                  <td>{c.stage ?? t('common.none')}</td>
                  <td>{number(c.score)}</td>
                  <td>{date(c.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager pager={pager} next={contacts.data?.next} busy={contacts.isFetching} />
    </section>
  );
}
