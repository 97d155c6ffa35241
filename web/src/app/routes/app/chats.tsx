import { useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { ChatView } from '@/features/chats/components/chat-view';
import { ChatsPage } from '@/features/chats/components/chats-page';
import { useEmployeeList } from '@/features/employees/api/employees';
import { parseId } from './parse-id';

function useViewer() {
  const { user } = useSession();
  return { isStaff: isStaffRole(user.role), locale: user.locale, timeZone: user.time_zone };
}

export function ChatsRoute() {
  const viewer = useViewer();
  const employees = useEmployeeList({ enabled: !viewer.isStaff });
  if (viewer.isStaff) {
    return (
      <Page title="Chats" description="Every conversation of your AI employees, on every channel">
        <EmptyState title="Chats open from tickets">
          <p>Customers paste a chat&apos;s link into their ticket; open it there to read the conversation.</p>
        </EmptyState>
      </Page>
    );
  }
  return <ChatsPage viewer={viewer} employees={employees.data ?? []} />;
}

/** /chats/:id — the link a customer copies into a ticket; staff read it without controls. */
export function ChatRoute() {
  const viewer = useViewer();
  const { chatId } = useParams();
  return <ChatView key={chatId} chatId={parseId(chatId)} viewer={viewer} />;
}
