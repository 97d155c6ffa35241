/** Who is looking: staff read chats only (times and numbers follow the profile, through useFormatters). */
export interface ChatViewer {
  isStaff: boolean;
}
