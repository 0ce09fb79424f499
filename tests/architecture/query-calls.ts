import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Kysely's query builders: a call of one of these (as a method or destructured) writes SQL. */
const QUERY_BUILDERS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'executeQuery',
  // The platform's ways to run a compiled query (platform/db/prepared.ts).
  'preparedQuery',
  'executeFewShapes',
]);

/** A place where a module builds or runs SQL itself: `selectFrom(…)`, sql`…`, `sql.raw(…)`. */
export type QueryCall = { line: number; text: string };

function isSqlTag(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && node.text === 'sql';
}

/** The query builder calls and raw `sql` of one module's source text. */
export function findQueryCalls(fileName: string, source: string): QueryCall[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const calls: QueryCall[] = [];
  const note = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    calls.push({ line: line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : undefined;
      if (name !== undefined && QUERY_BUILDERS.has(name)) note(node, `${name}(…)`);
    } else if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) {
      note(node, 'sql`…`');
    } else if (ts.isPropertyAccessExpression(node) && isSqlTag(node.expression)) {
      note(node, `sql.${node.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** A module that may hold SQL: a store (`store.ts`, `<idea>-store.ts`) or the database layer. */
export function isStoreModule(relativePath: string): boolean {
  const normalized = relativePath.split(path.sep).join('/');
  return /(^|\/|-)store\.ts$/.test(normalized) || normalized.startsWith('server/platform/db/');
}

const isSourceFile = (name: string) =>
  /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) && !/\.test(-support)?\.tsx?$/.test(name);

/** The server's non-test modules, relative to `root` (with `/`). */
export function listServerModules(root: string): string[] {
  const walk = (directory: string): string[] =>
    readdirSync(directory).flatMap((name) => {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) return walk(full);
      return isSourceFile(name) ? [path.relative(root, full).split(path.sep).join('/')] : [];
    });
  return walk(path.join(root, 'server'));
}

/** Every module outside the stores that runs SQL itself, with where. */
export function queriesOutsideStores(root: string): Map<string, QueryCall[]> {
  const found = new Map<string, QueryCall[]>();
  for (const module of listServerModules(root)) {
    if (isStoreModule(module)) continue;
    const calls = findQueryCalls(module, readFileSync(path.join(root, module), 'utf8'));
    if (calls.length > 0) found.set(module, calls);
  }
  return found;
}
