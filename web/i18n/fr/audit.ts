import type { Translation } from '../translation';

/** French: the Audit Log page. */
export const audit = {
  title: 'Journal d’audit',
  formerMember: 'Un ancien membre',
  notAvailable: 'Non disponible pour vous',
  needsPermission: 'Consulter le journal d’audit nécessite l’autorisation « {{permission}} ».',
  filters: 'Filtrer le journal d’audit',
  action: 'Action',
  anyAction: 'Toute action',
  from: 'Du',
  clearFrom: 'Effacer la date de début',
  to: 'Au',
  clearTo: 'Effacer la date de fin',
  loadFailed: 'Le journal d’audit n’a pas pu être chargé',
  loading: 'Chargement du journal d’audit…',
  columns: {
    when: 'Date',
    action: 'Action',
    user: 'Utilisateur',
    by: 'Par',
    ip: 'Adresse IP',
    details: 'Détails',
  },
  empty: 'Aucun événement ne correspond à ces filtres.',
  total_one: '{{count}} événement',
  total_many: '{{count}} d’événements',
  total_other: '{{count}} événements',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
} as const satisfies Translation;
