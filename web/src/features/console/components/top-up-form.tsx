import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { useFormatters } from '@/lib/formatters';
import { useTranslation } from '@/lib/i18n';
import { useTopUp } from '../api/top-up';
import { MAX_TOP_UP_MINOR, parseAmountMinor } from '../utils/amount';
import styles from './ticket-page.module.css';

/** "Top up balance" in the account panel: staff credit the account's ledger. */
export function TopUpForm({ accountId, currency }: { accountId: number; currency: string }) {
  const { t } = useTranslation('console');
  const fmt = useFormatters();
  const topUp = useTopUp();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const amountId = useId();
  const noteId = useId();
  const serverError = topUp.error ? (isApiError(topUp.error) ? topUp.error.message : t('topUp.failed')) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const amountMinor = parseAmountMinor(amount);
    setInvalid(amountMinor === null);
    if (amountMinor === null) return;
    topUp.mutate(
      { accountId, amountMinor, note: note.trim() },
      {
        onSuccess: (entry) => {
          setDone(t('topUp.added', { amount: fmt.money(entry.amount) }));
          setAmount('');
          setNote('');
        },
      },
    );
  };

  return (
    <form className={styles.topUp} onSubmit={submit} aria-label={t('topUp.title')}>
      <h3 className={styles.panelSubtitle}>{t('topUp.title')}</h3>
      <label htmlFor={amountId}>{t('topUp.amount', { currency })}</label>
      <input
        id={amountId}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${amountId}-error` : undefined}
        required
      />
      {invalid ? (
        <p id={`${amountId}-error`} role="alert" className={styles.formError}>
          {t('topUp.invalid', {
            min: fmt.number(0.01, { minimumFractionDigits: 2 }),
            max: fmt.number(MAX_TOP_UP_MINOR / 100),
          })}
        </p>
      ) : null}
      <label htmlFor={noteId}>{t('topUp.note')}</label>
      <input id={noteId} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      <Button type="submit" loading={topUp.isPending}>
        {t('topUp.submit')}
      </Button>
      {serverError ? (
        <p role="alert" className={styles.formError}>
          {serverError}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
    </form>
  );
}
