import { describe, expect, it } from 'vitest';
import { ApiError, type ApiErrorObject } from '../app/api';
import { routeServerErrors } from './server-errors';

const failure = (...errors: Partial<ApiErrorObject>[]) =>
  new ApiError(
    422,
    errors.map((error) => ({ status: '422', code: 'invalid', detail: 'Invalid.', ...error })),
  );

describe('routeServerErrors', () => {
  it('sends an error pointing at a field of the form to that field, nested pointers as dot paths', () => {
    const routed = routeServerErrors(
      failure(
        { source: { pointer: '/data/attributes/username' }, detail: 'The username is taken.' },
        { source: { pointer: '/data/attributes/emails/1/email' }, detail: 'Not an email.' },
      ),
      ['username', 'emails'],
    );
    expect(routed).toEqual({
      fields: { username: 'The username is taken.', 'emails.1.email': 'Not an email.' },
      form: null,
    });
  });

  it('sends errors without a pointer, or pointing at a field the form lacks, to the form-level message', () => {
    const routed = routeServerErrors(
      failure(
        { detail: 'The record was changed by someone else.' },
        { source: { pointer: '/data/attributes/enabled' }, detail: 'Cannot disable yourself.' },
        { source: { parameter: 'filter[name]' }, detail: 'Too long.' },
      ),
      ['username'],
    );
    expect(routed.fields).toEqual({});
    expect(routed.form).toBe('The record was changed by someone else. Cannot disable yourself. Too long.');
  });

  it('maps extra pointers (relationships) to the named field; the first message per field wins', () => {
    const routed = routeServerErrors(
      failure(
        { source: { pointer: '/data/relationships/roles/data/0' }, detail: 'No such role.' },
        { source: { pointer: '/data/relationships/roles' }, detail: 'Second.' },
      ),
      ['roleIds'],
      { '/data/relationships/roles': 'roleIds' },
    );
    expect(routed).toEqual({ fields: { roleIds: 'No such role.' }, form: null });
  });

  it('shows a catalogued code in the catalog words, not the server detail', async () => {
    await import('../i18n/lazy/errors');
    const routed = routeServerErrors(
      new ApiError(0, [{ status: '0', code: 'network_error', detail: 'server words' }]),
      [],
    );
    expect(routed.form).toBe('The server could not be reached. Check your connection and try again.');
  });

  it('shows a non-API failure by its message', () => {
    expect(routeServerErrors(new Error('boom'), ['username'])).toEqual({ fields: {}, form: 'boom' });
  });
});
