import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { switchLanguage } from './i18n/index';
import { deviceLanguage } from './i18n/languages';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const render = (element: HTMLElement) =>
  createRoot(element).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The first page speaks the device's language (its last choice, else the browser's) from its
// first paint; English is bundled, another language's start-up words take one small request.
void switchLanguage(deviceLanguage()).finally(() => {
  render(root);
  // What the app says for API errors, after the first paint (until then: the server's words).
  void import('./i18n/lazy/errors');
});
