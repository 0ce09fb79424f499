import type { Translation } from '../translation';

/** French: the API Key field of My User (and of a user's page). */
export const apiKeys = {
  label: 'Clé API',
  loading: 'Chargement de la clé API…',
  none: 'N/D',
  generate: 'Générer une clé',
  revoke: 'Révoquer',
  notChanged: 'La clé API n’a pas été modifiée',
  replace: {
    title: 'Remplacer la clé API ?',
    explain:
      'La clé actuelle ({prefix}…) cesse aussitôt de fonctionner. Tout ce qui l’utilise aura besoin de la nouvelle clé.',
  },
  revokeConfirm: {
    title: 'Révoquer la clé API ?',
    explain:
      'La clé ({prefix}…) cesse aussitôt de fonctionner. Vous pouvez en générer une nouvelle à tout moment.',
  },
  summary: {
    created: 'Créée le {date}',
    lastUsed: 'Dernière utilisation le {date}',
    lastUsedFrom: 'Dernière utilisation le {date} depuis {ip}',
    neverUsed: 'Jamais utilisée',
  },
  newKey: {
    warning: 'Copiez votre nouvelle clé API maintenant : elle ne sera plus affichée.',
    label: 'Nouvelle clé API',
    copyKey: 'Copier la clé API',
    tryIt: 'Essayez-la depuis un terminal :',
    copyCurl: 'Copier la commande curl',
    done: 'Terminé',
    copied: 'Copié',
  },
} as const satisfies Translation;
