// Knowledge items and uploads, checked against the API's limits.
import { i18n } from '@/lib/i18n';

export const KNOWLEDGE_LIMITS = {
  question: 1_000,
  answer: 10_000,
  title: 200,
  text: 200_000,
  uploadBytes: 1024 * 1024,
} as const;

export interface QaValues {
  question: string;
  answer: string;
}

export interface DocumentValues {
  title: string;
  text: string;
}

const t = () => i18n.getFixedT(null, 'employees');

type EmptyKey = 'questionRequired' | 'answerRequired' | 'titleRequired' | 'textRequired';

function required(empty: EmptyKey, value: string, max: number): string | undefined {
  if (value.trim() === '') return t()(`validation.${empty}`);
  if (value.length > max) return t()('validation.tooLong', { count: max, length: value.length });
  return undefined;
}

function clean<T extends object>(errors: T): T {
  for (const key of Object.keys(errors) as (keyof T)[]) if (errors[key] === undefined) delete errors[key];
  return errors;
}

export function validateQa(values: QaValues): Partial<Record<keyof QaValues, string>> {
  return clean({
    question: required('questionRequired', values.question.trim(), KNOWLEDGE_LIMITS.question),
    answer: required('answerRequired', values.answer.trim(), KNOWLEDGE_LIMITS.answer),
  });
}

export function validateDocument(values: DocumentValues): Partial<Record<keyof DocumentValues, string>> {
  return clean({
    title: required('titleRequired', values.title.trim(), KNOWLEDGE_LIMITS.title),
    text: required('textRequired', values.text, KNOWLEDGE_LIMITS.text),
  });
}

/** The Content-Type to upload a knowledge file with, or why it cannot be uploaded. */
export function uploadProblem(file: { name: string; size: number }): string | null {
  const name = file.name;
  if (!/\.(txt|md|markdown)$/i.test(name)) return t()('validation.uploadType', { name });
  if (file.size === 0) return t()('validation.uploadEmpty', { name });
  if (file.size > KNOWLEDGE_LIMITS.uploadBytes) return t()('validation.uploadTooLarge', { name });
  return null;
}

export function uploadContentType(filename: string): string {
  return /\.(md|markdown)$/i.test(filename) ? 'text/markdown' : 'text/plain';
}
