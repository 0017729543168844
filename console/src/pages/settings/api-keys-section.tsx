/** API keys: list, issue (the token is shown once), revoke. Admins only. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { TextField } from '../../ui/field.tsx';
import { LocalPager } from '../../ui/local-pager.tsx';

const SCOPES = ['read', 'write', 'ingest', 'admin'] as const;
type Scope = (typeof SCOPES)[number];

export function ApiKeysSection() {
  const { t, date } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [page, setPage] = useState(0);
  const keys = useQuery({
    queryKey: ['keys', session.workspaceId],
    queryFn: ({ signal }) => api.get('/v1/keys', { signal }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['keys', session.workspaceId] });
  const issue = useMutation({
    mutationFn: () => api.post('/v1/keys', { body: { name, scopes } }),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => api.delete('/v1/keys/{keyId}', { params: { keyId } }),
    onSuccess: refresh,
  });
  const all = keys.data?.keys ?? [];
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('settings.keys')}</h2>
      <ErrorMessage error={keys.error ?? revoke.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('settings.keyName')}</th>
            <th scope="col">{t('settings.scopes')}</th>
            <th scope="col">{t('settings.created')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {all.slice(page * 25, page * 25 + 25).map((k) => (
            <tr key={k.id}>
              <td>{k.name}</td>
              <td>{k.scopes.join(', ')}</td>
              <td>{date(k.createdAt)}</td>
              <td>
                {k.revokedAt ? (
                  t('settings.revoked')
                ) : (
                  <button type="button" className="button link" onClick={() => revoke.mutate(k.id)}>
                    {t('settings.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <LocalPager page={page} total={all.length} pageSize={25} onPage={setPage} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          issue.mutate();
        }}
      >
        <h3>{t('settings.newKey')}</h3>
        <TextField
          label={t('settings.keyName')}
          value={name}
          onValue={setName}
          required
          error={fieldError(issue.error, 'name')}
        />
        <fieldset>
          <legend>{t('settings.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="inline-field">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) => setScopes(e.target.checked ? [...scopes, s] : scopes.filter((x) => x !== s))}
              />
              {t(`settings.scope.${s}`)}
            </label>
          ))}
          {fieldError(issue.error, 'scopes') && (
            <p className="field-error">{fieldError(issue.error, 'scopes')}</p>
          )}
        </fieldset>
        <ErrorMessage error={issue.error} fields={['name', 'scopes']} />
        <button type="submit" className="button primary" disabled={issue.isPending}>
          {t('settings.issueKey')}
        </button>
        {issue.data && (
          <div className="notice" role="status">
            <p>{t('settings.tokenOnce')}</p>
            <code>{issue.data.token}</code>
          </div>
        )}
      </form>
    </section>
  );
}
