import type { Translation } from '../translation';

/** French: the shell's menus and the Menus page. */
export const menus = {
  shell: {
    mainNavigation: 'Principal',
    openMenu: 'Menu',
    shortcuts: 'Raccourcis',
    opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  },
  page: {
    title: 'Menus',
    intro:
      'Choisissez l’apparence de vos menus dans {{organization}}. Les changements s’appliquent aussitôt.',
    introOrganization:
      'Les menus par défaut de {{organization}} : chaque membre les voit, sous ses propres changements.',
    level: 'Menus de qui',
    mine: 'Mes menus',
    organization: 'Valeurs par défaut de l’organisation',
    menuList: 'Menus',
    treeLabel: 'Éléments de {{menu}}',
    dragHint:
      'Faites glisser un élément par sa poignée, ou utilisez Monter, Descendre, Indenter et Désindenter. Un menu a au plus trois niveaux.',
    addLink: 'Ajouter un lien',
    addDivider: 'Ajouter un séparateur',
    resetMenu: 'Réinitialiser le menu',
    resetMenuTitle: 'Réinitialiser {{menu}} ?',
    resetMenuText: 'Tous les changements et éléments personnalisés de ce menu à ce niveau sont supprimés.',
    reset: 'Réinitialiser',
    divider: 'Séparateur',
    hidden: 'Masqué',
    custom: 'Personnalisé',
    changed: 'Modifié',
    empty: 'Ce menu n’a aucun élément que vous puissiez utiliser.',
  },
  item: {
    drag: 'Faire glisser {{label}}',
    moveUp: 'Monter',
    moveDown: 'Descendre',
    indent: 'Indenter',
    outdent: 'Désindenter',
    hide: 'Masquer',
    show: 'Afficher',
    rename: 'Renommer',
    delete: 'Supprimer',
    reset: 'Réinitialiser',
    actionsOf: 'Actions pour {{label}}',
    moved: '{{label}} déplacé.',
    failed: 'Le menu n’a pas été modifié',
  },
  form: {
    addTitle: 'Ajouter un lien',
    renameTitle: 'Renommer {{label}}',
    label: 'Libellé',
    url: 'URL',
    urlHint: 'Un chemin dans Atrium (/users) ou une adresse https://.',
    parent: 'Élément parent',
    topLevel: 'Premier niveau',
    addFailed: 'Le lien n’a pas été ajouté',
    renameFailed: 'L’élément n’a pas été renommé',
    defaultLabel: 'Libellé par défaut : {{label}}',
  },
} as const satisfies Translation;
