import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { PasswordRule } from '../../common/password-policy';
import { errors } from './en/errors';

/**
 * Every error code the server can answer has words in the catalog (web/i18n/en/errors.ts), and the
 * catalog has no code the server no longer answers. The server's codes are found in its source
 * (and common/'s) with the TypeScript compiler, where they are written:
 * - the second argument of `new AppError(kind, code, detail)`;
 * - the code argument of the helpers that build one (`invalidField`, `conflictField`,
 *   `badParameter`, the recurrence rule's `badRule`, `parseWholeNumber`);
 * - `code: '…'` beside a `detail`, `message` or `problem` (errors gathered before they are thrown,
 *   a text rule's problem), and a schema rule's own `params: { code }`;
 * plus the codes made at run time: zod's issue codes, passed on by server/platform/http/validation.ts
 * (all but `unrecognized_keys`, answered as `unknown_member` / `unknown_parameter`), and
 * `password_<rule>` (server/features/passwords/rules.ts).
 */

const repoRoot = join(import.meta.dirname, '..', '..');

/** Zod's issue codes, as a record so that a code a new zod adds fails the typecheck here. */
const zodIssueCodes: Record<z.core.$ZodIssue['code'], boolean> = {
  invalid_type: true,
  too_big: true,
  too_small: true,
  invalid_format: true,
  not_multiple_of: true,
  unrecognized_keys: false,
  invalid_union: true,
  invalid_key: true,
  invalid_element: true,
  invalid_value: true,
  custom: true,
};

const passwordRules: Record<PasswordRule, true> = {
  too_short: true,
  too_long: true,
  lower_case: true,
  upper_case: true,
  numbers: true,
  special_chars: true,
  common_password: true,
  context_username: true,
  context_email: true,
  context_organization: true,
  context_name: true,
  context_product: true,
};

/** Codes the SPA makes itself (web/app/api.ts): no server answers them. */
const clientCodes = ['network_error', 'http_error'];

/** Functions that build an AppError, with the position of their code argument. */
const codeArgument: Record<string, number> = {
  invalidField: 1,
  conflictField: 1,
  badParameter: 1,
  badRule: 0,
  parseWholeNumber: 3,
  relatedNotFound: 0,
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function literals(node: ts.Node | undefined): string[] {
  if (!node) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  return [];
}

function namedProperty(node: ts.ObjectLiteralElementLike, ...names: string[]): boolean {
  return (
    ts.isPropertyAssignment(node) &&
    (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) &&
    names.includes(node.name.text)
  );
}

/** The error codes written in one source file, each with where (for the failure message). */
function writtenCodes(file: string): Array<{ code: string; where: string }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ code: string; where: string }> = [];
  const add = (codes: string[], node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    for (const code of codes) found.push({ code, where: `${relative(repoRoot, file)}:${line}` });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') {
      add(literals(node.arguments?.[1]), node);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const position = codeArgument[node.expression.text];
      if (position !== undefined) add(literals(node.arguments[position]), node);
    } else if (ts.isObjectLiteralExpression(node)) {
      const code = node.properties.find((property) => namedProperty(property, 'code'));
      const inParams = ts.isPropertyAssignment(node.parent) && namedProperty(node.parent, 'params');
      // `{ code: '…', message }`: a shorthand beside counts as well.
      const beside = node.properties.some(
        (property) =>
          namedProperty(property, 'detail', 'message', 'problem') ||
          (ts.isShorthandPropertyAssignment(property) &&
            ['detail', 'message', 'problem'].includes(property.name.text)),
      );
      if (code && ts.isPropertyAssignment(code) && (beside || inParams))
        add(literals(code.initializer), code);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the catalog of error messages', () => {
  const written = ['server', 'common']
    .flatMap((folder) => sourceFiles(join(repoRoot, folder)))
    .flatMap(writtenCodes);
  const serverCodes = new Set([
    ...written.map(({ code }) => code),
    ...Object.entries(zodIssueCodes).flatMap(([code, passedOn]) => (passedOn ? [code] : [])),
    ...Object.keys(passwordRules).map((rule) => `password_${rule}`),
  ]);
  // `particulars` holds the words of codes with their meta, not a code of its own.
  const catalogued = new Set(Object.keys(errors).filter((key) => key !== 'particulars'));

  it('finds the codes where the server writes them', () => {
    // A sample of each way: if the search stops finding them, the comparison below proves nothing.
    expect(serverCodes).toContain('username_taken'); // conflictField(field, code, detail)
    expect(serverCodes).toContain('cannot_disable_self'); // new AppError(kind, code, detail)
    expect(serverCodes).toContain('email_duplicate'); // { code, detail, source } gathered before throwing
    expect(serverCodes).toContain('repeated_parameter'); // badParameter(parameter, code, detail)
    expect(serverCodes).toContain('recurrence_invalid'); // badRule(code, detail)
    expect(serverCodes).toContain('route_not_found'); // the error handler's own answer
    expect(serverCodes.size).toBeGreaterThan(100);
  });

  it('has words for every code the server can answer', () => {
    const missing = [...serverCodes].filter((code) => !catalogued.has(code)).sort();
    const where = missing.map(
      (code) => `${code} (${written.find((item) => item.code === code)?.where ?? 'run time'})`,
    );
    expect(where, 'add these codes to web/i18n/en/errors.ts').toEqual([]);
  });

  it('has no code the server does not answer', () => {
    const stale = [...catalogued].filter((code) => !serverCodes.has(code) && !clientCodes.includes(code));
    expect(
      stale,
      'remove these codes from web/i18n/en/errors.ts, or find where the server answers them',
    ).toEqual([]);
  });
});
