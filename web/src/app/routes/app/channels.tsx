import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { ChannelsPage } from '@/features/channels/components/channels-page';
import { useEmployeeList } from '@/features/employees/api/employees';
import { useTranslation } from '@/lib/i18n';

export function ChannelsRoute() {
  const { user } = useSession();
  const { t } = useTranslation('channels');
  const staff = isStaffRole(user.role);
  const employees = useEmployeeList({ enabled: !staff });
  if (staff) {
    return (
      <Page title={t('title')} description={t('description')}>
        <EmptyState title={t('empty.title')}>
          <p>{t('empty.body')}</p>
        </EmptyState>
      </Page>
    );
  }
  return <ChannelsPage employees={(employees.data ?? []).map((e) => ({ id: e.id, name: e.name }))} />;
}
