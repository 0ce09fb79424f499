import { z } from 'zod';
import { addFault, limitedText, requiredFault } from '../../../common/profile';

/** The longest id a body may send (`data.id`, a relationship's `id`): ids are UUIDs or words like `me`. */
export const MAX_BODY_ID_LENGTH = 64;

/**
 * An id sent in a body (`data.id`, a relationship's `id`): a non-empty text of at most
 * `MAX_BODY_ID_LENGTH` code points, refused past it with the one `too_long` shape every bounded body
 * text answers (`custom`, `meta: {reason: 'too_long', maximum: 64}`), never zod's `too_big`. Whether
 * it names a record is the route's check (404 / 409), not the schema's.
 */
export const bodyId = limitedText('The id', MAX_BODY_ID_LENGTH).superRefine((value, ctx) => {
  if (value === '') addFault(ctx, requiredFault('The id'));
});

/**
 * Zod builders for JSON:API request documents. Every object is strict: an unknown member
 * (`isAdmin`, `organizationId`, `passwordHash` …) is refused with a pointer, never dropped.
 */
export function resourceBody<A extends z.ZodType, R extends z.ZodType | undefined = undefined>(
  type: string,
  attributes: A,
  options: { relationships?: R; id?: boolean } = {},
) {
  const data = z.strictObject({
    type: z.literal(type, { error: `The type must be "${type}".` }),
    ...(options.id ? { id: bodyId.optional() } : {}),
    attributes,
    ...(options.relationships ? { relationships: options.relationships } : {}),
  });
  return z.strictObject({ data });
}

/** `{ data: { type, id } }` of a to-one relationship. */
export function toOne(type: string) {
  return z.strictObject({
    data: z.strictObject({ type: z.literal(type), id: bodyId }),
  });
}

/** `{ data: [{ type, id }…] }` of a to-many relationship. */
export function toMany(type: string) {
  return z.strictObject({
    data: z.array(z.strictObject({ type: z.literal(type), id: bodyId })).max(100),
  });
}

/** A path parameter that is a record id or `me`. */
export const userIdParams = z.strictObject({ id: z.string().min(1).max(64) });
