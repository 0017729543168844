/** A path the console does not know. */
import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
}
