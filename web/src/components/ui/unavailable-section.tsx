import { EmptyState } from './empty-state';
import { useTranslation } from '@/lib/i18n';
import { Page } from './page';

export interface UnavailableSectionProps {
  title: string;
  /** What the section is for, in one line. */
  description: string;
  /** What the section will let the user do, once it exists. */
  plans: string;
}

/** A section of the product that this version does not have yet — said plainly. */
export function UnavailableSection({ title, description, plans }: UnavailableSectionProps) {
  const { t } = useTranslation();
  return (
    <Page title={title} description={description}>
      <EmptyState
        title={t('unavailable.title')}
        icon={
          <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="1.8">
            <path d="M12 7v5l3 2" strokeLinecap="round" />
            <circle cx="12" cy="12" r="9" />
          </svg>
        }
      >
        <p>{t('unavailable.text', { section: title })}</p>
        <p>{plans}</p>
      </EmptyState>
    </Page>
  );
}
