import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import { useBalance } from '../api/get-balance';
import styles from './balance-widget.module.css';

export interface BalanceWidgetProps {
  /** 'full' adds this month's words and spending. */
  variant?: 'compact' | 'full';
}

/** The account's balance, from its ledger; it moves as replies are charged. */
export function BalanceWidget({ variant = 'compact' }: BalanceWidgetProps) {
  const { t } = useTranslation('billing');
  const fmt = useFormatters();
  const balance = useBalance();
  if (balance.isPending) {
    return (
      <p className={styles.balance} role="status" aria-label={t('balance')}>
        <span className={styles.label}>{t('balance')}</span>
        <span className={styles.amount}>…</span>
      </p>
    );
  }
  if (balance.isError) {
    return (
      <p className={styles.balance} aria-label={t('balance')}>
        <span className={styles.label}>{t('balance')}</span>
        <span className={styles.unknown}>{t('unavailable')}</span>
      </p>
    );
  }
  const { balance: money, words_this_month, spent_this_month } = balance.data;
  const empty = money.amount_minor <= 0;
  return (
    <div className={styles.wrap} data-variant={variant}>
      <p className={styles.balance} data-empty={empty} role="status" aria-label={t('balance')} aria-live="polite">
        <span className={styles.label}>{t('balance')}</span>
        <span className={styles.amount} data-testid="balance-amount">
          {fmt.money(money)}
        </span>
      </p>
      {variant === 'full' ? (
        <p className={styles.month}>
          {t('thisMonth', { words: fmt.words(words_this_month), spent: fmt.money(spent_this_month) })}
        </p>
      ) : null}
      {empty ? <p className={styles.warning}>{t('zero')}</p> : null}
    </div>
  );
}
