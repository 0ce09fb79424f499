import { errors } from '../en/errors';
import { addNamespace } from '../index';

/**
 * The `errors` catalog namespace (what the SPA says for each API error code), loaded by main.tsx
 * right after the first render rather than in the first download: until it arrives an error shows
 * the server's own `detail` (error-text.ts), which for these codes is the same English sentence.
 * Typed in web/i18n/i18next.d.ts; its translation in the interface language loads with it.
 */
addNamespace('errors', errors);
