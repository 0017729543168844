/**
 * The console's entry: loads the user's language first (so nothing flashes in English), then
 * renders the app with its query cache.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, SignedOutError } from './api/errors.ts';
import { App } from './app.tsx';
import { loadMessages } from './i18n/catalogues.ts';
import { I18nProvider, initialLocale } from './i18n/i18n.tsx';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not mend by asking again; a network blip or a 5xx may.
      retry: (count, error) =>
        !(error instanceof SignedOutError) && !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const locale = initialLocale();
const messages = await loadMessages[locale]();
document.documentElement.lang = locale;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <I18nProvider locale={locale} messages={messages}>
          <App />
        </I18nProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
