import type { Translation } from '../translation';

/** German: API errors by their code. */
export const errors = {
  network_error: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  internal_error: 'Bei uns ist etwas schiefgelaufen. Versuchen Sie es gleich noch einmal.',
  forbidden: 'Dazu fehlt Ihnen die Berechtigung.',
  not_found: 'Dieser Datensatz existiert nicht oder wurde gelöscht.',
  rate_limited: 'Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es erneut.',
  http_error: 'Die Anfrage ist fehlgeschlagen (HTTP {status}).',
  account_disabled: 'Dieses Konto ist deaktiviert. Wenden Sie sich an einen Administrator.',
  account_locked:
    'Zu viele fehlgeschlagene Anmeldungen: Dieses Konto ist vorübergehend gesperrt. Versuchen Sie es später erneut oder setzen Sie Ihr Passwort zurück.',
  api_key_not_found: 'Dieser Benutzer hat in dieser Organisation keinen API-Schlüssel.',
  attendee_duplicate: 'Dieser Gast ist doppelt aufgeführt.',
  authorization_header_invalid:
    'Senden Sie einen API-Schlüssel als "Authorization: Bearer <Schlüssel>": eine andere Form dieses Headers wird nicht angenommen.',
  avatar_file_missing: 'Senden Sie das Bild in einem Multipart-Feld namens "file".',
  avatar_type_not_supported:
    'Die Datei ist kein Bild, das Atrium akzeptiert. Wählen Sie ein PNG-, JPEG-, WebP- oder GIF-Bild.',
  avatar_unreadable:
    'Das Bild konnte nicht gelesen werden: Die Datei ist möglicherweise beschädigt oder unvollständig. Wählen Sie eine andere.',
  cannot_disable_self: 'Sie können Ihr eigenes Konto nicht deaktivieren.',
  cannot_dismiss_self:
    'Sie können sich nicht selbst als Instanzadministrator absetzen. Bitten Sie einen anderen darum.',
  cannot_remove_own_admin_role:
    'Sie können Ihre eigene letzte Administratorrolle nicht entfernen. Bitten Sie einen anderen Administrator darum.',
  client_generated_id:
    'Dieser Endpunkt vergibt die IDs der erstellten Ressourcen selbst: Senden Sie keine data.id.',
  credential_in_url: 'Senden Sie API-Schlüssel nur im Authorization-Header.',
  cross_site_request: 'Websiteübergreifende Anfragen sind nicht erlaubt.',
  csrf_token_invalid: 'Der Anfrage fehlt ein gültiger X-CSRF-Token-Header.',
  current_password_wrong: 'Das aktuelle Passwort ist nicht korrekt.',
  custom_field_choices_required: 'Eine Auswahlliste braucht mindestens einen Wert.',
  custom_field_choices_unexpected: 'Nur eine Auswahlliste hat Auswahlwerte.',
  email_from_not_allowed:
    'Senden Sie von Ihrer primären E-Mail-Adresse oder einer Ihrer bestätigten weiteren Adressen.',
  email_not_found: 'Die beantwortete E-Mail wurde nicht gefunden.',
  email_recipients_required: 'Fügen Sie mindestens einen Empfänger in An, Cc oder Bcc hinzu.',
  email_template_name_taken: 'Eine andere E-Mail-Vorlage dieser Organisation hat diesen Namen.',
  end_required: 'Geben Sie das Ende an, wenn Sie zwischen ganztägig und mit Uhrzeit wechseln.',
  file_missing: 'Senden Sie die Datei in einem Multipart-Feld namens "file".',
  file_not_found: 'Hängen Sie Dateien an, die Sie hochgeladen haben (POST /api/files).',
  file_type_unknown:
    'Diese Art von Datei kann nicht angehängt werden: Sie ist leer, ein Programm oder anhand ihres Inhalts nicht erkennbar.',
  id_mismatch: 'Die ID im Body passt nicht zur Ressource in der URL.',
  invalid_credentials: 'Benutzername oder Passwort ist falsch.',
  invalid_date: 'Das ist kein Datum (JJJJ-MM-TT).',
  invalid_time_zone: 'Wählen Sie eine Zeitzone wie Europe/Berlin.',
  invalid_encoding: 'Der Body der Anfrage ist kein gültiges UTF-8.',
  invalid_if_match:
    'Der If-Match-Header muss * oder das mit dem Datensatz gelesene ETag in doppelten Anführungszeichen sein (wie "v3").',
  invalid_link_path: 'Ein Link in einer E-Mail muss ein Pfad von Atrium sein, z. B. /users/me.',
  invalid_range: 'filter[start][lt] muss nach filter[start][gte] liegen.',
  last_administrator: 'Dadurch hätte die Organisation keinen aktiven Administrator mehr.',
  menu_divider_label: 'Diese Trennlinie hat keine Beschriftung.',
  menu_divider_url: 'Eine Trennlinie hat keine URL.',
  menu_item_custom: 'Ein eigener Eintrag hat keinen Standard: Löschen Sie ihn stattdessen.',
  menu_item_not_found: 'Dieses Menü hat keinen solchen Eintrag.',
  menu_url_not_allowed: 'Verwenden Sie einen Pfad in Atrium (beginnend mit /) oder eine https://-Adresse.',
  menu_parent_descendant:
    'Ein Eintrag kann nicht unter sich selbst oder einen seiner Untereinträge verschoben werden.',
  menu_parent_divider: 'Eine Trennlinie kann keine Einträge enthalten.',
  menu_parent_not_found: 'Dieses Menü hat keinen solchen übergeordneten Eintrag.',
  menu_url_required: 'Ein Link braucht eine URL: einen Pfad in Atrium oder eine https://-Adresse.',
  no_organization: 'Dieses Konto gehört zu keiner Organisation.',
  no_session: 'Anfragen mit einem API-Schlüssel haben keine Sitzung.',
  not_a_guest: 'Sie sind kein Gast dieses Termins.',
  not_recurring: 'Dieser Termin wiederholt sich nicht: Lassen Sie occurrence weg.',
  occurrence_not_found: 'Die Serie hat keinen solchen Einzeltermin.',
  organization_name_taken: 'Eine Organisation mit diesem Namen existiert bereits.',
  organization_not_found: 'Die Organisation wurde nicht gefunden.',
  password_change_required: 'Sie müssen Ihr Passwort ändern, bevor Sie fortfahren.',
  password_reset_required:
    'Ihr Passwort wurde von einem Administrator zurückgesetzt. Verwenden Sie den Link in der E-Mail, die wir Ihnen gesendet haben.',
  password_unchanged: 'Das neue Passwort muss sich vom aktuellen unterscheiden.',
  range_pagination_not_supported: 'Geben Sie page[after] oder page[before] an, nicht beides.',
  recurrence_empty: 'Die Regel ergibt nie einen Termin: Prüfen Sie ihre Tage und Monate.',
  recurrence_interval_zero: 'INTERVAL muss mindestens 1 sein.',
  recurrence_on_occurrence: 'Ein einzelner Termin einer Serie kann sich nicht selbst wiederholen.',
  reminder_needs_due_date: 'Für Erinnerungen muss ein Fälligkeitsdatum gesetzt sein.',
  role_not_found: 'Diese Rolle existiert in Ihrer Organisation nicht.',
  send_at_past: 'Wählen Sie für späteres Senden einen Zeitpunkt in der Zukunft.',
  send_at_too_far: 'Eine E-Mail kann höchstens ein Jahr im Voraus geplant werden.',
  server_busy: 'Der Server ist ausgelastet. Versuchen Sie es gleich noch einmal.',
  session_required: 'Nur eine Browsersitzung kann die Organisation wechseln.',
  stale_record:
    'Dieser Benutzer wurde von jemand anderem geändert, seit Sie ihn geöffnet haben. Laden Sie ihn neu, um die Änderungen zu sehen, und nehmen Sie Ihre dann erneut vor.',
  start_required: 'Geben Sie den Beginn an, wenn Sie zwischen ganztägig und mit Uhrzeit wechseln.',
  task_status_initial: 'Eine neue Aufgabe beginnt mit dem Status „Offen“.',
  template_variable_unfilled:
    "Eine Vorlagenvariable ('{{ … }}') steht noch im Text: Ersetzen Sie sie vor dem Senden.",
  too_many_parts: 'Senden Sie ein einziges Multipart-Feld namens "file".',
  user_disabled:
    'Das Passwort eines deaktivierten Benutzers kann nicht zurückgesetzt werden. Aktivieren Sie den Benutzer zuerst.',
  username_at_sign:
    'Der Benutzername darf kein "@" enthalten (man meldet sich mit Benutzername oder E-Mail an).',
  username_bidi_control: 'Der Benutzername darf keine Zeichen enthalten, die die Schreibrichtung ändern.',
  username_mixed_script:
    'Der Benutzername mischt Buchstaben verschiedener Schriften (etwa ein kyrillisches "а" unter lateinischen Buchstaben). Verwenden Sie eine Schrift.',
  attachment_too_large: 'Eine Datei ist größer, als diese Organisation für einen Anhang erlaubt.',
  attachments_invalid: 'Hängen Sie jede Datei nur einmal an, und nicht zu viele.',
  attachments_too_large: 'Die Anhänge sind zusammen größer, als diese Organisation erlaubt.',
  avatar_too_large: 'Das Bild ist zu groß. Wählen Sie ein kleineres.',
  avatar_too_many_pixels: 'Das Bild hat zu viele Pixel. Wählen Sie ein kleineres.',
  birthday_out_of_range: 'Dieser Geburtstag liegt außerhalb des möglichen Bereichs.',
  current_password_required: 'Geben Sie Ihr aktuelles Passwort ein.',
  custom: 'Dieser Wert ist ungültig.',
  custom_field_choice_duplicate: 'Ein Auswahlwert ist doppelt aufgeführt.',
  custom_field_invalid: 'Dieser Wert passt nicht zum Feld.',
  custom_field_limit: 'Diese Organisation hat bereits so viele benutzerdefinierte Felder wie möglich.',
  custom_field_name_taken: 'Es gibt bereits ein benutzerdefiniertes Feld mit diesem Namen.',
  custom_field_required: 'Dieses Feld ist erforderlich.',
  custom_field_unknown: 'Dieses benutzerdefinierte Feld gibt es in dieser Organisation nicht.',
  date_out_of_range: 'Dieses Datum liegt außerhalb des möglichen Bereichs.',
  due_date_in_past: 'Das Fälligkeitsdatum darf nicht in der Vergangenheit liegen.',
  email_duplicate: 'Diese Adresse ist doppelt aufgeführt.',
  email_not_cancellable: 'Diese E-Mail kann nicht mehr storniert werden.',
  email_taken: 'Diese E-Mail-Adresse gehört bereits einem anderen Benutzer.',
  email_templates_limit:
    'Diese Organisation hat bereits so viele E-Mail-Vorlagen wie möglich. Löschen Sie zuerst eine.',
  end_before_start: 'Das Ende muss nach dem Beginn liegen.',
  header_injection:
    'Eine Adresse oder ein Betreff darf keine Zeilenumbrüche oder andere Steuerzeichen enthalten.',
  instance_permission:
    'Diese Berechtigung gehört Instanzadministratoren: Keine Rolle innerhalb einer Organisation gewährt sie.',
  invalid_cursor: 'Der Cursor gehört nicht zu dieser Liste.',
  invalid_date_time: 'Dieses Datum oder diese Uhrzeit ist ungültig.',
  invalid_email_address: 'Dies ist keine E-Mail-Adresse, an die E-Mails gesendet werden können.',
  invalid_filter_value: 'Ein Filter hat einen Wert, den er nicht akzeptiert.',
  invalid_page_number: 'Die Seitennummer liegt außerhalb des gültigen Bereichs.',
  invalid_page_size: 'Die Seitengröße liegt außerhalb des gültigen Bereichs.',
  invalid_parameter: 'Ein Abfrageparameter hat einen Wert, den er nicht akzeptiert.',
  invalid_sort: 'Diese Liste kann so nicht sortiert werden.',
  invalid_text: 'Die Anfrage enthält Text, der nicht erlaubt ist.',
  invalid_token: 'Dieser Link ist ungültig, wurde bereits verwendet oder ist abgelaufen.',
  mail_not_failed: 'Nur eine fehlgeschlagene Nachricht kann erneut versucht werden.',
  malformed_multipart: 'Die hochgeladene Datei konnte nicht gelesen werden.',
  malformed_url: 'Die URL ist ungültig.',
  menu_item_not_deletable: 'Dieser Menüeintrag kann nicht gelöscht werden.',
  menu_label_required: 'Ein Menüeintrag braucht eine Beschriftung.',
  menu_not_found: 'Dieses Menü gibt es nicht.',
  menu_position_out_of_range: 'Die Position liegt hier außerhalb des gültigen Bereichs.',
  menu_too_deep: 'Ein Menü kann nicht so viele Ebenen haben.',
  method_not_allowed: 'Diese Aktion ist hier nicht erlaubt.',
  multipart_required: 'Senden Sie die Datei als Upload.',
  nesting_too_deep: 'Die Anfrage ist zu tief verschachtelt.',
  not_acceptable: 'Der Server kann nicht in dem Format antworten, das die Anfrage verlangt.',
  not_visible: 'Dieser Wert muss mindestens ein sichtbares Zeichen enthalten.',
  parameter_required: 'Ein Abfrageparameter fehlt.',
  password_too_long: 'Das Passwort ist zu lang.',
  path_parameter_too_long: 'Ein Pfadparameter dieser URL ist zu lang.',
  permission_not_held: 'Sie können keine Berechtigung vergeben oder entziehen, die Sie selbst nicht haben.',
  phone_invalid: 'Dies ist keine gültige Telefonnummer.',
  range_too_long: 'Der Datumsbereich ist zu lang.',
  recurrence_invalid: 'Die Wiederholungsregel ist ungültig.',
  recurrence_too_frequent: 'Termine wiederholen sich höchstens täglich.',
  repeated_parameter: 'Ein Abfrageparameter wurde mehrfach angegeben.',
  role_exceeds_own_permissions:
    'Sie können keine Rolle vergeben oder entziehen, die Berechtigungen gewährt, die Sie nicht haben.',
  route_not_found: 'Diese Adresse gibt es auf dem Server nicht.',
  setting_invalid: 'Der Wert dieser Einstellung ist ungültig.',
  setting_locked: 'Ihre Organisation erlaubt Benutzern nicht, diese Einstellung zu ändern.',
  setting_scope: 'Diese Einstellung kann auf dieser Ebene nicht festgelegt werden.',
  task_status_transition: 'Eine Aufgabe kann von ihrem aktuellen Status nicht in diesen wechseln.',
  template_syntax: 'Die Vorlage kann nicht gelesen werden.',
  template_variable_unknown: 'Die Vorlage verwendet eine Variable, die es nicht gibt.',
  too_many_occurrences: 'Dieser Zeitraum enthält zu viele Termine: Fordern Sie einen kürzeren an.',
  type_mismatch: 'Der Typ der Anfrage passt nicht zu dieser Adresse.',
  unauthenticated: 'Melden Sie sich an oder senden Sie einen gültigen API-Schlüssel.',
  unknown_fieldset_field: 'Ein angefordertes Feld existiert nicht.',
  unknown_fieldset_type: 'Ein angefordertes Feldset nennt einen unbekannten Typ.',
  unknown_filter: 'Diese Liste kann so nicht gefiltert werden.',
  unknown_mail_template: 'Diese Mail-Vorlage gibt es nicht.',
  unknown_member: 'Die Anfrage enthält ein Element, das diese Adresse nicht akzeptiert.',
  unknown_parameter: 'Ein Abfrageparameter wird hier nicht unterstützt.',
  unknown_permission: 'Eine Berechtigung existiert nicht.',
  unknown_sort_field: 'Diese Liste kann nicht nach diesem Feld sortiert werden.',
  unsupported_filter_operator: 'Ein Filter verwendet einen nicht unterstützten Operator.',
  unsupported_include: 'Ein angefordertes Include wird hier nicht unterstützt.',
  empty_body: 'Die Anfrage hat keinen Inhalt: Senden Sie ein JSON:API-Dokument.',
  unsupported_media_type: 'Der Content-Type der Anfrage wird nicht unterstützt.',
  user_not_found: 'Der Benutzer wurde nicht gefunden.',
  username_taken: 'Dieser Benutzername ist bereits vergeben oder einem vergebenen zum Verwechseln ähnlich.',
  invalid_type: 'Dieser Wert hat den falschen Typ.',
  too_small: 'Dieser Wert ist zu kurz oder zu klein.',
  too_big: 'Dieser Wert ist zu lang oder zu groß.',
  invalid_format: 'Dieser Wert hat nicht das erwartete Format.',
  invalid_value: 'Dieser Wert gehört nicht zu den erlaubten Werten.',
  not_multiple_of: 'Dieser Wert ist keine erlaubte Schrittweite.',
  invalid_union: 'Dieser Wert entspricht keiner der erlaubten Formen.',
  invalid_key: 'Dieser Wert hat einen Schlüssel, der nicht erlaubt ist.',
  invalid_element: 'Diese Liste hat ein Element, das nicht erlaubt ist.',
  password_too_short: 'Das Passwort ist zu kurz.',
  password_lower_case: 'Das Passwort braucht einen Kleinbuchstaben.',
  password_upper_case: 'Das Passwort braucht einen Großbuchstaben.',
  password_numbers: 'Das Passwort braucht eine Ziffer.',
  password_special_chars: 'Das Passwort braucht ein Sonderzeichen.',
  password_common_password:
    'Dieses Passwort gehört zu den am häufigsten verwendeten. Wählen Sie ein anderes.',
  password_context_username: 'Das Passwort darf den Benutzernamen nicht enthalten.',
  password_context_email: 'Das Passwort darf die E-Mail-Adresse nicht enthalten.',
  password_context_organization: 'Das Passwort darf den Namen der Organisation nicht enthalten.',
  password_context_name: 'Das Passwort darf den Namen der Person nicht enthalten.',
  password_context_product: 'Das Passwort darf den Namen des Produkts nicht enthalten.',

  particulars: {
    too_small:
      '{count, plural, one {Dieser Wert muss mindestens {minimum} sein.} other {Dieser Wert muss mindestens {minimum} sein.}}',
    too_small_string:
      '{count, plural, one {Geben Sie mindestens # Zeichen ein.} other {Geben Sie mindestens # Zeichen ein.}}',
    too_small_array:
      '{count, plural, one {Wählen Sie mindestens # Eintrag.} other {Wählen Sie mindestens # Einträge.}}',
    too_small_number_exclusive: 'Dieser Wert muss größer als {minimum} sein.',
    too_big:
      '{count, plural, one {Dieser Wert darf höchstens {maximum} sein.} other {Dieser Wert darf höchstens {maximum} sein.}}',
    too_big_string:
      '{count, plural, one {Geben Sie höchstens # Zeichen ein.} other {Geben Sie höchstens # Zeichen ein.}}',
    too_big_array:
      '{count, plural, one {Wählen Sie höchstens # Eintrag.} other {Wählen Sie höchstens # Einträge.}}',
    too_big_number_exclusive: 'Dieser Wert muss kleiner als {maximum} sein.',
    invalid_value: 'Wählen Sie einen dieser Werte: {allowed}.',
    invalid_format: 'Dieser Wert hat nicht das erwartete Format ({format}).',
    invalid_format_email: 'Geben Sie eine E-Mail-Adresse ein, etwa name@example.com.',
    invalid_format_url: 'Geben Sie eine Webadresse ein, etwa https://example.com.',
    invalid_format_regex: 'Dieser Wert hat nicht das erwartete Format.',
    not_multiple_of: 'Dieser Wert muss ein Vielfaches von {divisor} sein.',
    attachment_too_large:
      'Die Datei ist größer als {maxMegabytes} MB, die Grenze dieser Organisation für einen Anhang.',
    attachments_too_large:
      'Die Anhänge sind zusammen größer als {maxMegabytes} MB, die Grenze dieser Organisation pro E-Mail.',
    avatar_too_large: 'Das Bild ist größer als {maxMegabytes} MB. Wählen Sie ein kleineres.',
    custom_field_limit:
      '{count, plural, one {Eine Organisation kann höchstens # benutzerdefiniertes Feld haben.} other {Eine Organisation kann höchstens # benutzerdefinierte Felder haben.}}',
    email_templates_limit:
      '{count, plural, one {Eine Organisation hat höchstens # E-Mail-Vorlage. Löschen Sie zuerst eine.} other {Eine Organisation hat höchstens # E-Mail-Vorlagen. Löschen Sie zuerst eine.}}',
    range_too_long:
      '{count, plural, one {Fragen Sie höchstens # Tag auf einmal ab.} other {Fragen Sie höchstens # Tage auf einmal ab.}}',
    menu_too_deep:
      '{count, plural, one {Ein Menü hat höchstens # Ebene.} other {Ein Menü hat höchstens # Ebenen.}}',
    invalid_page_size: 'Die Seitengröße muss eine ganze Zahl von {minimum} bis {maximum} sein.',
    invalid_page_number: 'Die Seitenzahl muss eine ganze Zahl von {minimum} bis {maximum} sein.',
    password_too_short:
      '{count, plural, one {Das Passwort muss mindestens # Zeichen haben (es hat {length}).} other {Das Passwort muss mindestens # Zeichen haben (es hat {length}).}}',
    password_too_long:
      '{count, plural, one {Das Passwort darf höchstens # Zeichen haben.} other {Das Passwort darf höchstens # Zeichen haben.}}',
    date_out_of_range: 'Wählen Sie ein Jahr von {minimum} bis {maximum}.',
    nesting_too_deep:
      '{count, plural, one {Die Anfrage ist tiefer als # Ebene verschachtelt.} other {Die Anfrage ist tiefer als # Ebenen verschachtelt.}}',
    invalid_type_required: 'Dieser Wert ist erforderlich.',
    invalid_type_wrong_type:
      '{expected, select, string {Dieser Wert muss ein Text sein.} number {Dieser Wert muss eine Zahl sein.} int {Dieser Wert muss eine ganze Zahl sein.} boolean {Dieser Wert muss true oder false sein.} object {Dieser Wert muss ein Objekt sein.} array {Dieser Wert muss eine Liste sein.} null {Dieser Wert muss null sein.} other {Dieser Wert hat den falschen Typ.}}',
    custom_required: 'Dieser Wert ist erforderlich.',
    custom_too_short:
      '{count, plural, one {Geben Sie mindestens # Zeichen ein.} other {Geben Sie mindestens # Zeichen ein.}}',
    custom_too_long:
      '{count, plural, one {Geben Sie höchstens # Zeichen ein.} other {Geben Sie höchstens # Zeichen ein.}}',
    custom_control_characters: 'Dieser Wert darf keine Zeilenumbrüche oder Steuerzeichen enthalten.',
    custom_edge_space: 'Dieser Wert darf nicht mit einem Leerzeichen beginnen oder enden.',
    custom_listed_twice: 'Dieser Wert ist doppelt aufgeführt.',
    custom_email_spaces: 'Eine E-Mail-Adresse darf keine Leerzeichen oder Zeilenumbrüche enthalten.',
    custom_email_at_sign: 'Eine E-Mail-Adresse muss genau ein „@“ enthalten, etwa name@example.com.',
    custom_email_local_part_missing:
      'Eine E-Mail-Adresse braucht einen Namen vor dem „@“, etwa name@example.com.',
    custom_email_local_part_too_long:
      '{count, plural, one {Der Teil vor dem „@“ darf höchstens # Zeichen haben.} other {Der Teil vor dem „@“ darf höchstens # Zeichen haben.}}',
    custom_email_local_part_characters:
      'Diese E-Mail-Adresse enthält vor dem „@“ Zeichen, die nicht erlaubt sind.',
    custom_email_domain:
      'Eine E-Mail-Adresse braucht nach dem „@“ eine gültige Domain, etwa name@example.com.',
    invalid_parameter_page_conflict: 'Geben Sie {parameter} oder page[number] an, nicht beides.',
    invalid_parameter_not_plain: 'Der Abfrageparameter {parameter} muss ein einfacher Wert sein.',
    repeated_parameter: 'Geben Sie den Abfrageparameter {parameter} nur einmal an.',
    parameter_required: 'Der Abfrageparameter {parameter} ist erforderlich.',
    unknown_parameter_not_supported: 'Der Abfrageparameter {parameter} wird hier nicht unterstützt.',
    unknown_parameter_cursor_only:
      'Diese Liste blättert nur per Cursor: {parameter} wird hier nicht unterstützt. Folgen Sie dem Link zur nächsten Seite.',
    unknown_member: 'Die Anfrage enthält ein Element, das diese Adresse nicht annimmt: „{member}“.',
    type_mismatch: 'Der Typ muss an dieser Adresse {allowed} sein.',
    invalid_sort_syntax:
      'Sortieren Sie nach einer kommagetrennten Liste von Feldern, jedes optional mit vorangestelltem -.',
    invalid_sort_repeated: 'Die Sortierung nennt „{field}“ mehr als einmal.',
    invalid_sort_fixed: 'Diese Liste wird nur auf eine Weise sortiert: {allowed}.',
    unknown_sort_field:
      'Diese Liste kann nicht nach „{field}“ sortiert werden. Sortieren Sie nach {allowed}.',
    unknown_filter: 'Diese Liste kann nicht nach „{field}“ gefiltert werden. Filtern Sie nach {allowed}.',
    unsupported_filter_operator:
      'Der Filter „{field}“ unterstützt den Operator „{operator}“ nicht. Verwenden Sie {allowed}.',
    unsupported_include: '„{include}“ kann hier nicht eingebunden werden. Binden Sie {allowed} ein.',
    unknown_fieldset_type: 'Für den Typ „{type}“ gibt es keine Feldauswahl. Verwenden Sie {allowed}.',
    unknown_fieldset_field: 'Der Typ „{type}“ hat kein Feld „{field}“. Wählen Sie {allowed}.',
    invalid_filter_value_boolean: '{parameter} muss true oder false sein.',
    invalid_filter_value_required: '{parameter} braucht einen Wert.',
    invalid_filter_value_too_many:
      '{count, plural, one {{parameter} darf höchstens # Wert aufführen.} other {{parameter} darf höchstens # Werte aufführen.}}',
    invalid_filter_value_number: '{parameter} muss eine Dezimalzahl sein, etwa 42 oder -1.5.',
    invalid_filter_value_date_time:
      '{parameter} muss ein Datum mit Uhrzeit und Zeitzone sein, etwa 2026-11-28T09:15:00Z.',
    invalid_filter_value_date: '{parameter} muss ein Datum sein (JJJJ-MM-TT).',
    invalid_filter_value_choice: '{parameter} muss {allowed} sein oder eine kommagetrennte Liste davon.',
    invalid_filter_value_id: '{parameter} muss eine ID sein oder eine kommagetrennte Liste von IDs.',
    invalid_filter_value_role_list:
      '{count, plural, one {{parameter} darf höchstens # Rolle aufführen (IDs oder Namen, durch Kommas getrennt).} other {{parameter} darf höchstens # Rollen aufführen (IDs oder Namen, durch Kommas getrennt).}}',
    invalid_filter_value_owner: '{parameter} muss eine Benutzer-ID oder „me“ sein.',
    invalid_filter_value_invitations: 'Einladungen werden nur in Ihrem eigenen Kalender aufgeführt.',
    invalid_text_nul: 'Die Anfrage enthält Text mit dem NUL-Zeichen (U+0000), das nicht erlaubt ist.',
    invalid_text_lone_surrogate: 'Die Anfrage enthält Text, der kein gültiges Unicode ist.',
    invalid_text_percent_encoding:
      'Die Adresse enthält einen Parameter, der kein gültiges prozentkodiertes UTF-8 ist.',
    method_not_allowed: '{method} ist hier nicht erlaubt. Verwenden Sie {allowed}.',
    route_not_found: 'Auf dem Server gibt es keine Adresse {method} {path}.',
    attachments_invalid:
      '{count, plural, one {Hängen Sie jede Datei nur einmal an, höchstens # Datei.} other {Hängen Sie jede Datei nur einmal an, höchstens # Dateien.}}',
    avatar_too_many_pixels: 'Das Bild hat mehr als {maxMegapixels} Megapixel. Wählen Sie ein kleineres.',
    birthday_out_of_range_future: 'Der Geburtstag darf nicht in der Zukunft liegen.',
    birthday_out_of_range_too_old:
      '{count, plural, one {Der Geburtstag darf nicht mehr als # Jahr zurückliegen.} other {Der Geburtstag darf nicht mehr als # Jahre zurückliegen.}}',
    phone_invalid_required: 'Geben Sie eine Telefonnummer ein.',
    phone_invalid_characters:
      'Eine Telefonnummer darf nur Ziffern, Leerzeichen, +, -, ., / und Klammern sowie eine Durchwahl (ext. 123) enthalten.',
    phone_invalid_invalid: 'Das ist keine gültige Telefonnummer.',
    phone_invalid_invalid_for_country:
      'Das ist keine gültige Telefonnummer für {country}. Beginnen Sie internationale Nummern mit + und der Landesvorwahl.',
    email_duplicate_primary: 'Diese Adresse ist bereits die primäre E-Mail-Adresse.',
    email_duplicate_listed_twice: 'Diese Adresse ist doppelt aufgeführt.',
    email_duplicate_additional:
      'Diese Adresse ist bereits eine der weiteren E-Mail-Adressen: Entfernen Sie sie dort zuerst.',
    role_exceeds_own_permissions:
      'Sie können die Rolle „{role}“ weder vergeben noch entziehen: Sie gewährt Berechtigungen, die Sie nicht haben.',
    unknown_permission: '„{permission}“ ist keine Berechtigung.',
    instance_permission:
      '„{permission}“ gehört den Instanzadministratoren: Keine Rolle innerhalb einer Organisation gewährt sie.',
    permission_not_held:
      'Sie können „{permission}“ weder gewähren noch entziehen: Sie haben diese Berechtigung selbst nicht.',
    custom_field_name_taken: 'Es gibt bereits ein benutzerdefiniertes Feld namens „{name}“.',
    custom_field_unknown: 'In dieser Organisation gibt es kein benutzerdefiniertes Feld namens „{name}“.',
    custom_field_choice_duplicate: '„{choice}“ ist doppelt aufgeführt.',
    custom_field_required: '{label} ist erforderlich.',
    custom_field_invalid_not_visible:
      '{label} ist erforderlich: Es muss mindestens ein sichtbares Zeichen enthalten.',
    custom_field_invalid_text: '{label} muss ein Text sein.',
    custom_field_invalid_control_characters:
      '{label} darf keine Zeilenumbrüche oder Steuerzeichen enthalten.',
    custom_field_invalid_too_long:
      '{count, plural, one {{label} darf höchstens # Zeichen haben.} other {{label} darf höchstens # Zeichen haben.}}',
    custom_field_invalid_number: '{label} muss eine Zahl sein.',
    custom_field_invalid_date: '{label} muss ein Datum sein (JJJJ-MM-TT).',
    custom_field_invalid_boolean: '{label} muss Ja oder Nein sein.',
    custom_field_invalid_choice: '{label} muss {allowed} sein.',
    invalid_date_time_format:
      'Verwenden Sie ein Datum mit Uhrzeit und Zeitversatz, etwa 2026-03-02T09:00:00+01:00.',
    invalid_date_time_not_existing: 'Dieses Datum oder diese Uhrzeit gibt es nicht.',
    invalid_date_format: 'Verwenden Sie ein Datum im Format JJJJ-MM-TT.',
    invalid_date_not_existing: 'Dieses Datum gibt es nicht.',
    invalid_time_zone_not_iana: 'Das ist keine Zeitzone der IANA-Datenbank: Wählen Sie eine wie {example}.',
    end_before_start_all_day: 'Das Ende darf nicht vor dem Beginn liegen.',
    end_before_start_timed: 'Das Ende muss nach dem Beginn liegen.',
    too_many_occurrences:
      '{count, plural, one {Dieser Zeitraum enthält mehr als # Termin: Fragen Sie einen kürzeren an.} other {Dieser Zeitraum enthält mehr als # Termine: Fragen Sie einen kürzeren an.}}',
    recurrence_invalid_not_a_part:
      '„{part}“ ist kein Teil einer Wiederholungsregel (NAME=WERT, etwa FREQ=WEEKLY).',
    recurrence_invalid_unsupported_part: 'Der Regelteil {part} wird nicht unterstützt.',
    recurrence_invalid_repeated_part: 'Die Regel gibt {part} zweimal an.',
    recurrence_invalid_frequency_required: 'Die Regel braucht FREQ (DAILY, WEEKLY, MONTHLY oder YEARLY).',
    recurrence_invalid_interval_not_whole: 'INTERVAL muss eine ganze Zahl sein.',
    recurrence_invalid_interval_too_large: 'INTERVAL darf höchstens {maximum} sein.',
    recurrence_invalid_count_out_of_range: 'COUNT muss eine ganze Zahl von {minimum} bis {maximum} sein.',
    recurrence_invalid_count_and_until: 'Geben Sie COUNT oder UNTIL an, nicht beides.',
    recurrence_invalid_until_format:
      'UNTIL muss ein Datum (20261231) oder eine UTC-Zeit (20261231T235959Z) sein.',
    recurrence_invalid_unreadable: 'Die Wiederholungsregel kann nicht gelesen werden.',
    recurrence_too_frequent_sub_daily:
      'Termine wiederholen sich höchstens täglich (FREQ=DAILY, WEEKLY, MONTHLY oder YEARLY).',
    recurrence_too_frequent_per_year:
      '{count, plural, one {Die Regel ergibt mehr als # Termin im Jahr: Wählen Sie ein längeres Intervall.} other {Die Regel ergibt mehr als # Termine im Jahr: Wählen Sie ein längeres Intervall.}}',
    due_date_in_past_past: 'Das Fälligkeitsdatum darf nicht in der Vergangenheit liegen.',
    due_date_in_past_before_creation:
      'Das Fälligkeitsdatum darf nicht vor der Erstellung der Aufgabe liegen.',
    task_status_transition:
      'Eine Aufgabe kann nicht von {from, select, open {Offen} in_progress {In Bearbeitung} closed {Geschlossen} other {{from}}} zu {to, select, open {Offen} in_progress {In Bearbeitung} closed {Geschlossen} other {{to}}} wechseln.',
    template_variable_unknown: '„{variable}“ ist keine Vorlagenvariable. Verwenden Sie {allowed}.',
    invalid_email_address_format:
      'Das ist keine E-Mail-Adresse (schreiben Sie a@example.org oder Name <a@example.org>).',
    invalid_email_address_control_characters:
      'Eine Adresse darf keine Zeilenumbrüche oder anderen Steuerzeichen enthalten.',
    invalid_email_address_recipient: 'Der Empfänger ist weder ein Benutzer noch eine E-Mail-Adresse.',
    email_not_cancellable:
      '{status, select, scheduled {Die E-Mail wird bereits gesendet.} queued {Nur eine geplante E-Mail kann storniert werden; diese wird gerade gesendet.} sent {Nur eine geplante E-Mail kann storniert werden; diese wurde gesendet.} failed {Nur eine geplante E-Mail kann storniert werden; diese ist fehlgeschlagen.} cancelled {Diese E-Mail ist bereits storniert.} other {Nur eine geplante E-Mail kann storniert werden.}}',
    mail_not_failed:
      '{status, select, queued {Nur eine fehlgeschlagene Nachricht kann erneut versucht werden; diese ist in der Warteschlange.} sending {Nur eine fehlgeschlagene Nachricht kann erneut versucht werden; diese wird gerade gesendet.} sent {Nur eine fehlgeschlagene Nachricht kann erneut versucht werden; diese wurde gesendet.} cancelled {Nur eine fehlgeschlagene Nachricht kann erneut versucht werden; diese wurde storniert.} other {Nur eine fehlgeschlagene Nachricht kann erneut versucht werden.}}',
    menu_not_found: 'Dieses Menü gibt es nicht: Verwenden Sie {allowed}.',
    menu_url_not_allowed:
      'Verwenden Sie einen Pfad in Atrium (beginnend mit {allowed}) oder eine Adresse, die mit https:// beginnt.',
    menu_position_out_of_range: 'Die Position liegt hier zwischen 0 und {max}.',
    menu_item_not_deletable_custom:
      'Dieser Eintrag gehört zum Menü der Organisation: Blenden Sie ihn stattdessen aus.',
    menu_item_not_deletable_default:
      'Ein Standardeintrag kann nicht gelöscht werden: Blenden Sie ihn stattdessen aus.',
    setting_scope:
      'Diese Einstellung kann nicht auf der Ebene {scope, select, system {System} organization {Organisation} user {Benutzer} other {{scope}}} gesetzt werden.',
    setting_invalid_choice: 'Wählen Sie einen dieser Werte: {allowed}.',
    setting_invalid_number_range: 'Wählen Sie eine ganze Zahl von {minimum} bis {maximum}.',
    setting_invalid_text_length:
      '{maximum, plural, one {Geben Sie {minimum} bis # Zeichen ein.} other {Geben Sie {minimum} bis # Zeichen ein.}}',
    setting_invalid_text_too_long:
      '{count, plural, one {Geben Sie höchstens # Zeichen ein.} other {Geben Sie höchstens # Zeichen ein.}}',
    setting_invalid_value: 'Der Wert dieser Einstellung ist ungültig.',
    setting_invalid_locale: 'Wählen Sie ein Gebietsschema wie {example}.',
    setting_invalid_time_zone: 'Wählen Sie eine Zeitzone wie {example}.',
    setting_invalid_email:
      'Geben Sie eine E-Mail-Adresse wie {example} ein, oder lassen Sie das Feld leer für Ihre primäre E-Mail-Adresse.',
    setting_invalid_https_url: 'Geben Sie eine https://-Adresse an, etwa {example}.',
    setting_invalid_url_template:
      'Geben Sie eine https://-Adresse mit dem Platzhalter für den Raum an, etwa {example}.',
    setting_invalid_own_email: 'Wählen Sie eine Ihrer eigenen E-Mail-Adressen.',
    setting_invalid_not_user_setting:
      '„{key}“ ist keine Einstellung, die Benutzer ändern können, oder ist doppelt aufgeführt.',
  },
} as const satisfies Translation;
