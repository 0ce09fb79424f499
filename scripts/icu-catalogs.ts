import compileModule from '@messageformat/core/lib/compile-module.js';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { messageArgumentNames, messageFormatFor, selectArgumentNames } from '../common/icu-messages';

export { messageArgumentNames, messageFormatFor };

/** The catalog files: web/i18n/<language>/<namespace>.ts, each exporting its namespace's messages. */
const CATALOG = /[\\/]web[\\/]i18n[\\/](en|de|fr|ar)[\\/](?!index\.ts$)[\w-]+\.ts$/;

/** Files whose compiled messages carry their argument names (error-text.ts checks an error's `meta` against them). */
const WITH_ARGUMENT_NAMES = /[\\/]errors\.ts$/;

type Messages = { [key: string]: string | Messages };

/** Each message's path and `namesOf` its source, for the messages with any. */
function namesByPath(
  messages: Messages,
  namesOf: (source: string) => string[],
  path: string[] = [],
): [string[], string[]][] {
  return Object.entries(messages).flatMap(([key, value]): [string[], string[]][] => {
    if (typeof value !== 'string') return namesByPath(value, namesOf, [...path, key]);
    const names = namesOf(value);
    return names.length > 0 ? [[[...path, key], names]] : [];
  });
}

/** A catalog module's exports, by running it (its imports bundled in: only types, or `common/`'s registries). */
async function loadCatalog(file: string): Promise<Record<string, Messages>> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Code setting `property` of each compiled message of the table to its names. */
function attachNames(property: string, table: [string[], string[]][]): string {
  if (table.length === 0) return '';
  return `for (const [path, names] of ${JSON.stringify(table)}) {
  path.reduce((node, key) => node[key], messages).${property} = names;
}\n`;
}

/**
 * The module a catalog file becomes in the browser: the same exports, each message an ICU message
 * compiled to a function by @messageformat/core (`compileModule`) for the file's language, which
 * imports only @messageformat/runtime (the plural rules and number formatting it uses).
 */
export async function compileCatalog(file: string, language: string): Promise<string> {
  const catalog = await loadCatalog(file);
  const names = Object.keys(catalog);
  if (names.some((name) => !/^[A-Za-z_$][\w$]*$/.test(name)))
    throw new Error(`${file}: unexpected export names`);
  let code = compileModule(messageFormatFor(language), catalog);
  if (!code.includes('export default')) throw new Error(`${file}: compileModule wrote no default export`);
  code = code.replace('export default', 'const messages =');
  code += `\n${names.map((name) => `export const ${name} = messages.${name};`).join('\n')}\n`;
  // The arguments a select chooses by, on every message that has one: icu-format.ts isolates the
  // other text values in right-to-left text, never these.
  code += attachNames('selectNames', namesByPath(catalog, selectArgumentNames));
  if (WITH_ARGUMENT_NAMES.test(file))
    code += attachNames('argumentNames', namesByPath(catalog, messageArgumentNames));
  return code;
}

/**
 * The build step of the ICU catalogs (web/i18n/icu-format.ts): Vite replaces each catalog file by
 * its compiled messages, so the browser gets functions and never the parser (about 15 KB the
 * sign-in page's budget has no room for). A message that is not valid ICU fails the build.
 * Not used by Vitest: the tests read the catalogs as written (tests/setup/icu-messages.ts).
 */
export function icuCatalogs(): Plugin {
  return {
    name: 'atrium:icu-catalogs',
    enforce: 'pre',
    async transform(_code, id) {
      const match = CATALOG.exec(id);
      if (!match || id.includes('?')) return undefined;
      return { code: await compileCatalog(id, match[1] as string), map: null };
    },
  };
}
