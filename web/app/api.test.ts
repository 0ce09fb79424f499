import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrors } from './api';

const error = (status: string, code: string, detail: string, pointer?: string) => ({
  status,
  code,
  detail,
  ...(pointer === undefined ? {} : { source: { pointer } }),
});

describe('fieldErrors (a 422 mapped onto a form)', () => {
  it('maps attribute pointers to field names, nested ones to dot paths', () => {
    const failure = new ApiError(422, [
      error('422', 'username_taken', 'This username is already taken.', '/data/attributes/username'),
      error('422', 'invalid_email', 'Enter an email address.', '/data/attributes/emails/0/email'),
    ]);
    expect(fieldErrors(failure)).toEqual({
      username: 'This username is already taken.',
      'emails.0.email': 'Enter an email address.',
    });
  });

  it('keeps the first message of a field', () => {
    const failure = new ApiError(422, [
      error('422', 'password_too_short', 'Too short.', '/data/attributes/password'),
      error('422', 'password_common_password', 'Too common.', '/data/attributes/password'),
    ]);
    expect(fieldErrors(failure)).toEqual({ password: 'Too short.' });
  });

  it('unescapes JSON pointer segments (~1 is "/", ~0 is "~")', () => {
    const failure = new ApiError(422, [error('422', 'invalid', 'Bad.', '/data/attributes/a~1b~0c')]);
    expect(fieldErrors(failure)).toEqual({ 'a/b~c': 'Bad.' });
  });

  it('ignores errors that point elsewhere or nowhere, and anything that is not an ApiError', () => {
    const failure = new ApiError(409, [
      error('409', 'stale_record', 'Changed meanwhile.'),
      error('422', 'role_not_found', 'No such role.', '/data/relationships/roles/data/0/id'),
      error('400', 'invalid', 'Bad.', '/data/attributes/'),
    ]);
    expect(fieldErrors(failure)).toEqual({});
    expect(fieldErrors(new Error('network'))).toEqual({});
    expect(fieldErrors(undefined)).toEqual({});
  });
});
