import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, isApiError } from '@/lib/api-client';

const employeeSchema = z.object({ id: z.number().int(), name: z.string() });
export type EmployeeOption = z.infer<typeof employeeSchema>;

const employeesSchema = z.object({ items: z.array(employeeSchema) });

/** The account's AI employees; none while the server has no employees API (404). */
export async function getEmployees(signal?: AbortSignal): Promise<EmployeeOption[]> {
  try {
    const { items } = await apiRequest('/employees?limit=100', { schema: employeesSchema, signal });
    return items;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return [];
    throw error;
  }
}

export function useEmployees({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: ['employees', 'options'], queryFn: ({ signal }) => getEmployees(signal), enabled });
}
