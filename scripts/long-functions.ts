/**
 * Lists the functions of server/, common/ and web/ longer than a limit (default 100 lines), longest
 * first: `npx tsx scripts/long-functions.ts [limit]`. `tests/architecture/long-functions.test.ts`
 * fails on any of them.
 * A function is a declaration, method, arrow or function expression; nested functions count on
 * their own too (and inside their parent's lines). Test files are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export type LongFunction = { file: string; name: string; lines: number; line: number };

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function nameOf(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name)
    return node.name.getText();
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
  if (parent && ts.isCallExpression(parent))
    return `(callback of ${parent.expression.getText().slice(0, 40)})`;
  return '(anonymous)';
}

/** The functions of one source text longer than `limit` lines, in the order they appear. */
export function findLongFunctions(file: string, text: string, limit: number): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > limit) found.push({ file, name: nameOf(node), lines, line: start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The functions of server/, common/ and web/ under `root` longer than `limit` lines, longest first. */
export function longFunctionsIn(root: string, limit: number): LongFunction[] {
  return ['server', 'common', 'web']
    .flatMap((folder) => sourceFiles(path.join(root, folder)))
    .flatMap((file) => findLongFunctions(path.relative(root, file), readFileSync(file, 'utf8'), limit))
    .sort((a, b) => b.lines - a.lines);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const limit = Number(process.argv[2] ?? 100);
  const found = longFunctionsIn(path.resolve(import.meta.dirname, '..'), limit);
  for (const f of found) console.log(`${String(f.lines).padStart(4)}  ${f.name}  ${f.file}:${f.line}`);
  console.log(`${found.length} functions over ${limit} lines`);
}
