// The support administration API (docs/support-admin.md): SLA settings, the
// calendar, reports, staff and the audit log. Responses are validated with zod.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

const targetSchema = z.object({ minutes: z.number().int(), clock: z.enum(['calendar', 'business']) });
export const slaSettingsSchema = z.object({
  time_zone: z.string(),
  business_hours: z.array(z.object({ weekday: z.number().int(), start: z.string(), end: z.string() })),
  targets: z.object({ critical: targetSchema, question: targetSchema, feature_request: targetSchema }),
  warning_minutes: z.number().int(),
});
export type SlaSettings = z.infer<typeof slaSettingsSchema>;
export type RequestTypeKey = keyof SlaSettings['targets'];

const calendarDaySchema = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday', 'default']),
  note: z.string(),
  source: z.enum(['built_in', 'override', 'none']),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;
const calendarYearSchema = z.object({ year: z.number().int(), days: z.array(calendarDaySchema) });

const durationSchema = z.object({
  count: z.number().int(),
  median_seconds: z.number().int().nullable(),
  average_seconds: z.number().int().nullable(),
});
const reportRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  tickets: z.number().int(),
  first_response: durationSchema,
  resolution: durationSchema,
  sla: z.object({ measured: z.number().int(), met: z.number().int(), share: z.number().nullable() }),
});
export type ReportRow = z.infer<typeof reportRowSchema>;
const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  group_by: z.enum(['category', 'agent', 'week']),
  rows: z.array(reportRowSchema),
  total: reportRowSchema,
});
export type ReportGroup = z.infer<typeof reportSchema>['group_by'];

const staffUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['staff', 'admin']),
  active: z.boolean(),
  created_at: z.string(),
  last_login_at: z.string().nullable(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;
const staffEnvelope = z.object({ user: staffUserSchema });

const auditEntrySchema = z.object({
  id: z.number().int(),
  actor: z.object({ id: z.number().int(), name: z.string() }),
  action: z.string(),
  ticket_id: z.number().int().nullable(),
  account_id: z.number().int().nullable(),
  target_user_id: z.number().int().nullable(),
  chat_id: z.number().int().nullable(),
  details: z.record(z.string(), z.string()),
  created_at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
const auditPageSchema = z.object({ items: z.array(auditEntrySchema), next_cursor: z.string().nullable() });

const keys = {
  settings: ['support-admin', 'sla-settings'] as const,
  calendar: (year: number) => ['support-admin', 'calendar', year] as const,
  report: (from: string, to: string, group: ReportGroup) => ['support-admin', 'report', from, to, group] as const,
  staff: ['support-admin', 'staff'] as const,
  audit: (filters: AuditFilters) => ['support-admin', 'audit', filters] as const,
};

export function useSlaSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => apiRequest('/support/sla-settings', { schema: slaSettingsSchema }) });
}

export function useSaveSlaSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: SlaSettings) =>
      apiRequest('/support/sla-settings', { method: 'PUT', body: settings, schema: slaSettingsSchema }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: ['tickets'] });
    },
  });
}

export function useCalendar(year: number) {
  return useQuery({
    queryKey: keys.calendar(year),
    queryFn: () => apiRequest(`/support/calendar?year=${year}`, { schema: calendarYearSchema }),
  });
}

export function useSetCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, note }: { date: string; kind: CalendarDay['kind']; note: string }) =>
      apiRequest(`/support/calendar/${encodeURIComponent(date)}`, {
        method: 'PUT',
        body: note ? { kind, note } : { kind },
        schema: calendarDaySchema,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['support-admin', 'calendar'] }),
  });
}

export function useReport(from: string, to: string, group: ReportGroup) {
  return useQuery({
    queryKey: keys.report(from, to, group),
    queryFn: () =>
      apiRequest(`/support/reports?${new URLSearchParams({ from, to, group_by: group }).toString()}`, {
        schema: reportSchema,
      }),
  });
}

export function useStaff() {
  return useQuery({
    queryKey: keys.staff,
    queryFn: () => apiRequest('/admin/staff', { schema: z.object({ items: z.array(staffUserSchema) }) }),
  });
}

export interface NewStaff {
  email: string;
  name: string;
  password: string;
  role: 'staff' | 'admin';
}

export function useCreateStaff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewStaff) => apiRequest('/admin/staff', { method: 'POST', body: input, schema: staffEnvelope }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['support-admin'] }),
  });
}

export function useSetStaffActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) =>
      apiRequest(`/admin/staff/${id}/${active ? 'activate' : 'deactivate'}`, { method: 'POST', schema: staffEnvelope }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['support-admin'] }),
  });
}

export interface AuditFilters {
  action: string;
  actorId: string;
  ticketId: string;
}

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: keys.audit(filters),
    queryFn: () => {
      const params = new URLSearchParams({ limit: '100' });
      if (filters.action) params.set('action', filters.action);
      if (filters.actorId) params.set('actor_id', filters.actorId);
      if (filters.ticketId) params.set('ticket_id', filters.ticketId);
      return apiRequest(`/admin/audit-log?${params.toString()}`, { schema: auditPageSchema });
    },
  });
}
