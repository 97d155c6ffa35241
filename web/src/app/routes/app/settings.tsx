import { NavLink, Outlet } from 'react-router';
import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { paths } from '@/config/paths';
import { ProfileDetails } from '@/features/auth/components/profile-details';
import { useSession } from '@/features/auth/hooks/use-session';
import { isStaffRole } from '@/features/auth/api/session';
import { IntegrationsSettings } from '@/features/integrations/components/integrations-settings';
import { useTranslation } from '@/lib/i18n';
import { LanguageSettings } from './language-settings';
import { ThemeSettings } from './theme-settings';
import styles from './settings.module.css';

/**
 * The tabs of Account Settings: one entry per tab (a route under /settings). Customer-only
 * tabs (the account's own settings) are hidden from the support team.
 */
function useSettingsTabs(): { to: string; label: string; end?: boolean }[] {
  const { user } = useSession();
  const { t } = useTranslation('settings');
  const { t: ti } = useTranslation('integrations');
  const tabs: { to: string; label: string; end?: boolean }[] = [{ to: paths.settings, label: t('generalTab'), end: true }];
  if (!isStaffRole(user.role)) tabs.push({ to: paths.settingsIntegrations, label: ti('tab') });
  return tabs;
}

export function SettingsRoute() {
  const { t } = useTranslation('settings');
  const tabs = useSettingsTabs();
  return (
    <Page title={t('title')} description={t('description')}>
      <nav aria-label={t('tabsLabel')} className={styles.tabs}>
        {tabs.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            end={tab.end ?? false}
            className={({ isActive }) => (isActive ? `${styles.tab} ${styles.tabActive}` : styles.tab)}
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </Page>
  );
}

export function GeneralSettingsRoute() {
  const { user, account } = useSession();
  const { t } = useTranslation('settings');
  return (
    <>
      <Card title={t('profileTitle')}>
        <ProfileDetails user={user} account={account} />
      </Card>
      <Card title={t('appearanceTitle')} description={t('appearanceDescription')}>
        <ThemeSettings />
      </Card>
      <Card title={t('languageTitle')} description={t('languageDescription')}>
        <LanguageSettings />
      </Card>
      <Card title={t('laterTitle')}>
        <p className={styles.note}>{t('laterText')}</p>
      </Card>
    </>
  );
}

export function IntegrationsSettingsRoute() {
  return <IntegrationsSettings />;
}
