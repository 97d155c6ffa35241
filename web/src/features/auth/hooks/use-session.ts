import { useMe } from '../api/get-me';
import type { Session } from '../api/session';

/**
 * The signed-in session, for components rendered inside `RequireAuth`
 * (which only renders its children once the session is known).
 */
export function useSession(): Session {
  const { data } = useMe();
  if (!data) throw new Error('useSession must be used inside RequireAuth');
  return data;
}
