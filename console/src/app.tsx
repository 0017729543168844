/**
 * Decides what the browser shows: a loading state, the signed-out page, a user without a workspace,
 * or the console itself for the chosen workspace.
 */
import { RouterProvider } from '@tanstack/react-router';
import { ApiError } from './api/errors.ts';
import { useI18n } from './i18n/i18n.tsx';
import { router } from './router.tsx';
import { SessionProvider, useMeQuery } from './session/session.tsx';
import { SignedOut } from './shell/signed-out.tsx';
import { ErrorMessage } from './ui/error-message.tsx';
import { Loading } from './ui/loading.tsx';

export function App() {
  const { t } = useI18n();
  const me = useMeQuery();
  if (me.isPending) return <Loading />;
  if (me.error instanceof ApiError && me.error.status === 401) return <SignedOut />;
  if (me.error) {
    return (
      <main id="main" className="signed-out-main">
        <h1>{t('app.name')}</h1>
        <ErrorMessage error={me.error} />
      </main>
    );
  }
  const { user, memberships } = me.data;
  if (user === null) return <SignedOut />;
  if (memberships.length === 0) {
    return (
      <main id="main" className="signed-out-main">
        <h1>{t('noWorkspace.title')}</h1>
        <p>{t('noWorkspace.body')}</p>
      </main>
    );
  }
  return (
    <SessionProvider me={{ user, memberships }}>
      <RouterProvider router={router} />
    </SessionProvider>
  );
}
