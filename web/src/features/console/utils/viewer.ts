/** The agent using the console, as the app's session tells it. */
export interface ConsoleViewer {
  userId: number;
  name: string;
  isAdmin: boolean;
  /** IANA zone from the agent's profile; every time is shown in it. */
  timeZone: string;
}
