import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The typed schema shared by both databases. Property names are camelCase here and snake_case in
 * SQL (Kysely's CamelCasePlugin maps them). Conventions (DESIGN.md §6):
 * - ids are UUIDv7 strings;
 * - timestamps are ISO-8601 UTC strings of fixed width (`2026-11-28T09:15:00.000Z`);
 * - boolean columns are named `is…`, `has…` or `must…` (`is_…` in SQL) — the SQLite driver
 *   wrapper turns their 0/1 into booleans by that name;
 * - JSON columns hold text and are parsed explicitly by the store that owns them.
 */
type Timestamp = string;
type Generated<T> = ColumnType<T, T | undefined, T>;
type Json = string;

export type UserStatus = 'active' | 'reset' | 'disabled';

export type OrganizationsTable = {
  id: string;
  name: string;
  nameNormalized: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type UsersTable = {
  id: string;
  username: string;
  usernameNormalized: string;
  email: string;
  emailNormalized: string;
  namePrefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  nameSuffix: string | null;
  /** `YYYY-MM-DD` */
  birthday: string | null;
  /** E.164 */
  phone: string | null;
  status: UserStatus;
  /** While `disabled`: the status enabling restores (`active` or `reset`); null otherwise. */
  statusBeforeDisable: UserStatus | null;
  /** Holds the instance-wide powers (system settings); never granted by an organization's role. */
  isInstanceAdministrator: Generated<boolean>;
  passwordHash: string | null;
  passwordChangedAt: Timestamp | null;
  mustChangePassword: boolean;
  failedSignInCount: Generated<number>;
  lockoutCount: Generated<number>;
  lockedUntil: Timestamp | null;
  lastSignInAt: Timestamp | null;
  signInCount: Generated<number>;
  lastOrganizationId: string | null;
  locale: string | null;
  timezone: string | null;
  /** Bumped on every profile change; the ETag of the user resource. */
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /**
   * `foldCase` of firstName, lastName, username, email, for search and sort: every write of those
   * sets these too (users/store.ts `foldedUserColumns`; the database default '' is for migration).
   */
  firstNameFolded: Generated<string>;
  lastNameFolded: Generated<string>;
  usernameFolded: Generated<string>;
  emailFolded: Generated<string>;
};

export type UserEmailsTable = {
  id: string;
  userId: string;
  email: string;
  emailNormalized: string;
  verifiedAt: Timestamp | null;
  position: number;
  createdAt: Timestamp;
};

/**
 * One row per identity a user holds — their username's confusable skeleton, or the comparison
 * key of one of their email addresses — under one unique key (server/features/users/identities.ts).
 */
export type IdentitiesTable = {
  key: string;
  kind: 'username' | 'email';
  userId: string;
};

export type RolesTable = {
  id: string;
  organizationId: string;
  name: string;
  /** JSON array of permission names */
  permissions: Json;
  isSystem: boolean;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type MembershipsTable = {
  id: string;
  userId: string;
  organizationId: string;
  createdAt: Timestamp;
  /** Copy of the user's `status`, kept by triggers (migration 0022) for the grid's counts */
  userStatus: Generated<string>;
  /** Copy of the user's `created_at`, kept by triggers (migration 0022) for the grid's counts */
  userCreatedAt: Generated<Timestamp>;
};

export type MembershipRolesTable = {
  membershipId: string;
  roleId: string;
};

export type SessionsTable = {
  id: string;
  tokenHash: string;
  userId: string;
  organizationId: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  /** absolute expiry */
  expiresAt: Timestamp;
};

export type PasswordTokensTable = {
  id: string;
  userId: string;
  tokenHash: string;
  /** `self_service` (1 h) or `admin_reset` (24 h) */
  purpose: 'self_service' | 'admin_reset';
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
};

export type EmailVerificationsTable = {
  id: string;
  userEmailId: string;
  tokenHash: string;
  createdAt: Timestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
};

export type ApiKeysTable = {
  id: string;
  userId: string;
  organizationId: string;
  keyHash: string;
  /** the first characters of the key, for recognition */
  prefix: string;
  createdAt: Timestamp;
  lastUsedAt: Timestamp | null;
  lastUsedIp: string | null;
};

export type AvatarsTable = {
  userId: string;
  /** server-made file name stem under DATA_DIR/avatars */
  storageKey: string;
  createdAt: Timestamp;
};

export type CustomFieldType = 'text' | 'longtext' | 'number' | 'date' | 'boolean' | 'choice';

export type CustomFieldDefinitionsTable = {
  id: string;
  organizationId: string;
  /** machine name, unique in the organization */
  name: string;
  label: string;
  type: CustomFieldType;
  isRequired: boolean;
  /** JSON array of strings for `choice`, else null */
  choices: Json | null;
  position: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type CustomFieldValuesTable = {
  userId: string;
  fieldId: string;
  /** JSON value */
  value: Json;
};

/** `cancelled`: a scheduled person's email withdrawn before it went out (never claimed again). */
export type MailStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'cancelled';

export type MailOutboxTable = {
  id: string;
  organizationId: string | null;
  messageId: string;
  template: string;
  toAddress: string;
  toName: string | null;
  fromAddress: string;
  replyTo: string | null;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  nextAttemptAt: Timestamp;
  claimedBy: string | null;
  claimedAt: Timestamp | null;
  lastError: string | null;
  sentAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  /** JSON `MailEnvelope` (platform/mail/envelope.ts) of a person's email; null for system mail. */
  envelope: Generated<Json | null>;
  /** iCalendar text (with its METHOD) of an invitation or cancellation; null otherwise. */
  calendar: Generated<string | null>;
  /** `Content-Language` of a system email (its catalog's tag); null for a person's email. */
  contentLanguage: Generated<string | null>;
};

/** An uploaded file (an email attachment), under `DATA_DIR/files/<storageKey>`. */
export type FilesTable = {
  id: string;
  organizationId: string;
  uploaderId: string;
  fileName: string;
  /** Sniffed from the bytes, never taken from the client. */
  contentType: string;
  /** Bytes */
  size: number;
  storageKey: string;
  createdAt: Timestamp;
};

export type EmailBodyType = 'html' | 'text';

export type EmailTemplatesTable = {
  id: string;
  organizationId: string;
  name: string;
  subject: string;
  bodyType: EmailBodyType;
  content: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type EmailsTable = {
  id: string;
  organizationId: string;
  authorId: string;
  fromAddress: string;
  fromName: string | null;
  /** JSON arrays of `{ name, address }` */
  toRecipients: Json;
  ccRecipients: Json;
  bccRecipients: Json;
  subject: string;
  bodyType: EmailBodyType;
  /** Sanitized HTML as sent (signature included) */
  bodyHtml: string;
  bodyText: string;
  /** JSON array of user ids */
  activityTargetIds: Json;
  sendAt: Timestamp | null;
  messageId: string;
  inReplyToId: string | null;
  referencesHeader: string | null;
  outboxId: string;
  createdAt: Timestamp;
};

export type EmailAttachmentsTable = {
  emailId: string;
  fileId: string;
  position: number;
};

/**
 * How many events an organization's Audit Log shows per UTC day and action, kept by triggers
 * (migration 0028), summed over `shard` (one per PostgreSQL connection that wrote; 0 on SQLite).
 */
export type AuditEventDayCountsTable = {
  organizationId: string;
  /** The day's first instant, UTC */
  day: Timestamp;
  action: string;
  shard: number;
  count: number;
};

export type AuditEventsTable = {
  id: string;
  organizationId: string | null;
  actorUserId: string | null;
  subjectUserId: string | null;
  /** e.g. `session.signed_in`, `password.reset_by_admin` */
  action: string;
  ip: string | null;
  /** JSON object with non-secret details */
  details: Json;
  occurredAt: Timestamp;
};

export type SettingsValuesTable = {
  id: string;
  /** `system`, `organization` or `user` */
  scope: 'system' | 'organization' | 'user';
  /** '' for system, the organization id, or `<organizationId>/<userId>` */
  scopeId: string;
  key: string;
  /** JSON value */
  value: Json;
  updatedAt: Timestamp;
};

/** Changes to a menu defined in code, per organization or per user in one (migration 0011-menus). */
export type MenuUpdatesTable = {
  id: string;
  organizationId: string;
  /** null: the organization's default menus. */
  userId: string | null;
  /** The organization id, or `<organizationId>/<userId>`. */
  scopeId: string;
  menu: string;
  key: string;
  /** '' = the top level; null = where the definition puts it. */
  parentKey: string | null;
  /** 0-based place among its siblings; null = the definition's order. */
  position: number | null;
  /** null = not changed at this level. */
  isHidden: boolean | null;
  label: string | null;
  url: string | null;
  isCustom: Generated<boolean>;
  isDivider: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type RateLimitsTable = {
  key: string;
  count: number;
  resetAt: Timestamp;
};

export type CalendarEventsTable = {
  id: string;
  organizationId: string;
  /** the user whose calendar holds the event */
  ownerId: string;
  createdById: string | null;
  /** RFC 5545 UID, stable for the event's life (an exception shares its series' UID) */
  uid: string;
  title: string;
  description: string | null;
  isAllDay: boolean;
  startsAt: Timestamp;
  endsAt: Timestamp;
  /** all-day events: the dates as written (`YYYY-MM-DD`, end inclusive) */
  startDate: string | null;
  endDate: string | null;
  /** IANA time zone the recurrence is expanded in */
  timeZone: string;
  backgroundColor: string | null;
  /** RFC 5545 RRULE value (without `RRULE:`), null for a single event */
  recurrence: string | null;
  /** JSON array of cancelled occurrences' original starts (EXDATE) */
  exDates: Json;
  /** end of the last occurrence; null when the series never ends */
  seriesEndsAt: Timestamp | null;
  /** a changed occurrence: its series, and the occurrence's original start (RECURRENCE-ID) */
  recurringEventId: string | null;
  originalStart: string | null;
  sequence: Generated<number>;
  /** JSON array of `{method, minutesBefore}` */
  reminders: Json;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type AttendeeStatus = 'none' | 'accepted' | 'tentative' | 'declined';

export type CalendarEventAttendeesTable = {
  id: string;
  eventId: string;
  email: string;
  emailNormalized: string;
  displayName: string | null;
  userId: string | null;
  status: Generated<AttendeeStatus>;
  answeredAt: Timestamp | null;
  position: number;
  /** SHA-256 hex of the answer link's token in the latest invitation (never the token) */
  answerTokenDigest: Generated<string | null>;
};

/** A user's private iCalendar feed of their calendar in one organization. */
export type CalendarFeedsTable = {
  id: string;
  organizationId: string;
  userId: string;
  /** SHA-256 hex of the feed URL's random token (never the token) */
  tokenDigest: string;
  createdAt: Timestamp;
};

export type TaskPriority = 'low' | 'normal' | 'high';
export type TaskStatus = 'open' | 'in_progress' | 'closed';

export type TasksTable = {
  id: string;
  organizationId: string;
  ownerId: string;
  createdById: string | null;
  subject: string;
  description: string | null;
  dueAt: Timestamp | null;
  priority: TaskPriority;
  status: TaskStatus;
  /** The order of `priority` (low 0, normal 1, high 2), kept by the tasks store */
  priorityRank: Generated<number>;
  /** The workflow order of `status` (open 0, in_progress 1, closed 2), kept by the tasks store */
  statusRank: Generated<number>;
  /** JSON array of `{method, minutesBefore}` */
  reminders: Json;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type ReminderStatus = 'pending' | 'sent' | 'missed' | 'failed' | 'cancelled';

export type RemindersTable = {
  id: string;
  organizationId: string;
  kind: 'calendar_event' | 'task';
  recordId: string;
  /** an event occurrence's original start; '' for a task */
  occurrenceKey: Generated<string>;
  recipientId: string;
  minutesBefore: number;
  fireAt: Timestamp;
  status: ReminderStatus;
  attempts: Generated<number>;
  nextAttemptAt: Timestamp;
  lastError: string | null;
  sentAt: Timestamp | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

/** The kinds of record the Activity timeline shows (`activities.kind`). */
export type ActivityKind = 'email' | 'call' | 'calendar_event' | 'task';

/**
 * The denormalized Activity index (DESIGN.md §5): one row per record × target user, kept by the
 * record's feature in the record's transaction (features/activities/store.ts).
 */
export type ActivitiesTable = {
  id: string;
  organizationId: string;
  kind: ActivityKind;
  /** the id of the email, call, event or task */
  recordId: string;
  /** whose timeline shows it */
  targetUserId: string;
  /** who wrote, logged or assigned it; null once that user is deleted */
  authorId: string | null;
  /** when it happened: a call's date-time, an email's sending time, an event's start… */
  occurredAt: Timestamp;
  subject: string;
  /** a short kind-specific state (`completed`, `queued`, `sent`…), or null */
  status: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type CallStatus = 'in_progress' | 'completed';
export type CallDirection = 'incoming' | 'outgoing';

/** A logged call (OroCRM's Call); its activity targets are its `activities` rows. */
export type CallsTable = {
  id: string;
  organizationId: string;
  /** who logged it (OroCRM's owner); null once that user is deleted */
  authorId: string | null;
  subject: string;
  /** E.164 (with `;ext=`) when it parsed, else as typed */
  phoneNumber: string;
  /** "Additional comments" */
  notes: string | null;
  callDateTime: Timestamp;
  callStatus: CallStatus;
  direction: CallDirection;
  /** seconds, 0..86400 */
  duration: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
};

export type DB = {
  organizations: OrganizationsTable;
  users: UsersTable;
  userEmails: UserEmailsTable;
  identities: IdentitiesTable;
  roles: RolesTable;
  memberships: MembershipsTable;
  membershipRoles: MembershipRolesTable;
  sessions: SessionsTable;
  passwordTokens: PasswordTokensTable;
  emailVerifications: EmailVerificationsTable;
  apiKeys: ApiKeysTable;
  avatars: AvatarsTable;
  customFieldDefinitions: CustomFieldDefinitionsTable;
  customFieldValues: CustomFieldValuesTable;
  mailOutbox: MailOutboxTable;
  files: FilesTable;
  emailTemplates: EmailTemplatesTable;
  emails: EmailsTable;
  emailAttachments: EmailAttachmentsTable;
  auditEvents: AuditEventsTable;
  auditEventDayCounts: AuditEventDayCountsTable;
  settingsValues: SettingsValuesTable;
  rateLimits: RateLimitsTable;
  calendarEvents: CalendarEventsTable;
  calendarEventAttendees: CalendarEventAttendeesTable;
  calendarFeeds: CalendarFeedsTable;
  tasks: TasksTable;
  reminders: RemindersTable;
  activities: ActivitiesTable;
  calls: CallsTable;
  menuUpdates: MenuUpdatesTable;
};

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Organization = Selectable<OrganizationsTable>;
export type Role = Selectable<RolesTable>;
export type Session = Selectable<SessionsTable>;
export type MailOutboxRow = Selectable<MailOutboxTable>;
export type NewMailOutboxRow = Insertable<MailOutboxTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
