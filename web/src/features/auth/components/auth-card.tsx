import type { ReactNode } from 'react';
import { LanguageSelect } from '@/components/ui/language-select';
import { Logo } from '@/components/ui/logo';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { setLanguage } from '@/lib/i18n';
import styles from './auth-card.module.css';

export interface AuthCardProps {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}

export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  useDocumentTitle(title);
  return (
    <main className={styles.screen}>
      <div className={styles.column}>
        <div className={styles.top}>
          <Logo />
          {/* Chosen before sign-in, remembered on this device; signup saves it to the profile. */}
          <LanguageSelect showLabel={false} onChange={(language) => void setLanguage(language)} />
        </div>
        <section className={styles.card} aria-labelledby="auth-title">
          <div className={styles.head}>
            <h1 id="auth-title" className={styles.title}>
              {title}
            </h1>
            <p className={styles.subtitle}>{subtitle}</p>
          </div>
          {children}
        </section>
        <p className={styles.footer}>{footer}</p>
      </div>
    </main>
  );
}
