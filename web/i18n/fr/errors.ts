import type { Translation } from '../translation';

/** French: API errors by their code. */
export const errors = {
  network_error: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
  internal_error: 'Une erreur s’est produite de notre côté. Réessayez dans un instant.',
  forbidden: 'Vous n’avez pas l’autorisation de faire cela.',
  not_found: 'Cet enregistrement n’existe pas ou a été supprimé.',
  rate_limited: 'Trop de tentatives. Patientez un instant et réessayez.',
  http_error: 'La requête a échoué (HTTP {status}).',

  account_disabled: 'Ce compte est désactivé. Adressez-vous à un administrateur.',
  account_locked:
    'Trop d’échecs de connexion : ce compte est verrouillé pour un moment. Réessayez plus tard ou réinitialisez votre mot de passe.',
  api_key_not_found: 'Cet utilisateur n’a pas de clé API dans cette organisation.',
  attendee_duplicate: 'Cet invité figure deux fois dans la liste.',
  authorization_header_invalid:
    'Envoyez une clé API sous la forme « Authorization: Bearer <clé> » : aucune autre forme de cet en-tête n’est acceptée.',
  avatar_file_missing: 'Envoyez l’image dans un champ multipart nommé « file ».',
  avatar_type_not_supported:
    'Ce fichier n’est pas une image acceptée par Atrium. Choisissez une image PNG, JPEG, WebP ou GIF.',
  avatar_unreadable:
    'L’image n’a pas pu être lue : le fichier est peut-être endommagé ou incomplet. Choisissez-en une autre.',
  cannot_disable_self: 'Vous ne pouvez pas désactiver votre propre compte.',
  cannot_dismiss_self:
    'Vous ne pouvez pas vous retirer vous-même le rôle d’administrateur de l’instance. Demandez à un autre administrateur de le faire.',
  cannot_remove_own_admin_role:
    'Vous ne pouvez pas retirer votre dernier rôle d’administrateur. Demandez à un autre administrateur de le faire.',
  client_generated_id:
    'Ce point d’accès attribue lui-même les identifiants des ressources qu’il crée : n’envoyez pas de data.id.',
  credential_in_url: 'Envoyez les clés API uniquement dans l’en-tête Authorization.',
  cross_site_request: 'Les requêtes intersites ne sont pas autorisées.',
  csrf_token_invalid: 'La requête ne contient pas d’en-tête X-CSRF-Token valide.',
  current_password_wrong: 'Le mot de passe actuel est incorrect.',
  custom_field_choices_required: 'Une liste de choix en demande au moins un.',
  custom_field_choices_unexpected: 'Seule une liste de choix peut avoir des choix.',
  email_from_not_allowed:
    'Envoyez depuis votre adresse e-mail principale ou l’une de vos adresses supplémentaires vérifiées.',
  email_not_found: 'L’e-mail auquel vous répondez est introuvable.',
  email_recipients_required: 'Ajoutez au moins un destinataire dans À, Cc ou Cci.',
  email_template_name_taken: 'Un autre modèle d’e-mail de cette organisation porte ce nom.',
  end_required:
    'Indiquez la fin lorsque vous passez d’un événement sur toute la journée à un horaire, ou inversement.',
  file_missing: 'Envoyez le fichier dans un champ multipart nommé « file ».',
  file_not_found: 'Joignez des fichiers que vous avez téléversés (POST /api/files).',
  file_type_unknown:
    'Ce type de fichier ne peut pas être joint : il est vide, c’est un programme, ou son contenu n’est pas reconnu.',
  id_mismatch: 'L’identifiant du corps ne correspond pas à la ressource de l’URL.',
  invalid_credentials: 'Le nom d’utilisateur ou le mot de passe est incorrect.',
  invalid_date: 'Ce n’est pas une date (AAAA-MM-JJ).',
  invalid_time_zone: 'Choisissez un fuseau horaire comme Europe/Berlin.',
  invalid_encoding: 'Le corps de la requête n’est pas de l’UTF-8 valide.',
  invalid_if_match:
    'L’en-tête If-Match doit être * ou l’ETag lu avec l’enregistrement, entre guillemets doubles (comme "v3").',
  invalid_link_path: 'Un lien dans un e-mail doit être un chemin d’Atrium, comme /users/me.',
  invalid_range: 'filter[start][lt] doit être postérieur à filter[start][gte].',
  last_administrator: 'L’organisation se retrouverait sans administrateur actif.',
  menu_divider_label: 'Ce séparateur n’a pas de libellé.',
  menu_divider_url: 'Un séparateur n’a pas d’URL.',
  menu_item_custom: 'Un élément personnalisé n’a pas de valeur par défaut : supprimez-le plutôt.',
  menu_item_not_found: 'Ce menu ne contient pas cet élément.',
  menu_url_not_allowed: 'Utilisez un chemin dans Atrium (commençant par /) ou une adresse https://.',
  menu_parent_descendant:
    'Un élément ne peut pas être déplacé sous lui-même ou sous l’un de ses descendants.',
  menu_parent_divider: 'Un séparateur ne peut pas contenir d’éléments.',
  menu_parent_not_found: 'Ce menu ne contient pas cet élément parent.',
  menu_url_required: 'Un lien a besoin d’une URL : un chemin dans Atrium ou une adresse https://.',
  no_organization: 'Ce compte n’appartient à aucune organisation.',
  no_session: 'Les requêtes faites avec une clé API n’ont pas de session.',
  not_a_guest: 'Vous n’êtes pas invité à cet événement.',
  not_recurring: 'Cet événement ne se répète pas : omettez occurrence.',
  occurrence_not_found: 'La série ne comporte pas cette occurrence.',
  organization_name_taken: 'Une organisation portant ce nom existe déjà.',
  organization_not_found: 'L’organisation est introuvable.',
  password_change_required: 'Vous devez changer votre mot de passe avant de continuer.',
  password_reset_required:
    'Votre mot de passe a été réinitialisé par un administrateur. Utilisez le lien de l’e-mail que nous vous avons envoyé.',
  password_unchanged: 'Le nouveau mot de passe doit être différent de l’actuel.',
  range_pagination_not_supported: 'Indiquez page[after] ou page[before], pas les deux.',
  recurrence_empty: 'La règle ne produit aucune occurrence : vérifiez ses jours et ses mois.',
  recurrence_interval_zero: 'INTERVAL doit valoir au moins 1.',
  recurrence_on_occurrence: 'Une occurrence d’une série ne peut pas se répéter elle-même.',
  reminder_needs_due_date: 'Une date d’échéance est nécessaire pour les rappels.',
  role_not_found: 'Ce rôle n’existe pas dans votre organisation.',
  send_at_past: 'Choisissez une heure dans le futur pour un envoi différé.',
  send_at_too_far: 'Un e-mail peut être programmé au plus un an à l’avance.',
  server_busy: 'Le serveur est occupé. Réessayez dans un instant.',
  session_required: 'Seule une session de navigateur peut changer d’organisation.',
  stale_record:
    'Cet utilisateur a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert. Rechargez-le pour voir les changements, puis refaites les vôtres.',
  start_required:
    'Indiquez le début lorsque vous passez d’un événement sur toute la journée à un horaire, ou inversement.',
  task_status_initial: 'Une nouvelle tâche commence au statut Ouverte.',
  template_variable_unfilled:
    "Une variable de modèle ('{{ … }}') figure encore dans le texte : remplacez-la avant l’envoi.",
  too_many_parts: 'Envoyez un seul champ multipart nommé « file ».',
  user_disabled:
    'Le mot de passe d’un utilisateur désactivé ne peut pas être réinitialisé. Activez d’abord l’utilisateur.',
  username_at_sign:
    'Le nom d’utilisateur ne peut pas contenir « @ » (on se connecte avec un nom d’utilisateur ou un e-mail).',
  username_bidi_control:
    'Le nom d’utilisateur ne peut pas contenir de caractères qui changent le sens du texte.',
  username_mixed_script:
    'Le nom d’utilisateur mélange des lettres d’écritures différentes (comme un « а » cyrillique parmi des lettres latines). Utilisez une seule écriture.',

  attachment_too_large:
    'Un fichier dépasse la taille autorisée par cette organisation pour une pièce jointe.',
  attachments_invalid: 'Joignez chaque fichier une seule fois, et pas trop de fichiers.',
  attachments_too_large: 'Les pièces jointes dépassent ensemble la taille autorisée par cette organisation.',
  avatar_too_large: 'L’image est trop volumineuse. Choisissez-en une plus petite.',
  avatar_too_many_pixels: 'L’image compte trop de pixels. Choisissez-en une plus petite.',
  birthday_out_of_range: 'Cette date de naissance est hors de la plage possible.',
  current_password_required: 'Saisissez votre mot de passe actuel.',
  custom: 'Cette valeur n’est pas valide.',
  custom_field_choice_duplicate: 'Un choix figure deux fois dans la liste.',
  custom_field_invalid: 'Cette valeur ne convient pas à ce champ.',
  custom_field_limit: 'Cette organisation a atteint le nombre maximal de champs personnalisés.',
  custom_field_name_taken: 'Un champ personnalisé porte déjà ce nom.',
  custom_field_required: 'Ce champ est obligatoire.',
  custom_field_unknown: 'Ce champ personnalisé n’existe pas dans cette organisation.',
  date_out_of_range: 'Cette date est hors de la plage possible.',
  due_date_in_past: 'La date d’échéance ne doit pas être dans le passé.',
  email_duplicate: 'Cette adresse figure deux fois dans la liste.',
  email_not_cancellable: 'Cet e-mail ne peut plus être annulé.',
  email_taken: 'Cette adresse e-mail appartient déjà à un autre utilisateur.',
  email_templates_limit:
    'Cette organisation a atteint le nombre maximal de modèles d’e-mail. Supprimez-en un d’abord.',
  end_before_start: 'La fin doit être postérieure au début.',
  header_injection:
    'Une adresse ou un objet ne doit pas contenir de saut de ligne ni d’autres caractères de contrôle.',
  instance_permission:
    'Cette autorisation est réservée aux administrateurs de l’instance : aucun rôle d’une organisation ne l’accorde.',
  invalid_cursor: 'Le curseur n’appartient pas à cette liste.',
  invalid_date_time: 'Cette date ou cette heure n’est pas valide.',
  invalid_email_address: 'Cette adresse e-mail ne peut pas recevoir de messages.',
  invalid_filter_value: 'Un filtre a une valeur qu’il n’accepte pas.',
  invalid_page_number: 'Le numéro de page est hors limites.',
  invalid_page_size: 'La taille de page est hors limites.',
  invalid_parameter: 'Un paramètre de requête a une valeur qu’il n’accepte pas.',
  invalid_sort: 'Cette liste ne peut pas être triée de cette façon.',
  invalid_text: 'La requête contient du texte non autorisé.',
  invalid_token: 'Ce lien n’est pas valide, a déjà été utilisé ou a expiré.',
  mail_not_failed: 'Seul un message en échec peut être renvoyé.',
  malformed_multipart: 'Le fichier téléversé n’a pas pu être lu.',
  malformed_url: 'L’URL n’est pas valide.',
  menu_item_not_deletable: 'Cet élément de menu ne peut pas être supprimé.',
  menu_label_required: 'Un élément de menu a besoin d’un libellé.',
  menu_not_found: 'Ce menu n’existe pas.',
  menu_position_out_of_range: 'La position est hors limites ici.',
  menu_too_deep: 'Un menu ne peut pas avoir autant de niveaux.',
  method_not_allowed: 'Cette action n’est pas autorisée ici.',
  multipart_required: 'Envoyez le fichier en tant que téléversement.',
  nesting_too_deep: 'La requête est trop profondément imbriquée.',
  not_acceptable: 'Le serveur ne peut pas répondre dans le format demandé par la requête.',
  not_visible: 'Cette valeur doit contenir au moins un caractère visible.',
  parameter_required: 'Un paramètre de requête est manquant.',
  password_too_long: 'Le mot de passe est trop long.',
  path_parameter_too_long: 'Un paramètre de chemin de cette URL est trop long.',
  permission_not_held:
    'Vous ne pouvez pas accorder ni retirer une autorisation que vous n’avez pas vous-même.',
  phone_invalid: 'Ce numéro de téléphone n’est pas valide.',
  range_too_long: 'La période est trop longue.',
  recurrence_invalid: 'La règle de récurrence n’est pas valide.',
  recurrence_too_frequent: 'Les événements se répètent au plus une fois par jour.',
  repeated_parameter: 'Un paramètre de requête est indiqué plusieurs fois.',
  role_exceeds_own_permissions:
    'Vous ne pouvez pas attribuer ni retirer un rôle qui accorde des autorisations que vous n’avez pas.',
  route_not_found: 'Cette adresse n’existe pas sur le serveur.',
  setting_invalid: 'La valeur de ce paramètre n’est pas valide.',
  setting_locked: 'Votre organisation ne permet pas aux utilisateurs de modifier ce paramètre.',
  setting_scope: 'Ce paramètre ne peut pas être défini à ce niveau.',
  task_status_transition: 'Une tâche ne peut pas passer à ce statut depuis son statut actuel.',
  template_syntax: 'Le modèle ne peut pas être lu.',
  template_variable_unknown: 'Le modèle utilise une variable qui n’existe pas.',
  too_many_occurrences: 'Cette période contient trop d’occurrences : demandez-en une plus courte.',
  type_mismatch: 'Le type de la requête ne correspond pas à cette adresse.',
  unauthenticated: 'Connectez-vous ou envoyez une clé API valide.',
  unknown_fieldset_field: 'Un champ demandé n’existe pas.',
  unknown_fieldset_type: 'Un ensemble de champs demandé désigne un type inconnu.',
  unknown_filter: 'Cette liste ne peut pas être filtrée de cette façon.',
  unknown_mail_template: 'Ce modèle de message n’existe pas.',
  unknown_member: 'La requête contient un membre que cette adresse n’accepte pas.',
  unknown_parameter: 'Un paramètre de requête n’est pas pris en charge ici.',
  unknown_permission: 'Une autorisation n’existe pas.',
  unknown_sort_field: 'Cette liste ne peut pas être triée selon ce champ.',
  unsupported_filter_operator: 'Un filtre utilise un opérateur non pris en charge.',
  unsupported_include: 'Une inclusion demandée n’est pas prise en charge ici.',
  empty_body: 'La requête n’a pas de corps : envoyez un document JSON:API.',
  unsupported_media_type: 'Le Content-Type de la requête n’est pas pris en charge.',
  user_not_found: 'L’utilisateur est introuvable.',
  username_taken: 'Ce nom d’utilisateur est déjà pris, ou ressemble à s’y méprendre à un nom déjà pris.',
  invalid_type: 'Cette valeur n’est pas du bon type.',
  too_small: 'Cette valeur est trop courte ou trop petite.',
  too_big: 'Cette valeur est trop longue ou trop grande.',
  invalid_format: 'Cette valeur n’est pas au format attendu.',
  invalid_value: 'Cette valeur ne fait pas partie des valeurs autorisées.',
  not_multiple_of: 'Cette valeur ne correspond pas à un pas autorisé.',
  invalid_union: 'Cette valeur ne correspond à aucune des formes autorisées.',
  invalid_key: 'Cette valeur contient une clé non autorisée.',
  invalid_element: 'Cette liste contient un élément non autorisé.',
  password_too_short: 'Le mot de passe est trop court.',
  password_lower_case: 'Le mot de passe doit contenir une lettre minuscule.',
  password_upper_case: 'Le mot de passe doit contenir une lettre majuscule.',
  password_numbers: 'Le mot de passe doit contenir un chiffre.',
  password_special_chars: 'Le mot de passe doit contenir un caractère spécial.',
  password_common_password: 'Ce mot de passe fait partie des plus courants. Choisissez-en un autre.',
  password_context_username: 'Le mot de passe ne doit pas contenir le nom d’utilisateur.',
  password_context_email: 'Le mot de passe ne doit pas contenir l’adresse e-mail.',
  password_context_organization: 'Le mot de passe ne doit pas contenir le nom de l’organisation.',
  password_context_name: 'Le mot de passe ne doit pas contenir le nom de la personne.',
  password_context_product: 'Le mot de passe ne doit pas contenir le nom du produit.',

  particulars: {
    too_small:
      '{count, plural, one {Cette valeur doit être d’au moins {minimum}.} many {Cette valeur doit être d’au moins {minimum}.} other {Cette valeur doit être d’au moins {minimum}.}}',
    too_small_string:
      '{count, plural, one {Saisissez au moins # caractère.} many {Saisissez au moins # de caractères.} other {Saisissez au moins # caractères.}}',
    too_small_array:
      '{count, plural, one {Choisissez au moins # élément.} many {Choisissez au moins # d’éléments.} other {Choisissez au moins # éléments.}}',
    too_small_number_exclusive: 'Cette valeur doit être supérieure à {minimum}.',
    too_big:
      '{count, plural, one {Cette valeur doit être d’au plus {maximum}.} many {Cette valeur doit être d’au plus {maximum}.} other {Cette valeur doit être d’au plus {maximum}.}}',
    too_big_string:
      '{count, plural, one {Saisissez au plus # caractère.} many {Saisissez au plus # de caractères.} other {Saisissez au plus # caractères.}}',
    too_big_array:
      '{count, plural, one {Choisissez au plus # élément.} many {Choisissez au plus # d’éléments.} other {Choisissez au plus # éléments.}}',
    too_big_number_exclusive: 'Cette valeur doit être inférieure à {maximum}.',
    invalid_value: 'Choisissez l’une de ces valeurs : {allowed}.',
    invalid_format: 'Cette valeur n’a pas le format attendu ({format}).',
    invalid_format_email: 'Saisissez une adresse e-mail, comme nom@example.com.',
    invalid_format_url: 'Saisissez une adresse web, comme https://example.com.',
    invalid_format_regex: 'Cette valeur n’a pas le format attendu.',
    not_multiple_of: 'Cette valeur doit être un multiple de {divisor}.',
    attachment_too_large:
      'Le fichier dépasse {maxMegabytes} Mo, la limite de cette organisation pour une pièce jointe.',
    attachments_too_large:
      'Les pièces jointes dépassent ensemble {maxMegabytes} Mo, la limite de cette organisation par e-mail.',
    avatar_too_large: 'L’image dépasse {maxMegabytes} Mo. Choisissez-en une plus petite.',
    custom_field_limit:
      '{count, plural, one {Une organisation peut avoir au plus # champ personnalisé.} many {Une organisation peut avoir au plus # de champs personnalisés.} other {Une organisation peut avoir au plus # champs personnalisés.}}',
    email_templates_limit:
      '{count, plural, one {Une organisation a au plus # modèle d’e-mail. Supprimez-en un d’abord.} many {Une organisation a au plus # de modèles d’e-mail. Supprimez-en un d’abord.} other {Une organisation a au plus # modèles d’e-mail. Supprimez-en un d’abord.}}',
    range_too_long:
      '{count, plural, one {Demandez au plus # jour à la fois.} many {Demandez au plus # de jours à la fois.} other {Demandez au plus # jours à la fois.}}',
    menu_too_deep:
      '{count, plural, one {Un menu a au plus # niveau.} many {Un menu a au plus # de niveaux.} other {Un menu a au plus # niveaux.}}',
    invalid_page_size: 'La taille de page doit être un nombre entier de {minimum} à {maximum}.',
    invalid_page_number: 'Le numéro de page doit être un nombre entier de {minimum} à {maximum}.',
    password_too_short:
      '{count, plural, one {Le mot de passe doit compter au moins # caractère (il en a {length}).} many {Le mot de passe doit compter au moins # de caractères (il en a {length}).} other {Le mot de passe doit compter au moins # caractères (il en a {length}).}}',
    password_too_long:
      '{count, plural, one {Le mot de passe doit compter au plus # caractère.} many {Le mot de passe doit compter au plus # de caractères.} other {Le mot de passe doit compter au plus # caractères.}}',
    date_out_of_range: 'Choisissez une année de {minimum} à {maximum}.',
    nesting_too_deep:
      '{count, plural, one {La requête est imbriquée sur plus de # niveau.} many {La requête est imbriquée sur plus de # niveaux.} other {La requête est imbriquée sur plus de # niveaux.}}',
    invalid_type_required: 'Cette valeur est obligatoire.',
    invalid_type_wrong_type:
      '{expected, select, string {Cette valeur doit être un texte.} number {Cette valeur doit être un nombre.} int {Cette valeur doit être un nombre entier.} boolean {Cette valeur doit être true ou false.} object {Cette valeur doit être un objet.} array {Cette valeur doit être une liste.} null {Cette valeur doit être null.} other {Cette valeur n’est pas du bon type.}}',
    custom_required: 'Cette valeur est obligatoire.',
    custom_too_short:
      '{count, plural, one {Saisissez au moins # caractère.} many {Saisissez au moins # caractères.} other {Saisissez au moins # caractères.}}',
    custom_too_long:
      '{count, plural, one {Saisissez au plus # caractère.} many {Saisissez au plus # caractères.} other {Saisissez au plus # caractères.}}',
    custom_control_characters:
      'Cette valeur ne peut pas contenir de sauts de ligne ni de caractères de contrôle.',
    custom_edge_space: 'Cette valeur ne peut pas commencer ni se terminer par une espace.',
    custom_listed_twice: 'Cette valeur figure deux fois.',
    custom_email_spaces: 'Une adresse e-mail ne peut pas contenir d’espaces ni de sauts de ligne.',
    custom_email_at_sign: 'Une adresse e-mail doit contenir exactement un « @ », comme nom@example.com.',
    custom_email_local_part_missing:
      'Une adresse e-mail doit avoir un nom avant le « @ », comme nom@example.com.',
    custom_email_local_part_too_long:
      '{count, plural, one {La partie avant le « @ » peut compter au plus # caractère.} many {La partie avant le « @ » peut compter au plus # caractères.} other {La partie avant le « @ » peut compter au plus # caractères.}}',
    custom_email_local_part_characters:
      'Cette adresse e-mail contient avant le « @ » des caractères non autorisés.',
    custom_email_domain:
      'Une adresse e-mail doit avoir un domaine valide après le « @ », comme nom@example.com.',
    invalid_parameter_page_conflict: 'Indiquez {parameter} ou page[number], pas les deux.',
    invalid_parameter_not_plain: 'Le paramètre de requête {parameter} doit être une valeur simple.',
    repeated_parameter: 'Indiquez le paramètre de requête {parameter} une seule fois.',
    parameter_required: 'Le paramètre de requête {parameter} est obligatoire.',
    unknown_parameter_not_supported: 'Le paramètre de requête {parameter} n’est pas pris en charge ici.',
    unknown_parameter_cursor_only:
      'Cette liste se pagine uniquement par curseur : {parameter} n’est pas pris en charge ici. Suivez le lien vers la page suivante.',
    unknown_member: 'La requête contient un membre que cette adresse n’accepte pas : « {member} ».',
    type_mismatch: 'Le type doit être {allowed} à cette adresse.',
    invalid_sort_syntax:
      'Triez par une liste de champs séparés par des virgules, chacun éventuellement précédé de -.',
    invalid_sort_repeated: 'Le tri mentionne « {field} » plus d’une fois.',
    invalid_sort_fixed: 'Cette liste se trie d’une seule façon : {allowed}.',
    unknown_sort_field: 'Cette liste ne peut pas être triée par « {field} ». Triez par {allowed}.',
    unknown_filter: 'Cette liste ne peut pas être filtrée par « {field} ». Filtrez par {allowed}.',
    unsupported_filter_operator:
      'Le filtre « {field} » ne prend pas en charge l’opérateur « {operator} ». Utilisez {allowed}.',
    unsupported_include: '« {include} » ne peut pas être inclus ici. Incluez {allowed}.',
    unknown_fieldset_type:
      'Les ensembles de champs ne sont pas disponibles pour le type « {type} ». Utilisez {allowed}.',
    unknown_fieldset_field: 'Le type « {type} » n’a pas de champ « {field} ». Choisissez {allowed}.',
    invalid_filter_value_boolean: '{parameter} doit valoir true ou false.',
    invalid_filter_value_required: '{parameter} doit avoir une valeur.',
    invalid_filter_value_too_many:
      '{count, plural, one {{parameter} peut lister au plus # valeur.} many {{parameter} peut lister au plus # valeurs.} other {{parameter} peut lister au plus # valeurs.}}',
    invalid_filter_value_number: '{parameter} doit être un nombre décimal, comme 42 ou -1.5.',
    invalid_filter_value_date_time:
      '{parameter} doit être une date et une heure avec un fuseau horaire, comme 2026-11-28T09:15:00Z.',
    invalid_filter_value_date: '{parameter} doit être une date (AAAA-MM-JJ).',
    invalid_filter_value_choice:
      '{parameter} doit être {allowed}, ou une liste de ces valeurs séparées par des virgules.',
    invalid_filter_value_id:
      '{parameter} doit être un identifiant, ou une liste d’identifiants séparés par des virgules.',
    invalid_filter_value_role_list:
      '{count, plural, one {{parameter} peut lister au plus # rôle (identifiants ou noms, séparés par des virgules).} many {{parameter} peut lister au plus # rôles (identifiants ou noms, séparés par des virgules).} other {{parameter} peut lister au plus # rôles (identifiants ou noms, séparés par des virgules).}}',
    invalid_filter_value_owner: '{parameter} doit être un identifiant d’utilisateur ou « me ».',
    invalid_filter_value_invitations: 'Les invitations ne sont listées que dans votre propre agenda.',
    invalid_text_nul: 'La requête contient un texte avec le caractère NUL (U+0000), qui n’est pas autorisé.',
    invalid_text_lone_surrogate: 'La requête contient un texte qui n’est pas de l’Unicode valide.',
    invalid_text_percent_encoding:
      'L’adresse contient un paramètre qui n’est pas de l’UTF-8 valide encodé en pourcentage.',
    method_not_allowed: '{method} n’est pas autorisé ici. Utilisez {allowed}.',
    route_not_found: 'Il n’y a pas d’adresse {method} {path} sur le serveur.',
    attachments_invalid:
      '{count, plural, one {Joignez chaque fichier une seule fois, et au plus # fichier.} many {Joignez chaque fichier une seule fois, et au plus # fichiers.} other {Joignez chaque fichier une seule fois, et au plus # fichiers.}}',
    avatar_too_many_pixels:
      'L’image compte plus de {maxMegapixels} mégapixels. Choisissez-en une plus petite.',
    birthday_out_of_range_future: 'La date de naissance ne peut pas être dans le futur.',
    birthday_out_of_range_too_old:
      '{count, plural, one {La date de naissance ne peut pas remonter à plus de # an.} many {La date de naissance ne peut pas remonter à plus de # ans.} other {La date de naissance ne peut pas remonter à plus de # ans.}}',
    phone_invalid_required: 'Saisissez un numéro de téléphone.',
    phone_invalid_characters:
      'Un numéro de téléphone ne peut contenir que des chiffres, des espaces, +, -, ., / et des parenthèses, ainsi qu’un poste (ext. 123).',
    phone_invalid_invalid: 'Ce n’est pas un numéro de téléphone valide.',
    phone_invalid_invalid_for_country:
      'Ce n’est pas un numéro de téléphone valide pour {country}. Commencez les numéros internationaux par + et l’indicatif du pays.',
    email_duplicate_primary: 'Cette adresse est déjà l’adresse e-mail principale.',
    email_duplicate_listed_twice: 'Cette adresse figure deux fois.',
    email_duplicate_additional:
      'Cette adresse figure déjà parmi les adresses e-mail supplémentaires : retirez-la d’abord de là.',
    role_exceeds_own_permissions:
      'Vous ne pouvez ni attribuer ni retirer le rôle « {role} » : il accorde des autorisations que vous n’avez pas.',
    unknown_permission: '« {permission} » n’est pas une autorisation.',
    instance_permission:
      '« {permission} » appartient aux administrateurs de l’instance : aucun rôle au sein d’une organisation ne l’accorde.',
    permission_not_held:
      'Vous ne pouvez ni accorder ni retirer « {permission} » : vous ne détenez pas vous-même cette autorisation.',
    custom_field_name_taken: 'Il existe déjà un champ personnalisé nommé « {name} ».',
    custom_field_unknown: 'Il n’existe pas de champ personnalisé nommé « {name} » dans cette organisation.',
    custom_field_choice_duplicate: '« {choice} » figure deux fois.',
    custom_field_required: '{label} est obligatoire.',
    custom_field_invalid_not_visible:
      '{label} est obligatoire : il doit contenir au moins un caractère visible.',
    custom_field_invalid_text: '{label} doit être un texte.',
    custom_field_invalid_control_characters:
      '{label} ne peut pas contenir de sauts de ligne ni de caractères de contrôle.',
    custom_field_invalid_too_long:
      '{count, plural, one {{label} peut compter au plus # caractère.} many {{label} peut compter au plus # caractères.} other {{label} peut compter au plus # caractères.}}',
    custom_field_invalid_number: '{label} doit être un nombre.',
    custom_field_invalid_date: '{label} doit être une date (AAAA-MM-JJ).',
    custom_field_invalid_boolean: '{label} doit être oui ou non.',
    custom_field_invalid_choice: '{label} doit être {allowed}.',
    invalid_date_time_format:
      'Utilisez une date et une heure avec un décalage, comme 2026-03-02T09:00:00+01:00.',
    invalid_date_time_not_existing: 'Cette date ou cette heure n’existe pas.',
    invalid_date_format: 'Utilisez une date au format AAAA-MM-JJ.',
    invalid_date_not_existing: 'Cette date n’existe pas.',
    invalid_time_zone_not_iana:
      'Ce n’est pas un fuseau horaire de la base IANA : choisissez-en un comme {example}.',
    end_before_start_all_day: 'La fin doit être le même jour que le début ou après.',
    end_before_start_timed: 'La fin doit être après le début.',
    too_many_occurrences:
      '{count, plural, one {Cette période contient plus de # occurrence : demandez-en une plus courte.} many {Cette période contient plus de # occurrences : demandez-en une plus courte.} other {Cette période contient plus de # occurrences : demandez-en une plus courte.}}',
    recurrence_invalid_not_a_part:
      '« {part} » n’est pas une partie de règle de récurrence (NOM=VALEUR, comme FREQ=WEEKLY).',
    recurrence_invalid_unsupported_part: 'La partie de règle {part} n’est pas prise en charge.',
    recurrence_invalid_repeated_part: 'La règle indique {part} deux fois.',
    recurrence_invalid_frequency_required: 'La règle doit indiquer FREQ (DAILY, WEEKLY, MONTHLY ou YEARLY).',
    recurrence_invalid_interval_not_whole: 'INTERVAL doit être un nombre entier.',
    recurrence_invalid_interval_too_large: 'INTERVAL doit valoir au plus {maximum}.',
    recurrence_invalid_count_out_of_range: 'COUNT doit être un nombre entier de {minimum} à {maximum}.',
    recurrence_invalid_count_and_until: 'Indiquez COUNT ou UNTIL, pas les deux.',
    recurrence_invalid_until_format:
      'UNTIL doit être une date (20261231) ou une heure UTC (20261231T235959Z).',
    recurrence_invalid_unreadable: 'La règle de récurrence est illisible.',
    recurrence_too_frequent_sub_daily:
      'Les événements se répètent au plus une fois par jour (FREQ=DAILY, WEEKLY, MONTHLY ou YEARLY).',
    recurrence_too_frequent_per_year:
      '{count, plural, one {La règle produit plus de # occurrence par an : choisissez un intervalle plus long.} many {La règle produit plus de # occurrences par an : choisissez un intervalle plus long.} other {La règle produit plus de # occurrences par an : choisissez un intervalle plus long.}}',
    due_date_in_past_past: 'L’échéance ne doit pas être dans le passé.',
    due_date_in_past_before_creation: 'L’échéance ne doit pas précéder la création de la tâche.',
    task_status_transition:
      'Une tâche ne peut pas passer de {from, select, open {Ouverte} in_progress {En cours} closed {Fermée} other {{from}}} à {to, select, open {Ouverte} in_progress {En cours} closed {Fermée} other {{to}}}.',
    template_variable_unknown: '« {variable} » n’est pas une variable de modèle. Utilisez {allowed}.',
    invalid_email_address_format:
      'Ce n’est pas une adresse e-mail (écrivez a@example.org ou Nom <a@example.org>).',
    invalid_email_address_control_characters:
      'Une adresse ne doit pas contenir de sauts de ligne ni d’autres caractères de contrôle.',
    invalid_email_address_recipient: 'Le destinataire n’est ni un utilisateur ni une adresse e-mail.',
    email_not_cancellable:
      '{status, select, scheduled {L’e-mail est déjà en cours d’envoi.} queued {Seul un e-mail programmé peut être annulé ; celui-ci est en cours d’envoi.} sent {Seul un e-mail programmé peut être annulé ; celui-ci a été envoyé.} failed {Seul un e-mail programmé peut être annulé ; celui-ci a échoué.} cancelled {Cet e-mail est déjà annulé.} other {Seul un e-mail programmé peut être annulé.}}',
    mail_not_failed:
      '{status, select, queued {Seul un message en échec peut être renvoyé ; celui-ci est en file d’attente.} sending {Seul un message en échec peut être renvoyé ; celui-ci est en cours d’envoi.} sent {Seul un message en échec peut être renvoyé ; celui-ci a été envoyé.} cancelled {Seul un message en échec peut être renvoyé ; celui-ci a été annulé.} other {Seul un message en échec peut être renvoyé.}}',
    menu_not_found: 'Ce menu n’existe pas : utilisez {allowed}.',
    menu_url_not_allowed:
      'Utilisez un chemin dans Atrium (commençant par {allowed}) ou une adresse commençant par https://.',
    menu_position_out_of_range: 'La position va ici de 0 à {max}.',
    menu_item_not_deletable_custom: 'Cet élément appartient au menu de l’organisation : masquez-le plutôt.',
    menu_item_not_deletable_default: 'Un élément par défaut ne peut pas être supprimé : masquez-le plutôt.',
    setting_scope:
      'Ce paramètre ne peut pas être défini au niveau {scope, select, system {du système} organization {de l’organisation} user {de l’utilisateur} other {{scope}}}.',
    setting_invalid_choice: 'Choisissez l’une de ces valeurs : {allowed}.',
    setting_invalid_number_range: 'Choisissez un nombre entier de {minimum} à {maximum}.',
    setting_invalid_text_length:
      '{maximum, plural, one {Saisissez de {minimum} à # caractère.} many {Saisissez de {minimum} à # caractères.} other {Saisissez de {minimum} à # caractères.}}',
    setting_invalid_text_too_long:
      '{count, plural, one {Saisissez au plus # caractère.} many {Saisissez au plus # caractères.} other {Saisissez au plus # caractères.}}',
    setting_invalid_value: 'La valeur de ce paramètre n’est pas valide.',
    setting_invalid_locale: 'Choisissez des paramètres régionaux tels que {example}.',
    setting_invalid_time_zone: 'Choisissez un fuseau horaire tel que {example}.',
    setting_invalid_email:
      'Saisissez une adresse e-mail telle que {example}, ou laissez vide pour votre adresse principale.',
    setting_invalid_https_url: 'Indiquez une adresse https://, par exemple {example}.',
    setting_invalid_url_template:
      'Indiquez une adresse https:// contenant l’emplacement de la salle, par exemple {example}.',
    setting_invalid_own_email: 'Choisissez l’une de vos propres adresses e-mail.',
    setting_invalid_not_user_setting:
      '« {key} » n’est pas un paramètre que les utilisateurs peuvent modifier, ou figure deux fois.',
  },
} as const satisfies Translation;
