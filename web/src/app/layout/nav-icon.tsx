import type { NavIcon as NavIconName } from './nav-items';

// 24×24 outline icons (stroke = currentColor), drawn for this app.
const PATHS: Record<NavIconName, string> = {
  employees: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0',
  chats: 'M4 5h16v11H8l-4 4V5Z',
  channels: 'M5 12h4m6 0h4M9 12a3 3 0 1 0 6 0 3 3 0 0 0-6 0M12 3v3m0 12v3',
  finance: 'M4 19V9m5.5 10V5M15 19v-7m5 7V3',
  support: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm-2.5-11.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5V14m0 3h.01',
  reports: 'M4 20h16M7 16v-5m5 5V7m5 9v-8',
  admin: 'M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6l8-3Zm-3 9l2 2 4-4',
  queue: 'M4 6h16M4 12h16M4 18h9m4-2v4m-2-2h4',
  mine: 'M12 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 9a6 6 0 0 1 12 0M18 8l1.5 1.5L22 7',
  canned: 'M5 4h10l4 4v12H5V4Zm10 0v4h4M8 12h8m-8 4h5',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2-1.2L14.5 3h-5l-.4 2.6a7.5 7.5 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2 1.2l.4 2.6h5l.4-2.6a7.5 7.5 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2Z',
};

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
