import type { NumberLocale } from '@/lib/money';

/** Who is looking: staff read chats only; numbers and times in the user's own format. */
export interface ChatViewer {
  isStaff: boolean;
  locale: NumberLocale;
  timeZone: string;
}
