/** The agent using the console, as the app's session tells it (times follow the profile through useFormatters). */
export interface ConsoleViewer {
  userId: number;
  name: string;
  isAdmin: boolean;
}
