import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useTranslation } from '@/lib/i18n';
import {
  useAddKnowledge,
  useDeleteKnowledge,
  useEditKnowledge,
  useKnowledge,
  useUploadKnowledge,
  type KnowledgeInput,
} from '../api/knowledge';
import type { KnowledgeItem } from '../api/employee-schemas';
import { uploadProblem, validateDocument, validateQa } from '../utils/knowledge-validation';
import styles from './employees.module.css';

type Mode = 'qa' | 'document';

/** What the employee knows: Q&A pairs and documents, pasted or uploaded. */
export function KnowledgePanel({ employeeId }: { employeeId: number }) {
  const { t } = useTranslation('employees');
  const knowledge = useKnowledge(employeeId);
  const [mode, setMode] = useState<Mode>('qa');
  const items = knowledge.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-label={t('knowledge.label')} className={styles.panel}>
      <p className={styles.muted}>{t('knowledge.intro')}</p>
      <div className={styles.segmented} role="radiogroup" aria-label={t('knowledge.kindLabel')}>
        {(['qa', 'document'] as const).map((value) => (
          <label key={value} className={styles.segment} data-checked={mode === value}>
            <input
              type="radio"
              name={`knowledge-kind-${employeeId}`}
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {value === 'qa' ? t('knowledge.kindQa') : t('knowledge.kindDocument')}
          </label>
        ))}
      </div>
      {mode === 'qa' ? <QaForm employeeId={employeeId} /> : <DocumentForm employeeId={employeeId} />}
      <UploadField employeeId={employeeId} />

      <h2 className={styles.sectionTitle}>{t(knowledge.hasNextPage ? 'knowledge.headingMore' : 'knowledge.heading', { count: items.length })}</h2>
      {knowledge.isPending ? (
        <p role="status" className={styles.muted}>
          {t('knowledge.loading')}
        </p>
      ) : knowledge.isError ? (
        <QueryError title={t('knowledge.loadFailed')} error={knowledge.error} onRetry={() => void knowledge.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.muted}>{t('knowledge.empty')}</p>
      ) : (
        <ul className={styles.knowledgeList} aria-label={t('knowledge.itemsLabel')}>
          {items.map((item) => (
            <KnowledgeRow key={item.id} employeeId={employeeId} item={item} />
          ))}
        </ul>
      )}
      {knowledge.hasNextPage ? (
        <Button variant="secondary" loading={knowledge.isFetchingNextPage} onClick={() => void knowledge.fetchNextPage()}>
          {t('knowledge.showMore')}
        </Button>
      ) : null}
    </section>
  );
}

/** Adds a new item, or saves `item` when editing: the two knowledge forms share it. */
function useSaveKnowledge(employeeId: number, item?: KnowledgeItem) {
  const add = useAddKnowledge(employeeId);
  const edit = useEditKnowledge(employeeId);
  const save = (body: KnowledgeInput, onSuccess: () => void) => {
    if (item) edit.mutate({ id: item.id, patch: body }, { onSuccess });
    else add.mutate(body, { onSuccess });
  };
  return { mutation: item ? edit : add, save };
}

function FormActions({ saving, label, onCancel }: { saving: boolean; label: string; onCancel?: () => void }) {
  const { t } = useTranslation(['employees', 'common']);
  return (
    <div className={styles.formActions}>
      <Button type="submit" loading={saving}>
        {label}
      </Button>
      {onCancel ? (
        <Button variant="ghost" onClick={onCancel}>
          {t('common:action.cancel')}
        </Button>
      ) : null}
    </div>
  );
}

