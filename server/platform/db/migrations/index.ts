import type { Migration } from 'kysely';
import * as identity from './0001-identity';
import * as mailOutbox from './0002-mail-outbox';
import * as profile from './0003-profile';
import * as passwords from './0004-passwords';
import * as apiKeys from './0005-api-keys';
import * as accountSecurity from './0006-account-security';
import * as identities from './0007-identities';
import * as listIndexes from './0008-list-indexes';
import * as activities from './0009-activities';
import * as emails from './0010-emails';
import * as menus from './0011-menus';
import * as calendar from './0012-calendar';
import * as calendarInvitations from './0013-calendar-invitations';
import * as auditActionIndex from './0016-audit-action-index';
import * as taskRanks from './0017-task-ranks';
import * as mailLanguage from './0018-mail-language';
import * as activityRecordLookups from './0019-activity-record-lookups';
import * as nullRankSortIndexes from './0020-null-rank-sort-indexes';
import * as credentialNotifications from './0021-credential-notifications';
import * as membershipUserFacets from './0022-membership-user-facets';
import * as accountLevelAuditIndexes from './0023-account-level-audit-indexes';
import * as userDocumentNotifications from './0024-user-document-notifications';
import * as deferredUserSearch from './0025-deferred-user-search';
import * as userRowNotNotified from './0026-user-row-not-notified';
import * as cacheGenerations from './0027-cache-generations';
import * as auditDayCounts from './0028-audit-day-counts';
import * as outboxSentRankIndex from './0029-outbox-sent-rank-index';

/** Every migration, in order. Names are permanent: never rename or reorder a shipped one. */
export const migrations: Record<string, Migration> = {
  '0001-identity': identity,
  '0002-mail-outbox': mailOutbox,
  '0003-profile': profile,
  '0004-passwords': passwords,
  '0005-api-keys': apiKeys,
  '0006-account-security': accountSecurity,
  '0007-identities': identities,
  '0008-list-indexes': listIndexes,
  '0009-activities': activities,
  '0010-emails': emails,
  '0011-menus': menus,
  '0012-calendar': calendar,
  '0013-calendar-invitations': calendarInvitations,
  '0016-audit-action-index': auditActionIndex,
  '0017-task-ranks': taskRanks,
  '0018-mail-language': mailLanguage,
  '0019-activity-record-lookups': activityRecordLookups,
  '0020-null-rank-sort-indexes': nullRankSortIndexes,
  '0021-credential-notifications': credentialNotifications,
  '0022-membership-user-facets': membershipUserFacets,
  '0023-account-level-audit-indexes': accountLevelAuditIndexes,
  '0024-user-document-notifications': userDocumentNotifications,
  '0025-deferred-user-search': deferredUserSearch,
  '0026-user-row-not-notified': userRowNotNotified,
  '0027-cache-generations': cacheGenerations,
  '0028-audit-day-counts': auditDayCounts,
  '0029-outbox-sent-rank-index': outboxSentRankIndex,
};
