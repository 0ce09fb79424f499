import type { Translation } from '../translation';

/** German: the access feature (roles). */
export const access = {
  roles: {
    title: 'Rollen',
    loading: 'Rollen werden geladen…',
    loadFailed: 'Die Rollen konnten nicht geladen werden',
    intro:
      'Legen Sie fest, was jede Rolle in dieser Organisation darf. Mitglieder erhalten die Änderung beim nächsten Seitenaufruf.',
    builtIn: 'Vordefiniert',
    notSaved: 'Die Rolle wurde nicht gespeichert',
    permissionsOf: 'Berechtigungen der Rolle {{name}}',
    notHeld: 'Diese Berechtigung haben Sie selbst nicht.',
    needsPermission: 'Zum Ändern einer Rolle ist die Berechtigung „{{permission}}“ erforderlich.',
    saved: 'Rolle gespeichert',
    savedMessage: 'Die Rolle {{name}} wurde aktualisiert.',
  },
} as const satisfies Translation;
