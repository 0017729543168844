/** ScoringPage: being built. */
import { useI18n } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export function ScoringPage() {
  const { t } = useI18n();
  return <PageHeader title={t('nav.scoring')} />;
}
