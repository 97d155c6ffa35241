import { UnavailableSection } from '@/components/ui/unavailable-section';

export function ChannelsRoute() {
  return (
    <UnavailableSection
      title="Channels"
      description="Connect messaging platforms to your employees"
      plans="Here you will connect a Telegram bot or the website chat widget, attach each channel to an employee and see its status."
    />
  );
}
