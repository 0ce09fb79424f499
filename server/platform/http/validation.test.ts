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
});
