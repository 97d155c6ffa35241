import { UnavailableSection } from '@/components/ui/unavailable-section';

export function FinanceRoute() {
  return (
    <UnavailableSection
      title="Finance"
      description="Monitor word usage and spending"
      plans="Here you will see your balance, what each AI reply cost (metered in words), and usage by day and by employee."
    />
  );
}
