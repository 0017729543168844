/** Shown when nobody is signed in (or the session ended): one way in, in the user's language. */
import { loginUrl } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';

export function SignedOut() {
  const { t, locale } = useI18n();
  return (
    <div className="signed-out">
      <header className="header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitcher />
      </header>
      <main id="main" className="signed-out-main">
        <h1>{t('signedOut.title')}</h1>
        <p>{t('signedOut.body')}</p>
        <a className="button primary" href={loginUrl(window.location, locale)}>
          {t('signedOut.signIn')}
        </a>
      </main>
    </div>
  );
}
