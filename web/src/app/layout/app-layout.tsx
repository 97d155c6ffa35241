import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorBoundary } from '@/components/ui/error-boundary';
import { Logo } from '@/components/ui/logo';
import { paths } from '@/config/paths';
import { useLogout } from '@/features/auth/api/logout';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { useBillingEvents } from '@/features/billing/hooks/use-billing-events';
import { useChatEvents } from '@/features/chats/hooks/use-chat-events';
import { useEmployeeUsageEvents } from '@/features/employees/hooks/use-employee-usage-events';
import { useSupportEvents } from '@/features/support/hooks/use-support-events';
import { useUnreadTotal } from '@/features/support/hooks/use-unread-total';
import { useTranslation } from '@/lib/i18n';
import { navItemsFor } from './nav-items';
import { SidebarNav } from './sidebar-nav';
import { UserPanel } from './user-panel';
import styles from './app-layout.module.css';

const SIDEBAR_ID = 'app-sidebar';

/** The signed-in shell: navigation, the user's panel and the current section. */
export function AppLayout() {
  const { user, account } = useSession();
  const unreadTotal = useUnreadTotal();
  // Live ticket updates (and the badge) for as long as someone is signed in.
  useSupportEvents();
  // Chats stream and the balance moves for the account's own users; staff only read chats.
  const isCustomer = !isStaffRole(user.role);
  useChatEvents(undefined, { enabled: isCustomer });
  useBillingEvents(undefined, { enabled: isCustomer });
  useEmployeeUsageEvents(undefined, { enabled: isCustomer });
  const { t } = useTranslation('shell');
  const navigate = useNavigate();
  const location = useLocation();
  // The phone menu is open on the page where it was opened; a new page closes it.
  const [menuOpenedOn, setMenuOpenedOn] = useState<string | null>(null);
  const menuOpen = menuOpenedOn === location.pathname;
  const setMenuOpen = (open: boolean) => setMenuOpenedOn(open ? location.pathname : null);
  const logout = useLogout({
    onSignedOut: () => void navigate(paths.login, { replace: true, flushSync: true }),
  });

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpenedOn(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const detail = account?.name ?? (user.role === 'admin' ? t('user.admin') : t('user.supportTeam'));

  return (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink}>
        {t('skipToContent')}
      </a>
      <header className={styles.topbar}>
        <Logo />
        <button
          type="button"
          className={styles.menuButton}
          aria-label={menuOpen ? t('menu.close') : t('menu.open')}
          aria-expanded={menuOpen}
          aria-controls={SIDEBAR_ID}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
            <path
              d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'}
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
            />
          </svg>
        </button>
      </header>
      {menuOpen ? <div className={styles.backdrop} aria-hidden="true" onClick={() => setMenuOpen(false)} /> : null}
      <aside id={SIDEBAR_ID} className={styles.sidebar} data-open={menuOpen}>
        <div className={styles.brand}>
          <Logo />
        </div>
        <SidebarNav items={navItemsFor(isStaffRole(user.role), user.role === 'admin')} unreadTotal={unreadTotal} />
        <UserPanel
          name={user.name}
          detail={detail}
          signingOut={logout.isPending}
          signOutError={logout.isError ? t('user.signOutError', { message: logout.error.message }) : null}
          onSignOut={() => logout.mutate()}
        />
      </aside>
      <main id="main" className={styles.main} tabIndex={-1}>
        {/* Every section's crash stays in its panel, with the navigation still working; a new page clears it. */}
        <ErrorBoundary title={t('crash.section')} resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
