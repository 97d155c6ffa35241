import { useParams } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { Page } from '@/components/ui/page';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';
import { ChatView } from '@/features/chats/components/chat-view';
import { ChatsPage } from '@/features/chats/components/chats-page';
import { useEmployeeList } from '@/features/employees/api/employees';
import { useTranslation } from '@/lib/i18n';
import { parseId } from './parse-id';

function useViewer() {
  const { user } = useSession();
  return { isStaff: isStaffRole(user.role) };
}

export function ChatsRoute() {
  const { t } = useTranslation('chats');
  const viewer = useViewer();
  const employees = useEmployeeList({ enabled: !viewer.isStaff });
  if (viewer.isStaff) {
    return (
      <Page title={t('title')} description={t('description')}>
        <EmptyState title={t('staff.title')}>
          <p>{t('staff.body')}</p>
        </EmptyState>
      </Page>
    );
  }
  return <ChatsPage employees={employees.data ?? []} />;
}

/** /chats/:id — the link a customer copies into a ticket; staff read it without controls. */
export function ChatRoute() {
  const viewer = useViewer();
  const { chatId } = useParams();
  return <ChatView key={chatId} chatId={parseId(chatId)} viewer={viewer} />;
}
