import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createAppQueryClient } from './query-client';
import { LocaleSync } from './locale-sync';
import { ThemeSync } from './theme-sync';

export function AppProvider({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createAppQueryClient());
  return (
    <QueryClientProvider client={client}>
      <ThemeSync />
      <LocaleSync />
      {children}
    </QueryClientProvider>
  );
}
