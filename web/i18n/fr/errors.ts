import type { Translation } from '../translation';

/** French: API errors by their code. */
export const errors = {
  network_error: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  internal_error: 'Une erreur s’est produite de notre côté. Réessayez dans un instant.',
  forbidden: 'Vous n’avez pas l’autorisation de faire cela.',
  not_found: 'Cet enregistrement n’existe pas ou a été supprimé.',
  rate_limited: 'Trop de tentatives. Patientez un instant et réessayez.',
} as const satisfies Translation;
