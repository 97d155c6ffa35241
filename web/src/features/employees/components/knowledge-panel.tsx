import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { QueryError } from '@/components/ui/query-error';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
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
  const knowledge = useKnowledge(employeeId);
  const [mode, setMode] = useState<Mode>('qa');
  const items = knowledge.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-label="Knowledge" className={styles.panel}>
      <p className={styles.muted}>
        The employee answers from these. Each client message retrieves the best-matching pairs and passages; the
        playground shows which ones it used.
      </p>
      <div className={styles.segmented} role="radiogroup" aria-label="Kind of knowledge to add">
        {(['qa', 'document'] as const).map((value) => (
          <label key={value} className={styles.segment} data-checked={mode === value}>
            <input
              type="radio"
              name={`knowledge-kind-${employeeId}`}
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {value === 'qa' ? 'Q&A pair' : 'Document'}
          </label>
        ))}
      </div>
      {mode === 'qa' ? <QaForm employeeId={employeeId} /> : <DocumentForm employeeId={employeeId} />}
      <UploadField employeeId={employeeId} />

      <h2 className={styles.sectionTitle}>{`Knowledge base (${items.length}${knowledge.hasNextPage ? '+' : ''})`}</h2>
      {knowledge.isPending ? (
        <p role="status" className={styles.muted}>
          Loading knowledge…
        </p>
      ) : knowledge.isError ? (
        <QueryError title="Could not load the knowledge" error={knowledge.error} onRetry={() => void knowledge.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.muted}>Nothing yet. Without knowledge, the employee passes every question to a person.</p>
      ) : (
        <ul className={styles.knowledgeList} aria-label="Knowledge items">
          {items.map((item) => (
            <KnowledgeRow key={item.id} employeeId={employeeId} item={item} />
          ))}
        </ul>
      )}
      {knowledge.hasNextPage ? (
        <Button variant="secondary" loading={knowledge.isFetchingNextPage} onClick={() => void knowledge.fetchNextPage()}>
          Show more
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
  return (
    <div className={styles.formActions}>
      <Button type="submit" loading={saving}>
        {label}
      </Button>
      {onCancel ? (
        <Button variant="ghost" onClick={onCancel}>
          Cancel
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
    <form className={styles.form} onSubmit={submit} aria-label={item ? 'Edit Q&A pair' : 'Add a Q&A pair'} noValidate>
      <FormAlert message={mutation.isError ? `Not saved: ${mutation.error.message}` : null} />
      <TextField label="Question" value={question} onChange={(e) => setQuestion(e.target.value)} error={errors.question} />
      <TextAreaField label="Answer" value={answer} onChange={(e) => setAnswer(e.target.value)} error={errors.answer} rows={3} />
      <FormActions saving={mutation.isPending} label={item ? 'Save' : 'Add Q&A pair'} onCancel={onDone} />
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
    <form className={styles.form} onSubmit={submit} aria-label={item ? 'Edit document' : 'Add a document'} noValidate>
      <FormAlert message={mutation.isError ? `Not saved: ${mutation.error.message}` : null} />
      <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <TextAreaField
        label="Text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={errors.text}
        hint="Paste the text: rules, prices, opening hours…"
        rows={6}
      />
      <FormActions saving={mutation.isPending} label={item ? 'Save' : 'Add document'} onCancel={onDone} />
    </form>
  );
}

function UploadField({ employeeId }: { employeeId: number }) {
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
        setError(`${file.name}: ${failure instanceof Error ? failure.message : 'not uploaded'}`);
      }
    }
    if (added.length > 0) setMessage(`Added ${added.join(', ')}.`);
  };

  return (
    <div className={styles.upload}>
      <label htmlFor={id} className={styles.fileButton} aria-busy={upload.isPending || undefined}>
        {upload.isPending ? 'Uploading…' : 'Upload .txt or .md files'}
      </label>
      <input
        id={id}
        type="file"
        multiple
        accept=".txt,.md,.markdown,text/plain,text/markdown"
        className="visually-hidden"
        onChange={(event) => void onChange(event)}
      />
      <span className={styles.hint}>Each file becomes a document titled by its name (UTF-8, up to 1 MiB).</span>
      <span role="status" className={styles.saved}>
        {message ?? ''}
      </span>
      <FormAlert message={error} />
    </div>
  );
}

function KnowledgeRow({ employeeId, item }: { employeeId: number; item: KnowledgeItem }) {
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
        <span className={styles.kind}>{item.kind === 'qa' ? 'Q&A' : 'Document'}</span>
        <p className={styles.knowledgeHeading}>{heading}</p>
        <p className={styles.knowledgeBody}>{item.kind === 'qa' ? item.answer : item.text}</p>
      </div>
      <div className={styles.rowActions}>
        {confirming ? (
          <>
            <span className={styles.confirmText}>Delete it?</span>
            <Button
              variant="secondary"
              className={styles.danger}
              loading={remove.isPending}
              onClick={() => remove.mutate(item.id)}
              aria-label={`Yes, delete “${heading}”`}
            >
              Delete
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <>
            <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit “${heading}”`}>
              Edit
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(true)} aria-label={`Delete “${heading}”`}>
              Delete
            </Button>
          </>
        )}
        {remove.isError ? <p role="alert" className={styles.error}>{remove.error.message}</p> : null}
      </div>
    </li>
  );
}
