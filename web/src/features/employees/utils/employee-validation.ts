// The employee form, checked against the same limits the API enforces, so a
// mistake is named beside its field before anything is sent.

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

const count = (n: number) => n.toLocaleString('en');

function tooLong(label: string, value: string, max: number): string | undefined {
  return value.length > max ? `${label} can be at most ${count(max)} characters (now ${count(value.length)}).` : undefined;
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
  if (name === '') errors.name = 'Give the employee a name.';
  else errors.name = tooLong('The name', name, EMPLOYEE_LIMITS.name);
  errors.role = tooLong('The role', values.role.trim(), EMPLOYEE_LIMITS.role);
  errors.instructions = tooLong('Instructions', values.instructions, EMPLOYEE_LIMITS.instructions);
  errors.greeting = tooLong('The greeting', values.greeting, EMPLOYEE_LIMITS.greeting);

  if (values.model === '') errors.model = 'Choose a model.';
  else if (modelIds.length > 0 && !modelIds.includes(values.model)) errors.model = 'This model is not offered any more.';

  const temperature = parseTemperature(values.temperature);
  if (temperature === null || temperature < EMPLOYEE_LIMITS.temperatureMin || temperature > EMPLOYEE_LIMITS.temperatureMax) {
    errors.temperature = 'Temperature is a number from 0 to 2, e.g. 0.3.';
  }

  const limit = parseWordLimit(values.replyWordLimit);
  if (
    limit === null ||
    (limit !== 0 && (limit < EMPLOYEE_LIMITS.replyWordsMin || limit > EMPLOYEE_LIMITS.replyWordsMax))
  ) {
    errors.replyWordLimit = `Use 0 for no limit, or a whole number of words from ${EMPLOYEE_LIMITS.replyWordsMin} to ${count(EMPLOYEE_LIMITS.replyWordsMax)}.`;
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
