import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { isApiError } from '@/lib/api-client';
import { formatMoney } from '@/lib/money';
import { useTopUp } from '../api/top-up';
import { parseAmountMinor } from '../utils/amount';
import styles from './ticket-page.module.css';

/** "Top up balance" in the account panel: staff credit the account's ledger. */
export function TopUpForm({ accountId, currency }: { accountId: number; currency: string }) {
  const topUp = useTopUp();
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const amountId = useId();
  const noteId = useId();
  const serverError = topUp.error ? (isApiError(topUp.error) ? topUp.error.message : 'Could not top up.') : null;

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
          setDone(`Added ${formatMoney(entry.amount)}.`);
          setAmount('');
          setNote('');
        },
      },
    );
  };

  return (
    <form className={styles.topUp} onSubmit={submit} aria-label="Top up balance">
      <h3 className={styles.panelSubtitle}>Top up balance</h3>
      <label htmlFor={amountId}>{`Amount, ${currency}`}</label>
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
          Enter an amount from 0.01 to 10,000,000 with at most two decimals.
        </p>
      ) : null}
      <label htmlFor={noteId}>Note (optional)</label>
      <input id={noteId} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      <Button type="submit" loading={topUp.isPending}>
        Top up
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
