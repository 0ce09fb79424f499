import { describe, expect, it } from 'vitest';
import { apiPath, apiPaths } from './api-paths';

describe('apiPath', () => {
  it('fills in the parameters, URL-encoded', () => {
    expect(apiPath('/api/users/{id}/api-key', { id: 'me' })).toBe('/api/users/me/api-key');
    expect(apiPath('/api/menus/{menu}/items/{key}', { menu: 'user_menu', key: 'a/b c' })).toBe(
      '/api/menus/user_menu/items/a%2Fb%20c',
    );
    expect(apiPaths.users).toBe('/api/users');
    expect(apiPaths.user('../sessions')).toBe('/api/users/..%2Fsessions');
  });
});
