import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProvider } from '../provider';
import { createAppQueryClient } from '../query-client';
import { routes } from '../router';

/** Renders the whole app at `path`, as the browser would, against the fake API. */
export function renderApp(path: string) {
  const queryClient = createAppQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const utils = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  const currentPath = () => `${router.state.location.pathname}${router.state.location.search}`;
  return { ...utils, router, queryClient, currentPath };
}
