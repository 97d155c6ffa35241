import { UnavailableSection } from '@/components/ui/unavailable-section';
import { useTranslation } from '@/lib/i18n';

export function ChannelsRoute() {
  const { t } = useTranslation('shell');
  return (
    <UnavailableSection
      title={t('channels.title')}
      description={t('channels.description')}
      plans={t('channels.plans')}
    />
  );
}
