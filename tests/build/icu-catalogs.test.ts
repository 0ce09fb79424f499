import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../scripts/icu-catalogs';

type Compiled = ((values?: Record<string, unknown>) => string) & { argumentNames?: readonly string[] };
type CompiledTree = { [key: string]: Compiled | CompiledTree };

const catalogFile = (relative: string) =>
  fileURLToPath(new URL(`../../web/i18n/${relative}`, import.meta.url));

/** Runs the module the build makes of a catalog file (its runtime imports resolved from here). */
async function compiledNamespace(
  relative: string,
  language: string,
  namespace: string,
): Promise<CompiledTree> {
  const code = (await compileCatalog(catalogFile(relative), language)).replace(
    /from "(@messageformat\/runtime[^"]*)"/g,
    (_match, specifier: string) => `from "${import.meta.resolve(specifier)}"`,
  );
  const module: Record<string, CompiledTree | undefined> = await import(
    `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
  );
  const messages = module[namespace];
  if (!messages) throw new Error(`${relative} exports no ${namespace}`);
  return messages;
}

/** The build step of scripts/icu-catalogs.ts: what the browser runs instead of the catalogs' ICU source. */
describe('the compiled catalogs', () => {
  it('turn every message into a function with the language’s plural rules (Arabic’s six forms)', async () => {
    const tasks = await compiledNamespace('ar/tasks.ts', 'ar', 'tasks');
    const count = (tasks.grid as CompiledTree).count as Compiled;
    const forms = [0, 1, 2, 3, 11, 100].map((n) => count({ count: n }));
    expect(new Set(forms).size).toBe(6);
    expect(forms[1]).toBe('مهمة واحدة');
    const english = await compiledNamespace('en/tasks.ts', 'en', 'tasks');
    const englishCount = (english.grid as CompiledTree).count as Compiled;
    expect([1, 2, 1000].map((n) => englishCount({ count: n }))).toEqual(['1 task', '2 tasks', '1,000 tasks']);
  });

  it('name the arguments of each error message, for error-text.ts to check meta against', async () => {
    const errors = await compiledNamespace('de/errors.ts', 'de', 'errors');
    const particulars = errors.particulars as CompiledTree;
    expect((particulars.password_too_short as Compiled).argumentNames).toEqual(['count', 'length']);
    expect((errors.forbidden as Compiled).argumentNames).toBeUndefined();
  });

  it('name what a select chooses by, which right-to-left isolation must leave as it is', async () => {
    const errors = await compiledNamespace('ar/errors.ts', 'ar', 'errors');
    const particulars = errors.particulars as CompiledTree;
    const wrongType = particulars.invalid_type_wrong_type as Compiled & { selectNames?: readonly string[] };
    expect(wrongType.selectNames).toEqual(['expected']);
    expect(
      (particulars.password_too_short as Compiled & { selectNames?: unknown }).selectNames,
    ).toBeUndefined();
  });

  it('fail the build on a message that is not ICU', async () => {
    await expect(
      compileCatalog(fileURLToPath(new URL('./fixtures/broken-catalog.ts', import.meta.url)), 'en'),
    ).rejects.toThrow();
  });
});
