import { tasks } from '../en/tasks';
import { addNamespace } from '../index';

/**
 * The `tasks` catalog namespace, added when the first module that needs it loads (each of them
 * imports this module): only lazily loaded pages and dialogs use it, so its strings stay out of
 * the first pages' JavaScript (scripts/bundle-size.ts). Typed in web/i18n/i18next.d.ts; its translation in the interface language loads with it.
 */
addNamespace('tasks', tasks);
