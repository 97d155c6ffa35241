import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey, rememberSession, sessionSchema, type Session } from './session';

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  company: string;
}

export async function signup(input: SignupInput): Promise<Session> {
  const body = { email: input.email, password: input.password, name: input.name, company: input.company };
  return rememberSession(await apiRequest('/auth/signup', { method: 'POST', body, schema: sessionSchema }));
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signup,
    onSuccess: (session) => queryClient.setQueryData(meQueryKey, session),
  });
}
