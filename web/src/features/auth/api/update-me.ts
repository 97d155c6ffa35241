import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { meQueryKey, rememberSession, sessionSchema, type Session, type User } from './session';

export type UpdateMeInput = Partial<Pick<User, 'name' | 'theme' | 'locale' | 'time_zone'>>;

export async function updateMe(input: UpdateMeInput): Promise<Session> {
  // The server rejects unknown fields, so copy only the documented ones.
  const body: UpdateMeInput = {};
  if (input.name !== undefined) body.name = input.name;
  if (input.theme !== undefined) body.theme = input.theme;
  if (input.locale !== undefined) body.locale = input.locale;
  if (input.time_zone !== undefined) body.time_zone = input.time_zone;
  return rememberSession(await apiRequest('/me', { method: 'PATCH', body, schema: sessionSchema }));
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (session) => queryClient.setQueryData(meQueryKey, session),
  });
}
