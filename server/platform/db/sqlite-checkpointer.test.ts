import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKPOINTER_AFTER_COMMITS, type Database, openDatabase } from './kysely';
import { BACKSTOP_PAGES } from './sqlite-checkpointer';

/**
 * WAL checkpoints on a thread of their own (sqlite-checkpointer.ts): once a database keeps
 * writing, what it committed reaches the database file without the writing connection copying
 * it. Always on a SQLite file of its own, whatever DATABASE_URL says: this is SQLite's mechanism.
 */
describe('SQLite checkpointer', () => {
  let dataDir: string;
  let database: Database;
  const file = () => path.join(dataDir, 'atrium.db');

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-checkpointer-'));
    database = openDatabase({ database: { kind: 'sqlite', file: file() } });
    await sql`create table notes (id integer primary key, body text not null)`.execute(database.db);
  });

  afterAll(async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Rows of `notes` in the database file alone, as a copy without its `-wal` sees them (0: no table yet; −1: a torn copy). */
  const rowsInTheFileAlone = (): number => {
    const copy = path.join(dataDir, `copy-${Date.now()}-${Math.random()}.db`);
    fs.copyFileSync(file(), copy);
    const reader = new SqliteDatabase(copy, { readonly: true });
    try {
      const table = reader.prepare("select 1 from sqlite_master where name = 'notes'").get();
      return table ? (reader.prepare('select count(*) from notes').pluck().get() as number) : 0;
    } catch (error) {
      // A plain file copy taken while the thread writes pages into the file can be torn (no lock
      // is taken): that copy shows nothing yet, and the next poll copies again.
      if ((error as { code?: string }).code === 'SQLITE_CORRUPT') return -1;
      throw error;
    } finally {
      reader.close();
      fs.rmSync(copy, { force: true });
    }
  };

  it('copies the log into the file while the writer keeps writing, far below its own threshold', async () => {
    const writes = CHECKPOINTER_AFTER_COMMITS + 50;
    for (let index = 0; index < writes; index++) {
      await sql`insert into notes (body) values (${`note ${index}`})`.execute(database.db);
    }
    // A few hundred small commits: far fewer pages than the writer's own threshold, so only
    // the thread can have copied them. Polled: the thread runs on its own schedule.
    expect(writes).toBeLessThan(BACKSTOP_PAGES / 2);
    const deadline = Date.now() + 20_000;
    let seen = rowsInTheFileAlone();
    while (seen < writes && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = rowsInTheFileAlone();
    }
    expect(seen).toBe(writes);
  });

  it('keeps the database consistent for other connections and closes cleanly', async () => {
    const other = new SqliteDatabase(file(), { readonly: true });
    try {
      const count = other.prepare('select count(*) from notes').pluck().get() as number;
      expect(count).toBe(CHECKPOINTER_AFTER_COMMITS + 50);
      expect(other.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      other.close();
    }
  });
});
