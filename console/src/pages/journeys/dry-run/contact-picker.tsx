/** Finds a contact by the start of their email or name (GET /v1/contacts/search) and picks one. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/api.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useSession } from '../../../session/session.tsx';
import { ErrorMessage } from '../../../ui/error-message.tsx';
import { TextField } from '../../../ui/field.tsx';
import { useDebounced } from '../../../ui/use-debounced.ts';
import { contactName } from '../../contacts/contact-name.ts';

export interface PickedContact {
  readonly id: string;
  readonly name: string;
}

export function ContactPicker(props: {
  readonly value: PickedContact | undefined;
  readonly onValue: (value: PickedContact) => void;
}) {
  const { t } = useI18n();
  const { workspaceId } = useSession();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: ['contacts', workspaceId, q, 'pick'],
    queryFn: ({ signal }) => api.get('/v1/contacts/search', { query: { q, limit: 8 }, signal }),
    enabled: q !== '',
  });
  return (
    <div>
      <TextField
        type="search"
        label={t('contacts.search')}
        hint={t('contacts.searchHint')}
        value={search}
        onValue={setSearch}
      />
      <ErrorMessage error={found.error} />
      {q !== '' && found.data?.contacts.length === 0 && (
        <p className="muted">{t('contacts.noMatch', { q })}</p>
      )}
      {found.data && found.data.contacts.length > 0 && (
        <fieldset>
          <legend>{t('journeyRun.pickContact')}</legend>
          {found.data.contacts.map((c) => (
            <label className="inline-field" key={c.id}>
              <input
                type="radio"
                name="dry-run-contact"
                checked={props.value?.id === c.id}
                onChange={() => props.onValue({ id: c.id, name: contactName(c) })}
              />
              {contactName(c)}{' '}
              {c.email && c.email !== contactName(c) ? <span className="muted">{c.email}</span> : null}
            </label>
          ))}
        </fieldset>
      )}
      {props.value && <p>{t('journeyRun.chosenContact', { name: props.value.name })}</p>}
    </div>
  );
}
