import { Trans, useTranslation } from '@/lib/i18n';
import styles from './support-help.module.css';

const strong = { strong: <strong /> };

/** The help page's advice for a good ticket, with its example. */
export function TicketTips({ headingLevel = 2, headingId }: { headingLevel?: 2 | 3; headingId?: string }) {
  const { t } = useTranslation('support');
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const label = { label: <span className={styles.exampleLabel} /> };
  return (
    <>
      <Heading id={headingId} className={styles.heading}>
        {t('tips.heading')}
      </Heading>
      <ul className={styles.tips}>
        {(['one', 'details', 'files', 'answer'] as const).map((tip) => (
          <li key={tip}>
            <Trans t={t} i18nKey={`tips.${tip}`} components={strong} />
          </li>
        ))}
      </ul>
      <Sub className={styles.subheading}>{t('tips.fastest')}</Sub>
      <ul className={styles.tips}>
        {(['chatLink', 'steps', 'screenshot'] as const).map((tip) => (
          <li key={tip}>
            <Trans t={t} i18nKey={`tips.${tip}`} components={strong} />
          </li>
        ))}
      </ul>
      <Sub className={styles.subheading}>{t('tips.example')}</Sub>
      <figure className={styles.example}>
        <p>
          <Trans t={t} i18nKey="tips.exampleTitle" components={label} />
        </p>
        <p>
          <Trans t={t} i18nKey="tips.exampleMessage" components={label} />
        </p>
      </figure>
    </>
  );
}
