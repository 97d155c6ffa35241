import { UnavailableSection } from '@/components/ui/unavailable-section';

export function EmployeesRoute() {
  return (
    <UnavailableSection
      title="AI Employees"
      description="Create and manage your AI employees"
      plans="Here you will create AI employees, give them instructions and knowledge, and talk to them in a playground before connecting them to a channel."
    />
  );
}
