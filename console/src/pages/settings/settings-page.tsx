/** Settings (admins): sender domains, email settings (postal address, topics, frequency cap), users, API keys and outgoing webhooks. */
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../session/session.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ApiKeysSection } from './api-keys-section.tsx';
import { EmailSettingsSection } from './email-settings-section.tsx';
import { SenderDomainsSection } from './sender-domains-section.tsx';
import { UsersSection } from './users-section.tsx';
import { WebhooksSection } from './webhooks-section.tsx';

export function SettingsPage() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <section>
      <PageHeader title={t('settings.title')} />
      {session.isAdmin ? (
        <>
          <SenderDomainsSection />
          <EmailSettingsSection />
          <UsersSection />
          <ApiKeysSection />
          <WebhooksSection />
        </>
      ) : (
        <p className="notice">{t('settings.adminsOnly')}</p>
      )}
    </section>
  );
}
