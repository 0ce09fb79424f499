import { describe, expect, it } from 'vitest';
import { applySparseFieldset, collectionDocument, type ResourceObject, resourceDocument } from './document';

const user: ResourceObject = {
  type: 'users',
  id: 'u1',
  attributes: { username: 'ada', email: 'ada@example.com', firstName: 'Ada' },
  relationships: { organization: { data: { type: 'organizations', id: 'o1' } } },
  links: { self: '/api/users/u1' },
  meta: { version: 3 },
};

describe('resourceDocument / collectionDocument', () => {
  it('wraps one resource with the JSON:API version and only the members given', () => {
    expect(resourceDocument(user)).toEqual({ jsonapi: { version: '1.1' }, data: user });
    expect(resourceDocument(null, { meta: { note: 'none' } })).toEqual({
      jsonapi: { version: '1.1' },
      data: null,
      meta: { note: 'none' },
    });
  });

  it('wraps a collection with included, meta and links', () => {
    const organization: ResourceObject = { type: 'organizations', id: 'o1', attributes: { name: 'Acme' } };
    const document = collectionDocument([user], {
      included: [organization],
      meta: { totalCount: 1 },
      links: { self: '/api/users' },
    });
    expect(document).toEqual({
      jsonapi: { version: '1.1' },
      data: [user],
      included: [organization],
      meta: { totalCount: 1 },
      links: { self: '/api/users' },
    });
    expect(collectionDocument([])).toEqual({ jsonapi: { version: '1.1' }, data: [] });
  });
});

describe('applySparseFieldset', () => {
  it('keeps only the listed attributes and relationships of that type', () => {
    expect(applySparseFieldset(user, { users: ['username', 'organization'] })).toEqual({
      type: 'users',
      id: 'u1',
      attributes: { username: 'ada' },
      relationships: { organization: { data: { type: 'organizations', id: 'o1' } } },
      links: { self: '/api/users/u1' },
      meta: { version: 3 },
    });
  });

  it('keeps every field when the type is not listed, and none for an empty list', () => {
    expect(applySparseFieldset(user, { organizations: ['name'] })).toBe(user);
    expect(applySparseFieldset(user, { users: [] })).toMatchObject({ attributes: {}, relationships: {} });
  });

  it('does not change the original and ignores fields the resource lacks', () => {
    const sparse = applySparseFieldset(user, { users: ['email', 'nope', 'toString'] });
    expect(sparse.attributes).toEqual({ email: 'ada@example.com' });
    expect(sparse.relationships).toEqual({});
    expect(user.attributes).toHaveProperty('firstName', 'Ada');
  });

  it('does not treat inherited names as listed types', () => {
    const record: ResourceObject = { type: 'constructor', id: '1', attributes: { a: 1 } };
    expect(applySparseFieldset(record, {})).toBe(record);
  });
});
