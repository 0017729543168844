/** The header: product name, the workspace picker, the language switcher and signing out. */
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId } from 'react';
import { api } from '../api/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export function Header() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const workspaceId = useId();
  const signOut = useMutation({
    mutationFn: () => api.post('/auth/logout', { onSignedOut: 'throw' }),
    onSuccess: (result) => window.location.assign(result?.logoutUrl ?? '/'),
  });

  return (
    <header className="header">
      <span className="brand">{t('app.name')}</span>
      <div className="header-tools">
        {session.me.memberships.length > 1 ? (
          <div className="inline-field">
            <label htmlFor={workspaceId}>{t('shell.workspace')}</label>
            <select
              id={workspaceId}
              value={session.workspaceId}
              onChange={(e) => {
                session.switchWorkspace(e.target.value);
                void navigate({ to: '/' });
              }}
            >
              {session.me.memberships.map((m) => (
                <option key={m.workspaceId} value={m.workspaceId}>
                  {m.workspaceName}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span className="workspace-name">{session.workspaceName}</span>
        )}
        <LanguageSwitcher />
        <span className="user" title={t(`role.${session.role}`)}>
          {session.me.user.email}
        </span>
        <button type="button" className="button secondary" onClick={() => signOut.mutate()}>
          {t('shell.signOut')}
        </button>
      </div>
      <ErrorMessage error={signOut.error} />
    </header>
  );
}
