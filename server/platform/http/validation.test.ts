import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeParseWithOwnWords } from './issue-words';
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

describe('our own words for every kind of problem zod finds', () => {
  const zodEnglish =
    /expected|Invalid input|Invalid option|Too big|Too small|Invalid string|Invalid key|Unrecognized/i;
  const detailsOf = (schema: z.ZodType, value: unknown, location: 'body' | 'querystring' = 'body') => {
    const result = safeParseWithOwnWords(schema, value);
    if (result.success) throw new Error('expected a failure');
    return validationErrorDetails(result.error.issues, location).errors;
  };

  it('writes each detail from the particulars, never in zod’s English', () => {
    const cases: [z.ZodType, unknown][] = [
      [z.string(), 5],
      [z.strictObject({ a: z.string() }), {}],
      [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
      [z.string().max(3), 'abcd'],
      [z.string().min(3), 'ab'],
      [z.number().max(3), 4],
      [z.number().lt(3), 3],
      [z.number().gt(3), 3],
      [z.number().int(), 1.5],
      [z.number().int(), 1e20],
      [z.array(z.string()).max(1), ['a', 'b']],
      [z.array(z.string()).min(2), ['a']],
      [z.enum(['open', 'done']), 'x'],
      [z.literal('email'), 'sms'],
      [z.email(), 'no'],
      [z.uuid(), 'no'],
      [z.iso.datetime(), 'no'],
      [z.iso.date(), 'no'],
      [z.string().regex(/^a+$/), 'b'],
      [z.string().startsWith('a'), 'b'],
      [z.string().endsWith('a'), 'b'],
      [z.string().includes('a'), 'b'],
      [z.number().multipleOf(5), 7],
      [z.union([z.string(), z.number()]), true],
      [z.record(z.string().max(2), z.string()), { long: 'x' }],
      [z.map(z.string(), z.string()), new Map([['a', 1]])],
      [z.string().refine(() => false), 'x'],
      [z.date().max(new Date('2026-01-01')), new Date('2027-01-01')],
    ];
    for (const [schema, value] of cases) {
      for (const error of detailsOf(schema, value)) {
        expect(error.detail, `${JSON.stringify(error)}`).not.toMatch(zodEnglish);
        expect(error.detail).toMatch(/^[A-Z"].*\.$/);
      }
    }
  });

  it('keeps a schema’s own message, and says the bound in the detail', () => {
    expect(detailsOf(z.string().max(3, 'At most three.'), 'abcd')[0]?.detail).toBe('At most three.');
    expect(detailsOf(z.string().max(255), 'x'.repeat(256))[0]?.detail).toBe(
      'This text can have at most 255 characters.',
    );
    expect(detailsOf(z.enum(['open', 'done']), 'x')[0]?.detail).toBe(
      'This value must be one of "open", "done".',
    );
  });

  it('answers one error per field: the tightest bound or the rule’s own', () => {
    const errors = detailsOf(z.strictObject({ duration: z.number().int().min(0).max(86_400) }), {
      duration: 1e20,
    });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'too_big', meta: expect.objectContaining({ maximum: 86_400 }) }),
    ]);
    const negative = detailsOf(z.number().int().min(0).max(10), -1e20);
    expect(negative).toEqual([
      expect.objectContaining({ code: 'too_small', meta: expect.objectContaining({ minimum: 0 }) }),
    ]);
    const ruled = detailsOf(
      z
        .string()
        .max(5)
        .superRefine((_value, ctx) =>
          ctx.addIssue({ code: 'custom', message: 'Mine.', params: { reason: 'too_long', maximum: 2 } }),
        ),
      'abcdefgh',
    );
    expect(ruled).toEqual([expect.objectContaining({ code: 'custom', detail: 'Mine.' })]);
  });

  it('answers a bad query parameter with 400 and source.parameter, a missing required one as parameter_required', () => {
    const query = z.strictObject({
      'filter[name]': z.string().max(4).optional(),
      scope: z.enum(['user']).optional(),
      owner: z.string(),
    });
    const result = safeParseWithOwnWords(query, { 'filter[name]': 'x'.repeat(5000), scope: 'x' });
    if (result.success) throw new Error('expected a failure');
    const { status, errors } = validationErrorDetails(result.error.issues, 'querystring');
    expect(status).toBe(400);
    expect(errors.map((error) => [error.status, error.code, error.source])).toEqual([
      ['400', 'too_big', { parameter: 'filter[name]' }],
      ['400', 'invalid_value', { parameter: 'scope' }],
      ['400', 'parameter_required', { parameter: 'owner' }],
    ]);
  });
});
