import { Navigate } from 'react-router';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { navItemsFor } from '../../layout/nav-items';

/** "/" opens the first section of the user's navigation. */
export function HomeRedirect() {
  const { user } = useSession();
  const first = navItemsFor(isStaffRole(user.role))[0];
  return <Navigate to={first ? first.to : '/settings'} replace />;
}
