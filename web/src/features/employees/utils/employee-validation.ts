// The employee form, checked against the same limits the API enforces, so a
// mistake is named beside its field before anything is sent.
import { i18n } from '@/lib/i18n';

export const EMPLOYEE_LIMITS = {
  name: 100,
  role: 100,
  instructions: 20_000,
  greeting: 2_000,
  temperatureMin: 0,
  temperatureMax: 2,
  replyWordsMin: 10,
  replyWordsMax: 2_000,
} as const;

export interface EmployeeFormValues {
  name: string;
  role: string;
  instructions: string;
  greeting: string;
  model: string;
  /** As typed: "0.7" or "0,7". */
  temperature: string;
  /** As typed; "0" or empty means no limit. */
  replyWordLimit: string;
}

/** The request body of POST /employees (and the editable fields of PATCH). */
export interface EmployeeInput {
  name: string;
  role: string;
  instructions: string;
  greeting: string;
  model: string;
  temperature: number;
  reply_word_limit: number;
}

export type EmployeeErrors = Partial<Record<keyof EmployeeFormValues, string>>;

export const NEW_EMPLOYEE: EmployeeFormValues = {
  name: '',
  role: '',
  instructions: '',
  greeting: '',
  model: '',
  temperature: '0.3',
  replyWordLimit: '0',
};

const t = () => i18n.getFixedT(null, 'employees');

function tooLong(value: string, max: number): string | undefined {
  return value.length > max ? t()('validation.tooLong', { count: max, length: value.length }) : undefined;
}

export function parseTemperature(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(normalized)) return null;
  return Number(normalized);
}

export function parseWordLimit(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** The errors by field, and the body to send when there are none. */
export function validateEmployee(
  values: EmployeeFormValues,
  modelIds: readonly string[],
): { errors: EmployeeErrors; input: EmployeeInput | null } {
  const errors: EmployeeErrors = {};
  const name = values.name.trim();
  if (name === '') errors.name = t()('validation.nameRequired');
  else errors.name = tooLong(name, EMPLOYEE_LIMITS.name);
  errors.role = tooLong(values.role.trim(), EMPLOYEE_LIMITS.role);
  errors.instructions = tooLong(values.instructions, EMPLOYEE_LIMITS.instructions);
  errors.greeting = tooLong(values.greeting, EMPLOYEE_LIMITS.greeting);

  if (values.model === '') errors.model = t()('validation.modelRequired');
  else if (modelIds.length > 0 && !modelIds.includes(values.model)) errors.model = t()('validation.modelGone');

  const temperature = parseTemperature(values.temperature);
  if (temperature === null || temperature < EMPLOYEE_LIMITS.temperatureMin || temperature > EMPLOYEE_LIMITS.temperatureMax) {
    errors.temperature = t()('validation.temperature', {
      min: EMPLOYEE_LIMITS.temperatureMin,
      max: EMPLOYEE_LIMITS.temperatureMax,
      example: 0.3,
    });
  }

  const limit = parseWordLimit(values.replyWordLimit);
  if (
    limit === null ||
    (limit !== 0 && (limit < EMPLOYEE_LIMITS.replyWordsMin || limit > EMPLOYEE_LIMITS.replyWordsMax))
  ) {
    errors.replyWordLimit = t()('validation.replyLimit', {
      min: EMPLOYEE_LIMITS.replyWordsMin,
      max: EMPLOYEE_LIMITS.replyWordsMax,
    });
  }

  for (const key of Object.keys(errors) as (keyof EmployeeErrors)[]) {
    if (errors[key] === undefined) delete errors[key];
  }
  if (Object.keys(errors).length > 0 || temperature === null || limit === null) return { errors, input: null };
  return {
    errors,
    input: {
      name,
      role: values.role.trim(),
      instructions: values.instructions,
      greeting: values.greeting,
      model: values.model,
      temperature,
      reply_word_limit: limit,
    },
  };
}

/** The form's values for an existing employee. */
export function valuesOf(employee: {
  name: string;
  role: string;
  instructions: string;
  greeting: string;
  model: string;
  temperature: number;
  reply_word_limit: number;
}): EmployeeFormValues {
  return {
    name: employee.name,
    role: employee.role,
    instructions: employee.instructions,
    greeting: employee.greeting,
    model: employee.model,
    temperature: String(employee.temperature),
    replyWordLimit: String(employee.reply_word_limit),
  };
}
