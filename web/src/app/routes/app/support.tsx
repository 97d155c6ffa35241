import { UnavailableSection } from '@/components/ui/unavailable-section';
import { isStaffRole } from '@/features/auth/api/session';
import { useSession } from '@/features/auth/hooks/use-session';

export function SupportRoute() {
  const { user } = useSession();
  if (isStaffRole(user.role)) {
    return (
      <UnavailableSection
        title="Support queue"
        description="Tickets from every account, ordered by when a reply is due"
        plans="Here the support team will reply to tickets, attach files and mark them Done."
      />
    );
  }
  return (
    <UnavailableSection
      title="Support"
      description="Get help from the AI Textura support team — real people, not a bot"
      plans="Here you will create tickets, talk with the team in each ticket's chat and see when to expect a reply."
    />
  );
}
