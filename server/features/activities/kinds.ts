import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ActivityKind, DB } from '../../platform/db/schema';
import type { Actor } from '../../platform/http/access';
import type { ResourceObject } from '../../platform/http/jsonapi';

/** Who reads the timeline, and when (for what depends on the clock, like `scheduled`). */
export type ActivityViewer = { actor: Actor; now: Date };

/**
 * What the timeline needs from a feature whose records appear in it. A feature adds its kind by
 * writing one of these next to its presenter and registering it (`registerActivityKind`) in the
 * table of contents, `features/index.ts`, before the timeline's routes; the timeline route, its
 * OpenAPI description, `filter[type]` and `fields[type]` follow. The activities feature imports
 * no kind's feature: the kinds depend on it, never the other way.
 */
export type ActivityKindDefinition = {
  /** `activities.kind` of its rows */
  kind: ActivityKind;
  /** its JSON:API type (`emails`, `calls`, `calendarevents`, `tasks`): what `filter[type]` names */
  type: string;
  /** the presenter's resource schema (the timeline's items are one of these) */
  resource: z.ZodType;
  /** the fields `fields[<type>]` may pick */
  fields: readonly string[];
  /**
   * Whether the actor may see this kind on a timeline they may read (default: yes). A kind the
   * actor may not see is left out in SQL: neither its items nor the total count reveal it.
   */
  isVisibleTo?(actor: Actor, targetUserId: string): boolean;
  /**
   * The resource objects of the records among `recordIds` of the organization, by record id
   * (each as its own GET presents it to `viewer.actor` at `viewer.now`, e.g. an email's Bcc to its
   * author only and its live delivery status). A record gone since the index was read, or one its
   * own GET would answer 404 to the viewer, is simply absent.
   */
  present(
    db: Kysely<DB>,
    organizationId: string,
    recordIds: readonly string[],
    viewer: ActivityViewer,
  ): Promise<Map<string, ResourceObject>>;
};

const registeredKinds: ActivityKindDefinition[] = [];

/** Every kind the timeline shows, in the order they were registered (`filter[type]` lists them so). */
export const activityKinds: readonly ActivityKindDefinition[] = registeredKinds;

/**
 * Adds a kind to the timeline. Registering the same definition again changes nothing (every test
 * app registers the features anew in one process); another definition of a registered kind is a
 * programming error.
 */
export function registerActivityKind(definition: ActivityKindDefinition): void {
  const registered = activityKindOf(definition.kind);
  if (registered === definition) return;
  if (registered) throw new Error(`The activity kind ${definition.kind} is registered twice.`);
  registeredKinds.push(definition);
}

export function activityKindOf(kind: ActivityKind): ActivityKindDefinition | undefined {
  return activityKinds.find((definition) => definition.kind === kind);
}
