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
    <Page title={t('title')} description={t('description')}>
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
        <p className={styles.note}>
          {t('laterText')}
        </p>
      </Card>
    </Page>
  );
}
