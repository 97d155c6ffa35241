import { UnavailableSection } from '@/components/ui/unavailable-section';

export function ChatsRoute() {
  return (
    <UnavailableSection
      title="Chats"
      description="Every conversation of your AI employees, on every channel"
      plans="Here you will follow conversations live, filter them by employee, channel and date, and copy a chat's link into a support ticket."
    />
  );
}
