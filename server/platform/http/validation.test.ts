import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationErrorDetails } from './validation';

describe('validation errors', () => {
  const schema = z.strictObject({
    data: z.strictObject({
      subject: z.string(),
      done: z.boolean(),
      count: z.number(),
      tags: z.array(z.string()),
    }),
  });
  const errorsOf = (body: unknown) => {
    const result = schema.safeParse(body);
    if (result.success) throw new Error('expected a failure');
    return validationErrorDetails(result.error.issues, 'body').errors;
  };

  it('tells a missing value from a value of the wrong type, with a pointer to it', () => {
    const errors = errorsOf({ data: { subject: 12345, count: 'seven', tags: 'x' } });
    const byPointer = Object.fromEntries(
      errors.map((error) => [
        error.source && 'pointer' in error.source ? error.source.pointer : '',
        error.detail,
      ]),
    );
    expect(byPointer).toEqual({
      '/data/subject': 'This value must be text (a JSON string).',
      '/data/done': 'This value is required.',
      '/data/count': 'This value must be a number.',
      '/data/tags': 'This value must be a list (a JSON array).',
    });
    expect(errors.every((error) => error.status === '400')).toBe(true);
  });

  it('sends the particulars of each problem in meta, so a client words it without the English detail', () => {
    const rules = z.strictObject({
      name: z.string().min(1).max(5),
      size: z.number().int().gt(0).max(100),
      status: z.enum(['open', 'done']),
      email: z.email(),
      step: z.number().multipleOf(5),
      tags: z.array(z.string()).max(1),
    });
    const result = rules.safeParse({
      name: 'too long',
      size: 0,
      status: 'x',
      email: 'no',
      step: 7,
      tags: ['a', 'b'],
    });
    if (result.success) throw new Error('expected a failure');
    const byField = Object.fromEntries(
      validationErrorDetails(result.error.issues, 'body').errors.map((error) => [
        error.source && 'pointer' in error.source ? error.source.pointer : '',
        { code: error.code, meta: error.meta },
      ]),
    );
    expect(byField).toEqual({
      '/name': { code: 'too_big', meta: { maximum: 5, origin: 'string', inclusive: true } },
      '/size': { code: 'too_small', meta: { minimum: 0, origin: 'number', inclusive: false } },
      '/status': { code: 'invalid_value', meta: { allowed: ['open', 'done'] } },
      '/email': { code: 'invalid_format', meta: { format: 'email' } },
      '/step': { code: 'not_multiple_of', meta: { divisor: 5 } },
      '/tags': { code: 'too_big', meta: { maximum: 1, origin: 'array', inclusive: true } },
    });
  });
});
