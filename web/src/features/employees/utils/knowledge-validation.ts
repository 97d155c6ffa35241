// Knowledge items and uploads, checked against the API's limits.

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

const count = (n: number) => n.toLocaleString('en');

function required(label: string, value: string, max: number): string | undefined {
  if (value.trim() === '') return `${label} cannot be empty.`;
  if (value.length > max) return `${label} can be at most ${count(max)} characters (now ${count(value.length)}).`;
  return undefined;
}

function clean<T extends object>(errors: T): T {
  for (const key of Object.keys(errors) as (keyof T)[]) if (errors[key] === undefined) delete errors[key];
  return errors;
}

export function validateQa(values: QaValues): Partial<Record<keyof QaValues, string>> {
  return clean({
    question: required('The question', values.question.trim(), KNOWLEDGE_LIMITS.question),
    answer: required('The answer', values.answer.trim(), KNOWLEDGE_LIMITS.answer),
  });
}

export function validateDocument(values: DocumentValues): Partial<Record<keyof DocumentValues, string>> {
  return clean({
    title: required('The title', values.title.trim(), KNOWLEDGE_LIMITS.title),
    text: required('The text', values.text, KNOWLEDGE_LIMITS.text),
  });
}

/** The Content-Type to upload a knowledge file with, or why it cannot be uploaded. */
export function uploadProblem(file: { name: string; size: number }): string | null {
  if (!/\.(txt|md|markdown)$/i.test(file.name)) return `${file.name}: only .txt and .md files can be uploaded.`;
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > KNOWLEDGE_LIMITS.uploadBytes) return `${file.name} is larger than 1 MiB.`;
  return null;
}

export function uploadContentType(filename: string): string {
  return /\.(md|markdown)$/i.test(filename) ? 'text/markdown' : 'text/plain';
}
