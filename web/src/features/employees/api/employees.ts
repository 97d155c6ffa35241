// Reading and changing AI employees.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { EmployeeInput } from '../utils/employee-validation';
import {
  employeeEnvelopeSchema,
  employeeListSchema,
  modelListSchema,
  type Employee,
  type EmployeeStatus,
} from './employee-schemas';
import { employeeKeys } from './query-keys';

export function useEmployeeList({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: employeeKeys.list(),
    queryFn: async ({ signal }) => (await apiRequest('/employees?limit=100', { schema: employeeListSchema, signal })).items,
    // Words used this month change with every reply: fresh each time the list is shown.
    staleTime: 0,
    enabled,
  });
}

export function useEmployee(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: employeeKeys.detail(id),
    queryFn: async ({ signal }) => (await apiRequest(`/employees/${id}`, { schema: employeeEnvelopeSchema, signal })).employee,
    enabled,
  });
}

export function useModels() {
  return useQuery({
    queryKey: employeeKeys.models(),
    queryFn: async ({ signal }) => (await apiRequest('/models', { schema: modelListSchema, signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateEmployee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: EmployeeInput): Promise<Employee> =>
      (await apiRequest('/employees', { method: 'POST', body: input, schema: employeeEnvelopeSchema })).employee,
    onSuccess: (employee) => {
      queryClient.setQueryData(employeeKeys.detail(employee.id), employee);
      void queryClient.invalidateQueries({ queryKey: employeeKeys.all });
    },
  });
}

export type EmployeePatch = Partial<EmployeeInput> & { status?: EmployeeStatus; avatar_attachment_id?: number };

export function useUpdateEmployee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, patch }: { id: number; patch: EmployeePatch }): Promise<Employee> =>
      (await apiRequest(`/employees/${id}`, { method: 'PATCH', body: patch, schema: employeeEnvelopeSchema })).employee,
    onSuccess: (employee) => {
      queryClient.setQueryData(employeeKeys.detail(employee.id), employee);
      void queryClient.invalidateQueries({ queryKey: employeeKeys.list() });
      void queryClient.invalidateQueries({ queryKey: ['employees', 'options'] });
    },
  });
}

export function useDeleteEmployee() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiRequest<void>(`/employees/${id}`, { method: 'DELETE' }),
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: employeeKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: employeeKeys.all });
    },
  });
}
