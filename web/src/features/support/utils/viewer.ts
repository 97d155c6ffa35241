/** Who is looking at Support, as the app's session tells it. */
export interface SupportViewer {
  /** Staff and admins: the support team. */
  isStaff: boolean;
  /** IANA zone from the user's profile; every time is shown in it. */
  timeZone: string;
}
