import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createAppHistory } from './history';
import { LanguageDirectionProvider } from './language';
import { AppRouter } from './navigation';
import { createQueryClient } from './query-client';
import { AppRoutes } from './router';
import { createAppTheme, cssVariablesResolver } from './theme';

const queryClient = createQueryClient();
const history = createAppHistory();

/**
 * The providers, outermost first: text direction (from the interface language), theme, server state,
 * routes (each layout shows the notifications).
 */
export function App() {
  const { i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the theme reads the catalog in the current language.
  const theme = useMemo(() => createAppTheme(), [i18n.language]);
  return (
    <LanguageDirectionProvider>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <AppRouter history={history}>
            <AppRoutes />
          </AppRouter>
        </QueryClientProvider>
      </MantineProvider>
    </LanguageDirectionProvider>
  );
}
