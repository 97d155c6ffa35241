import { useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { useTranslation } from '@/lib/i18n';
import { FinancePage } from '@/features/finance/components/finance-page';
import { parseId } from './parse-id';

/** /finance: the account's own Finance; staff open any account's read-only (?account_id=). */
export function FinanceRoute() {
  const { user } = useSession();
  const { t } = useTranslation('finance');
  const [params] = useSearchParams();
  const staff = isStaffRole(user.role);
  const accountId = staff ? (parseId(params.get('account_id') ?? '') ?? undefined) : undefined;
  if (staff && accountId === undefined) {
    return (
      <Page title={t('title')} description={t('description')}>
        <EmptyState title={t('staffPickTitle')}>
          <p>{t('staffPickBody')}</p>
        </EmptyState>
      </Page>
    );
  }
  return (
    <FinancePage
      key={accountId ?? 0}
      viewer={{ locale: user.locale, timeZone: user.time_zone, accountId, readOnly: staff }}
    />
  );
}
