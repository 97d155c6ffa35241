import { useSearchParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { FinancePage } from '@/features/finance/components/finance-page';
import { parseId } from './parse-id';

/** /finance: the account's own Finance; staff open any account's read-only (?account_id=). */
export function FinanceRoute() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const staff = isStaffRole(user.role);
  const accountId = staff ? (parseId(params.get('account_id') ?? '') ?? undefined) : undefined;
  if (staff && accountId === undefined) {
    return (
      <Page title="Finance" description="Monitor word usage and spending">
        <EmptyState title="Open an account's Finance from the console">
          <p>A ticket's account panel links to that account's Finance, read-only.</p>
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
