/** The workspace's users: invite by email with a role, change a role, remove. Admins only. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api.ts';
import type { Role } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorMessage, fieldError } from '../../ui/error-message.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Pager, usePager } from '../../ui/pager.tsx';

const ROLES: readonly Role[] = ['admin', 'marketer', 'analyst'];
const toRole = (v: string): Role => ROLES.find((r) => r === v) ?? 'analyst';

export function UsersSection() {
  const { t } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const pager = usePager();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('marketer');
  const users = useQuery({
    queryKey: ['users', session.workspaceId, pager.cursor],
    queryFn: ({ signal }) =>
      api.get('/v1/users', {
        query: { limit: 25, ...(pager.cursor ? { cursor: pager.cursor } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users', session.workspaceId] });
  const invite = useMutation({
    mutationFn: () => api.post('/v1/users', { body: { email, role } }),
    onSuccess: () => {
      setEmail('');
      refresh();
    },
  });
  const change = useMutation({
    mutationFn: (v: { userId: string; role: Role }) =>
      api.patch('/v1/users/{userId}', { params: { userId: v.userId }, body: { role: v.role } }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api.delete('/v1/users/{userId}', { params: { userId } }),
    onSuccess: refresh,
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <section className="card" aria-labelledby="users-title">
      <h2 id="users-title">{t('settings.users')}</h2>
      <ErrorMessage error={users.error ?? change.error ?? remove.error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('contacts.email')}</th>
            <th scope="col">{t('settings.role')}</th>
            <th scope="col">{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.users.map((u) => (
            <tr key={u.id}>
              <td>{u.email}</td>
              <td>
                <select
                  aria-label={t('settings.roleOf', { email: u.email })}
                  value={u.role}
                  disabled={u.id === session.me.user.id}
                  onChange={(e) => change.mutate({ userId: u.id, role: toRole(e.target.value) })}
                >
                  {roleOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {u.id !== session.me.user.id && (
                  <button type="button" className="button link" onClick={() => remove.mutate(u.id)}>
                    {t('settings.removeUser')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager pager={pager} next={users.data?.next} busy={users.isFetching} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <h3>{t('settings.invite')}</h3>
        <div className="grid">
          <TextField
            label={t('contacts.email')}
            type="email"
            value={email}
            onValue={setEmail}
            required
            error={fieldError(invite.error, 'email')}
          />
          <SelectField
            label={t('settings.role')}
            value={role}
            onValue={(v) => setRole(toRole(v))}
            options={roleOptions}
            error={fieldError(invite.error, 'role')}
          />
        </div>
        <ErrorMessage error={invite.error} fields={['email', 'role']} />
        <button type="submit" className="button primary" disabled={invite.isPending}>
          {t('settings.sendInvite')}
        </button>
        {invite.isSuccess && (
          <p role="status" className="notice">
            {t('settings.invited')}
          </p>
        )}
      </form>
    </section>
  );
}
