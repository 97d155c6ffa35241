import { formatMoney, formatWords, type NumberLocale } from '@/lib/money';
import { useBalance } from '../api/get-balance';
import styles from './balance-widget.module.css';

export interface BalanceWidgetProps {
  locale: NumberLocale;
  /** 'full' adds this month's words and spending. */
  variant?: 'compact' | 'full';
}

/** The account's balance, from its ledger; it moves as replies are charged. */
export function BalanceWidget({ locale, variant = 'compact' }: BalanceWidgetProps) {
  const balance = useBalance();
  if (balance.isPending) {
    return (
      <p className={styles.balance} role="status" aria-label="Balance">
        <span className={styles.label}>Balance</span>
        <span className={styles.amount}>…</span>
      </p>
    );
  }
  if (balance.isError) {
    return (
      <p className={styles.balance} aria-label="Balance">
        <span className={styles.label}>Balance</span>
        <span className={styles.unknown}>unavailable</span>
      </p>
    );
  }
  const { balance: money, words_this_month, spent_this_month } = balance.data;
  const empty = money.amount_minor <= 0;
  return (
    <div className={styles.wrap} data-variant={variant}>
      <p className={styles.balance} data-empty={empty} role="status" aria-label="Balance" aria-live="polite">
        <span className={styles.label}>Balance</span>
        <span className={styles.amount} data-testid="balance-amount">
          {formatMoney(money, locale)}
        </span>
      </p>
      {variant === 'full' ? (
        <p className={styles.month}>
          {`This month: ${formatWords(words_this_month, locale)}, ${formatMoney(spent_this_month, locale)}`}
        </p>
      ) : null}
      {empty ? <p className={styles.warning}>AI employees stop replying at zero balance.</p> : null}
    </div>
  );
}
