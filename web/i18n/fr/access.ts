import type { Translation } from '../translation';

/** French: the access feature (roles). */
export const access = {
  roles: {
    title: 'Rôles',
    loading: 'Chargement des rôles…',
    loadFailed: 'Les rôles n’ont pas pu être chargés',
    intro:
      'Choisissez ce que chaque rôle peut faire dans cette organisation. Les membres voient le changement à leur prochaine page.',
    builtIn: 'Prédéfini',
    notSaved: 'Le rôle n’a pas été enregistré',
    permissionsOf: 'Autorisations du rôle {{name}}',
    notHeld: 'Vous ne détenez pas vous-même cette autorisation.',
    needsPermission: 'Modifier un rôle nécessite l’autorisation « {{permission}} ».',
    saved: 'Rôle enregistré',
    savedMessage: 'Le rôle {{name}} a été mis à jour.',
  },
} as const satisfies Translation;