function QaForm({
  employeeId,
  item,
  onDone,
}: {
  employeeId: number;
  item?: KnowledgeItem;
  onDone?: () => void;
}) {
  const { t } = useTranslation(['employees', 'common']);
  const { mutation, save } = useSaveKnowledge(employeeId, item);
  const [question, setQuestion] = useState(item?.question ?? '');
  const [answer, setAnswer] = useState(item?.answer ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof validateQa>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateQa({ question, answer });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save({ kind: 'qa', question: question.trim(), answer: answer.trim() }, () => {
      setQuestion('');
      setAnswer('');
      onDone?.();
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={item ? t('knowledge.editQa') : t('knowledge.addQa')} noValidate>
      <FormAlert message={mutation.isError ? t('knowledge.notSaved', { message: mutation.error.message }) : null} />
      <TextField label={t('knowledge.question')} value={question} onChange={(e) => setQuestion(e.target.value)} error={errors.question} />
      <TextAreaField label={t('knowledge.answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} error={errors.answer} rows={3} />
      <FormActions
        saving={mutation.isPending}
        label={item ? t('common:action.save') : t('knowledge.addQaSubmit')}
        onCancel={onDone}
      />
    </form>
  );
}

function DocumentForm({
  employeeId,
  item,
  onDone,
}: {
  employeeId: number;
  item?: KnowledgeItem;
  onDone?: () => void;
}) {
  const { t } = useTranslation(['employees', 'common']);
  const { mutation, save } = useSaveKnowledge(employeeId, item);
  const [title, setTitle] = useState(item?.title ?? '');
  const [text, setText] = useState(item?.text ?? '');
  const [errors, setErrors] = useState<ReturnType<typeof validateDocument>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDocument({ title, text });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save({ kind: 'document', title: title.trim(), text }, () => {
      setTitle('');
      setText('');
      onDone?.();
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={item ? t('knowledge.editDocument') : t('knowledge.addDocument')} noValidate>
      <FormAlert message={mutation.isError ? t('knowledge.notSaved', { message: mutation.error.message }) : null} />
      <TextField label={t('knowledge.title')} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <TextAreaField
        label={t('knowledge.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.text}
        hint={t('knowledge.textHint')}
        rows={6}
      />
      <FormActions
        saving={mutation.isPending}
        label={item ? t('common:action.save') : t('knowledge.addDocumentSubmit')}
        onCancel={onDone}
      />
    </form>
  );
}

function UploadField({ employeeId }: { employeeId: number }) {
  const { t } = useTranslation('employees');
  const id = useId();
  const upload = useUploadKnowledge(employeeId);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setError(null);
    setMessage(null);
    const added: string[] = [];
    for (const file of files) {
      const problem = uploadProblem(file);
      if (problem) {
        setError(problem);
        continue;
      }
      try {
        await upload.mutateAsync(file);
        added.push(file.name);
      } catch (failure) {
        setError(
          failure instanceof Error
            ? t('knowledge.uploadFailed', { name: file.name, message: failure.message })
            : t('knowledge.uploadFailedUnknown', { name: file.name }),
        );
      }
    }
    if (added.length > 0) setMessage(t('knowledge.added', { names: added.join(', ') }));
  };

  return (
    <div className={styles.upload}>
      <label htmlFor={id} className={styles.fileButton} aria-busy={upload.isPending || undefined}>
        {upload.isPending ? t('knowledge.uploading') : t('knowledge.upload')}
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept=".txt,.md,.markdown,text/plain,text/markdown"
        className="visually-hidden"
        onChange={(event) => void onChange(event)}
      />
      <span className={styles.hint}>{t('knowledge.uploadHint')}</span>
      <span role="status" className={styles.saved}>
        {message ?? ''}
      </span>
      <FormAlert message={error} />
    </div>
  );
}

function KnowledgeRow({ employeeId, item }: { employeeId: number; item: KnowledgeItem }) {
  const { t } = useTranslation(['employees', 'common']);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteKnowledge(employeeId);
  const heading = item.kind === 'qa' ? (item.question ?? '') : (item.title ?? '');

  if (editing) {
    return (
      <li className={styles.knowledgeItem}>
        {item.kind === 'qa' ? (
          <QaForm employeeId={employeeId} item={item} onDone={() => setEditing(false)} />
        ) : (
          <DocumentForm employeeId={employeeId} item={item} onDone={() => setEditing(false)} />
        )}
      </li>
    );
  }
  return (
    <li className={styles.knowledgeItem}>
      <div className={styles.knowledgeText}>
        <span className={styles.kind}>{item.kind === 'qa' ? t('knowledge.badgeQa') : t('knowledge.badgeDocument')}</span>
        <p className={styles.knowledgeHeading}>{heading}</p>
        <p className={styles.knowledgeBody}>{item.kind === 'qa' ? item.answer : item.text}</p>
      </div>
      <div className={styles.rowActions}>
        {confirming ? (
          <>
            <span className={styles.confirmText}>{t('knowledge.confirmDelete')}</span>
            <Button
              variant="secondary"
              className={styles.danger}
              loading={remove.isPending}
              onClick={() => remove.mutate(item.id)}
              aria-label={t('knowledge.yesDelete', { title: heading })}
            >
              {t('common:action.delete')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('knowledge.keep')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={() => setEditing(true)} aria-label={t('knowledge.editItem', { title: heading })}>
              {t('common:action.edit')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={t('knowledge.deleteItem', { title: heading })}>
              {t('common:action.delete')}
            </Button>
          </>
        )}
        {remove.isError ? <p role="alert" className={styles.error}>{remove.error.message}</p> : null}
      </div>
    </li>
  );
}
