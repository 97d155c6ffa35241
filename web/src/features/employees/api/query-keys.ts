/**
 * Every employee query starts with 'employees' — the Support form's employee
 * picker (['employees', 'options']) included, so a change here refreshes it too.
 */
export const employeeKeys = {
  all: ['employees'] as const,
  list: () => ['employees', 'list'] as const,
  detail: (id: number) => ['employees', 'detail', id] as const,
  knowledge: (id: number) => ['employees', 'knowledge', id] as const,
  models: () => ['models'] as const,
};
