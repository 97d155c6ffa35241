import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { currentLanguage } from '@/lib/i18n';
import { meQueryKey, rememberSession, sessionSchema, type Session } from './session';
import { updateMe } from './update-me';

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  company: string;
}

export async function signup(input: SignupInput): Promise<Session> {
  const body = { email: input.email, password: input.password, name: input.name, company: input.company };
  const session = rememberSession(await apiRequest('/auth/signup', { method: 'POST', body, schema: sessionSchema }));
  // The language chosen on the sign-up page becomes the new profile's.
  const language = currentLanguage();
  if (session.user.locale === language) return session;
  try {
    return await updateMe({ locale: language });
  } catch {
    return session; // signed up all the same; the language can be changed in Settings
  }
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signup,
    onSuccess: (session) => queryClient.setQueryData(meQueryKey, session),
  });
}
