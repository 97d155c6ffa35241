import { UnavailableSection } from '@/components/ui/unavailable-section';
import { useTranslation } from '@/lib/i18n';

export function FinanceRoute() {
  const { t } = useTranslation('shell');
  return (
    <UnavailableSection
      title={t('finance.title')}
      description={t('finance.description')}
      plans={t('finance.plans')}
    />
  );
}
