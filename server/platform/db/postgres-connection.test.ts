import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresConnection } from './kysely';

const ours = ['-c TimeZone=UTC', '-c DateStyle=ISO'];

/** What pg would connect with, given the config (nothing is connected). */
function parameters(url: string) {
  const client = new pg.Client(postgresConnection(url, ours)) as unknown as {
    connectionParameters: Record<string, unknown>;
  };
  return client.connectionParameters;
}

describe('postgresConnection (the URL as pg reads it, our session settings after its options)', () => {
  const saved = process.env.PGOPTIONS;
  afterEach(() => {
    if (saved === undefined) delete process.env.PGOPTIONS;
    else process.env.PGOPTIONS = saved;
  });

  it('puts our settings after the options the URL gives, and leaves the rest of the URL to pg', () => {
    delete process.env.PGOPTIONS;
    const url =
      'postgresql://u:p%20w@db.example.test:6543/crm?ssl=no-verify&options=-c%20statement_timeout%3D5000&application_name=atrium';
    expect(parameters(url)).toMatchObject({
      user: 'u',
      password: 'p w',
      host: 'db.example.test',
      port: 6543,
      database: 'crm',
      ssl: { rejectUnauthorized: false },
      application_name: 'atrium',
      options: '-c statement_timeout=5000 -c TimeZone=UTC -c DateStyle=ISO',
    });
  });

  it.each([
    ['postgres://postgres@127.0.0.1:5432/test', '127.0.0.1', 'test'],
    ['postgresql://postgres@localhost/test?host=/var/run/postgresql', '/var/run/postgresql', 'test'],
    ['postgres://u@[::1]:5432/test?sslmode=disable', '::1', 'test'],
  ])('reads %s as pg does, with our settings alone when it has no options', (url, host, database) => {
    delete process.env.PGOPTIONS;
    expect(parameters(url)).toMatchObject({ host, database, options: ours.join(' ') });
  });

  it('takes PGOPTIONS when the URL gives no options (an empty one included), as pg does', () => {
    process.env.PGOPTIONS = '-c search_path=crm';
    expect(parameters('postgres://u@h/db').options).toBe(`-c search_path=crm ${ours.join(' ')}`);
    expect(parameters('postgres://u@h/db?options=').options).toBe(`-c search_path=crm ${ours.join(' ')}`);
    expect(parameters('postgres://u@h/db?options=-c%20work_mem%3D8MB').options).toBe(
      `-c work_mem=8MB ${ours.join(' ')}`,
    );
  });

  it('drops an unpaired backslash at the end of their options, which would escape the space before ours', () => {
    delete process.env.PGOPTIONS;
    expect(parameters('postgres://u@h/db?options=-c%20application_name%3Da%5C').options).toBe(
      `-c application_name=a ${ours.join(' ')}`,
    );
    expect(parameters('postgres://u@h/db?options=-c%20application_name%3Da%5C%5C').options).toBe(
      `-c application_name=a\\\\ ${ours.join(' ')}`,
    );
  });
});
