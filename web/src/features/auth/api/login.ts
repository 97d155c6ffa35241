import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey, rememberSession, sessionSchema, type Session } from './session';

export interface LoginInput {
  email: string;
  password: string;
}

export async function login(input: LoginInput): Promise<Session> {
  const body = { email: input.email, password: input.password };
  return rememberSession(await apiRequest('/auth/login', { method: 'POST', body, schema: sessionSchema }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => queryClient.setQueryData(meQueryKey, session),
  });
}
