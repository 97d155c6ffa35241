/** Client-side routes. */
export const paths = {
  home: '/',
  login: '/login',
  signup: '/signup',
  employees: '/employees',
  chats: '/chats',
  channels: '/channels',
  finance: '/finance',
  support: '/support',
  settings: '/settings',
} as const;

/** Query parameter carrying the page to return to after signing in. */
export const REDIRECT_PARAM = 'next';
