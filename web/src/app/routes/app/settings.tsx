import { Card } from '@/components/ui/card';
import { Page } from '@/components/ui/page';
import { ProfileDetails } from '@/features/auth/components/profile-details';
import { useSession } from '@/features/auth/hooks/use-session';
import { useTranslation } from '@/lib/i18n';
import { LanguageSettings } from './language-settings';
import { ThemeSettings } from './theme-settings';
import styles from './settings.module.css';

export function SettingsRoute() {
  const { user, account } = useSession();
  const { t } = useTranslation('settings');
  return (
    <Page title="Account Settings" description="Theme, security, integrations, and personal data">
      <Card title="Profile">
        <ProfileDetails user={user} account={account} />
      </Card>
      <Card title="Appearance" description="System follows your device's light or dark setting.">
        <ThemeSettings />
      </Card>
      <Card title={t('languageTitle')} description={t('languageDescription')}>
        <LanguageSettings />
      </Card>
      <Card title="Security, integrations and personal data">
        <p className={styles.note}>
          Not available yet: changing your password, two-factor sign-in, active sessions, API keys,
          webhooks, time zone and data export will appear here in a later version.
        </p>
      </Card>
    </Page>
  );
}
