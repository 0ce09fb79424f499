import { describe, expect, it } from 'vitest';
import { characterCount, customFieldValueProblem, emailProblem, userProfileUpdateSchema } from './profile';

describe('profile rules shared by the server and the form', () => {
  it('counts characters as code points', () => {
    expect(characterCount('🎉🎉')).toBe(2);
    expect(characterCount('e\u0301')).toBe(2);
  });

  it.each([
    ['name@example.com', null],
    ['first.last+tag@sub.example.co.uk', null],
    ['jörg@bücher.de', null],
    ['a@b', 'domain'],
    ['@example.com', 'before'],
    ['a@@example.com', 'exactly one'],
    ['a b@example.com', 'spaces'],
    ['a@example.com\n', 'spaces'],
    ['.a@example.com', 'not allowed'],
    [`${'x'.repeat(65)}@example.com`, '64'],
  ])('email %j', (value, problem) => {
    const result = emailProblem(value);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });

  it('keeps inner content exactly and refuses edge spaces and control characters', () => {
    expect(userProfileUpdateSchema.parse({ firstName: 'Anne  Marie' }).firstName).toBe('Anne  Marie');
    expect(userProfileUpdateSchema.safeParse({ firstName: ' Anne' }).success).toBe(false);
    expect(userProfileUpdateSchema.safeParse({ lastName: 'A\u0000' }).success).toBe(false);
    expect(userProfileUpdateSchema.safeParse({ unknown: 1 }).success).toBe(false);
  });

  it('checks custom values by type', () => {
    const rule = { label: 'Size', type: 'choice' as const, isRequired: true, choices: ['S', 'M'] };
    expect(customFieldValueProblem(rule, 'S')).toBeNull();
    expect(customFieldValueProblem(rule, 'XL')).toContain('one of');
    expect(customFieldValueProblem(rule, null)).toContain('required');
    expect(customFieldValueProblem({ ...rule, type: 'number' }, Number.NaN)).toContain('number');
    expect(customFieldValueProblem({ ...rule, type: 'longtext' }, 'a\nb')).toBeNull();
    expect(customFieldValueProblem({ ...rule, type: 'text' }, 'a\nb')).toContain('line breaks');
  });
});
