import { z } from 'zod';

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
    ...(options.id ? { id: z.string().max(64).optional() } : {}),
    attributes,
    ...(options.relationships ? { relationships: options.relationships } : {}),
  });
  return z.strictObject({ data });
}

/** `{ data: { type, id } }` of a to-one relationship. */
export function toOne(type: string) {
  return z.strictObject({
    data: z.strictObject({ type: z.literal(type), id: z.string().min(1).max(64) }),
  });
}

/** `{ data: [{ type, id }…] }` of a to-many relationship. */
export function toMany(type: string) {
  return z.strictObject({
    data: z.array(z.strictObject({ type: z.literal(type), id: z.string().min(1).max(64) })).max(100),
  });
}

/** A path parameter that is a record id or `me`. */
export const userIdParams = z.strictObject({ id: z.string().min(1).max(64) });
