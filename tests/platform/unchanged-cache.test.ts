import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/platform/db/kysely';
import { rememberWhileUnchanged } from '../../server/platform/db/prepared';
import type { TestApp } from '../helpers/app';
import { buildAdmin, buildMember } from '../helpers/factories';
import { giveApiKey } from '../helpers/scenarios';
import { closeTwoInstances, openTwoInstances, settleAcrossInstances } from '../helpers/second-instance';

/**
 * Values kept while the database is unchanged (prepared.ts `rememberWhileUnchanged`: the users
 * grid's pages): on SQLite until any commit, on PostgreSQL while the database's snapshot, read in a
 * round trip on the listening connection with each use, shows no commit since the value was
 * computed. Two app instances on one database stand for two processes: a change through the first
 * shows at once in the second's list (on SQLite after the reader's documented version age, 1 ms).
 */
describe('values kept while the database is unchanged', () => {
  let t: TestApp;
  let second: Database;
  let secondApp: FastifyInstance;
  beforeAll(async () => {
    ({ t, second, secondApp } = await openTwoInstances({ listening: true }));
  });
  afterAll(() => closeTwoInstances({ t, second, secondApp }));

  const settle = settleAcrossInstances;

  it("the users grid shows another instance's change at once: a rename, a new member, a removed one", async () => {
    const admin = await buildAdmin(t);
    const key = await giveApiKey(t, admin);
    const names = async () => {
      const answer = await secondApp.inject({
        method: 'GET',
        url: '/api/users?page[size]=100&sort=username',
        headers: { authorization: `Bearer ${key}` },
      });
      expect(answer.statusCode, answer.body).toBe(200);
      return (answer.json().data as { id: string; attributes: { firstName: string } }[]).map(
        (user) => `${user.id}:${user.attributes.firstName}`,
      );
    };
    const member = await buildMember(t, admin.organization);
    await settle();
    const before = await names();
    expect(before).toContain(`${member.id}:Test`);
    expect(await names()).toEqual(before);

    await t.deps.db.updateTable('users').set({ firstName: 'Renamed' }).where('id', '=', member.id).execute();
    await settle();
    expect(await names()).toContain(`${member.id}:Renamed`);

    const newcomer = await buildMember(t, admin.organization);
    await settle();
    expect(await names()).toContain(`${newcomer.id}:Test`);

    await t.deps.db.deleteFrom('memberships').where('userId', '=', newcomer.id).execute();
    await settle();
    const after = await names();
    expect(after.some((entry) => entry.startsWith(newcomer.id))).toBe(false);

    // A rolled-back change shows nothing.
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ firstName: 'Never' }).where('id', '=', member.id).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await settle();
    expect(await names()).toEqual(after);
  });

  describe('the rule itself, on the second instance', () => {
    /** A value that counts its computations: a kept answer repeats the count. */
    const counter = () => {
      let computed = 0;
      return async () => ++computed;
    };
    /** Commits a write through the first instance, to tables the value does not read. */
    const commitSomething = async () => {
      const admin = await buildAdmin(t);
      await t.deps.db.updateTable('users').set({ middleName: 'M' }).where('id', '=', admin.id).execute();
    };

    it('keeps a value while nothing commits', async () => {
      const compute = counter();
      // The other test files commit meanwhile; some pair of uses sees none between them.
      let kept = false;
      for (let attempt = 0; attempt < 500 && !kept; attempt++) {
        const first = await rememberWhileUnchanged(second.db, 'counted', compute);
        kept = (await rememberWhileUnchanged(second.db, 'counted', compute)) === first;
      }
      expect(kept).toBe(true);
    });

    it('computes again after any commit, of any table, through any process', async () => {
      const compute = counter();
      const first = await rememberWhileUnchanged(second.db, 'after-commit', compute);
      await commitSomething();
      await settle();
      expect(await rememberWhileUnchanged(second.db, 'after-commit', compute)).toBe(first + 1);
    });

    it('does not keep past a commit a value computed while it landed', async () => {
      let computed = 0;
      const compute = async () => {
        computed++;
        if (computed === 1) await commitSomething();
        return computed;
      };
      expect(await rememberWhileUnchanged(second.db, 'across-commit', compute)).toBe(1);
      await settle();
      expect(await rememberWhileUnchanged(second.db, 'across-commit', compute)).toBe(2);
    });

    it('concurrent uses that miss together compute once', async () => {
      const compute = counter();
      await commitSomething();
      await settle();
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => rememberWhileUnchanged(second.db, 'together', compute)),
      );
      // The first use reads one snapshot, the others share the next round trip's: at most two
      // computations (one if no commit landed between the two), not one per use.
      expect(new Set(answers).size).toBeLessThanOrEqual(2);
      expect(Math.max(...answers)).toBeLessThanOrEqual(2);
    });
  });
});
