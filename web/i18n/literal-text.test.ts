import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every word the SPA shows comes from the catalog (web/i18n/en, web/i18n/lazy): this walks every
 * `web/**\/*.tsx` and the `.ts` files beside them with the TypeScript compiler and reports the text
 * that would reach the screen literally — JSX text, string literals given to user-facing props or
 * object properties (`label`, `title`, `placeholder`, …), to the notification, modal and page-title
 * helpers, or rendered straight from a `{…}` child, and any other capitalised sentence (a
 * returned fallback, a validation message) outside an import, a `t()` key, a console call or a
 * thrown developer error — as `file:line "text"`.
 */

const webRoot = join(import.meta.dirname, '..');
const repoRoot = join(webRoot, '..');

/**
 * Texts that are the same in every language, so they stay literal: the product's name, units and
 * symbols. A string with no letter at all (`·`, `—`, `×`, `…`, digits) is never reported.
 */
const allowedTexts = new Set([
  'Atrium', // the product's name
  'OroCRM', // the product Atrium re-creates, named as such
]);

/** JSX props and object properties whose string value is shown to (or read out for) the user. */
const userFacingNames = new Set([
  'label',
  'title',
  'placeholder',
  'description',
  'aria-label',
  'aria-description',
  'aria-valuetext',
  'alt',
  'message',
  'confirmLabel',
  'cancelLabel',
  'confirm',
  'cancel',
  'error',
  'children',
  'emptyMessage',
  'documentTitle',
  'tooltip',
  'header',
  'nothingFoundMessage',
]);

/** Functions whose string arguments are shown as they are. */
const displayingCalls = new Set([
  'notifications.show',
  'notifications.update',
  'notifySuccess',
  'notifyFailure',
  'usePageTitle',
  'modals.open',
  'modals.openConfirmModal',
  'modals.openContextModal',
  'window.confirm',
  'window.alert',
  'confirm',
  'alert',
]);

type Finding = { file: string; line: number; text: string };

function webSourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' && folder === webRoot ? [] : webSourceFiles(path);
    const isSource = /\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name);
    return isSource ? [path] : [];
  });
}

function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

/** A catalog key held for a later `t()` (`'section.emails'`): code, not words. */
function isCatalogKey(text: string): boolean {
  return /^[a-z][\w-]*(\.[\w-]+)+$/.test(text);
}

/**
 * The string literals whose value is the value of `node` itself: through `a ? 'x' : 'y'`,
 * `a ?? 'x'`, `a || 'x'`, `'a' + b`, template parts and parentheses — not through calls (a `t()`
 * key, a class name helper), comparisons or property reads.
 */
function renderedStrings(node: ts.Node): Array<{ node: ts.Node; text: string }> {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
    return [{ node, text: node.text }];
  if (ts.isTemplateExpression(node)) {
    const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ');
    return [
      { node, text: parts },
      ...node.templateSpans.flatMap((span) => renderedStrings(span.expression)),
    ].filter((found) => found.text.trim() !== '');
  }
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) {
    return renderedStrings(node.expression);
  }
  if (ts.isConditionalExpression(node))
    return [...renderedStrings(node.whenTrue), ...renderedStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.PlusToken)
      return [...renderedStrings(node.left), ...renderedStrings(node.right)];
    if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
      return [...renderedStrings(node.left), ...renderedStrings(node.right)];
    }
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return renderedStrings(node.right);
    return [];
  }
  if (ts.isJsxExpression(node)) return node.expression ? renderedStrings(node.expression) : [];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(renderedStrings);
  if (ts.isObjectLiteralExpression(node)) return displayedProperties(node);
  return [];
}

/** In an object literal: the user-facing properties' rendered strings, and those of nested objects. */
function displayedProperties(node: ts.ObjectLiteralExpression): Array<{ node: ts.Node; text: string }> {
  return node.properties.flatMap((property) => {
    if (!ts.isPropertyAssignment(property)) return [];
    const name = propertyName(property.name);
    if (name !== undefined && isUserFacing(name)) return renderedStrings(property.initializer);
    return ts.isObjectLiteralExpression(property.initializer)
      ? displayedProperties(property.initializer)
      : [];
  });
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** A prop or property whose value is shown: one of the names above, or any `…Label`, `…Title`, `…Message`. */
function isUserFacing(name: string): boolean {
  return userFacingNames.has(name) || /(Label|Title|Message|Placeholder|Description)$/.test(name);
}

/**
 * A sentence written anywhere else (a returned fallback, a validation message kept in a variable):
 * two words or more, starting with a capital letter.
 */
function looksLikeProse(text: string): boolean {
  return /^\p{Lu}[\p{Ll}’']*\s+\p{L}/u.test(text.trim());
}

/** Inside an import, a `t()` key, a console or thrown developer message, or a prop that is not text. */
function isOffScreen(node: ts.Node): boolean {
  for (let at: ts.Node = node.parent; at; at = at.parent) {
    if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at) || ts.isThrowStatement(at)) return true;
    if (ts.isNewExpression(at) && ts.isIdentifier(at.expression) && at.expression.text.endsWith('Error')) {
      return true;
    }
    if (ts.isCallExpression(at) && /^(console\.|t$|i18n\.t$)/.test(calleeName(at))) return true;
    if (ts.isJsxAttribute(at))
      return !isUserFacing(ts.isIdentifier(at.name) ? at.name.text : at.name.getText());
    if (ts.isBlock(at) || ts.isSourceFile(at)) return false;
  }
  return false;
}

function calleeName(call: ts.CallExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    return `${callee.expression.text}.${callee.name.text}`;
  }
  return '';
}

function literalTexts(file: string, text = readFileSync(file, 'utf8')): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  // A string can match two rules (a user-facing property holding a sentence): reported once.
  const reported = new Set<number>();
  const report = (node: ts.Node, text: string) => {
    if (reported.has(node.pos)) return;
    reported.add(node.pos);
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!hasLetter(trimmed) || isCatalogKey(trimmed) || allowedTexts.has(trimmed)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    findings.push({ file: relative(repoRoot, file), line, text: trimmed });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const found of renderedStrings(node)) report(found.node, found.text);
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = ts.isIdentifier(node.name) ? node.name.text : node.name.getText(source);
      if (isUserFacing(name))
        for (const found of renderedStrings(node.initializer)) report(found.node, found.text);
    } else if (ts.isPropertyAssignment(node)) {
      const name = propertyName(node.name);
      if (name !== undefined && isUserFacing(name)) {
        for (const found of renderedStrings(node.initializer)) report(found.node, found.text);
      }
    } else if (ts.isCallExpression(node) && displayingCalls.has(calleeName(node))) {
      for (const argument of node.arguments) {
        // Objects' user-facing properties are visited as property assignments below.
        if (!ts.isObjectLiteralExpression(argument))
          for (const found of renderedStrings(argument)) report(found.node, found.text);
      }
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && looksLikeProse(node.text)) {
      if (!isOffScreen(node)) report(node, node.text);
    } else if (ts.isTemplateExpression(node) && looksLikeProse(node.head.text) && !isOffScreen(node)) {
      report(node, node.head.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe('the web app’s words', () => {
  it('are found where they would reach the screen, and code is not', () => {
    const sample = [
      "import { Button } from '@mantine/core';",
      'export function Sample({ name }: { name: string }) {',
      "  const hint = name ? t('form.hint') : 'Type a name first';",
      '  return (',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text of a sample component
      '    <Button className="primary wide" aria-label={`Save ${name}`} title={t(\'form.title\')} data-kind="Primary action">',
      '      Save · {name}',
      "      {name ? null : 'Nobody'}",
      '    </Button>',
      '  );',
      '}',
      "notifySuccess('Saved', t('form.savedMessage'));",
      "notifications.show({ color: 'green', title: 'All done', message: t('form.saved') });",
      "throw new Error('Sample failed on purpose');",
    ].join('\n');
    const found = literalTexts(join(webRoot, 'sample.tsx'), sample).map(
      ({ line, text }) => `${line} ${text}`,
    );
    expect(found).toEqual([
      '3 Type a name first',
      '5 Save',
      '6 Save ·',
      '7 Nobody',
      '11 Saved',
      '12 All done',
    ]);
  });

  it('are all in the catalog: no literal user-visible text outside web/i18n', () => {
    const files = webSourceFiles(webRoot);
    const findings = files
      .flatMap((file) => literalTexts(file))
      .map(({ file, line, text }) => `${file}:${line} "${text}"`);
    // Every finding in the message, one a line (a diff of a long list would be cut short).
    const listed = findings.join('\n');
    expect(findings.length, `Move these words into web/i18n/en (or allow-list a name):\n${listed}`).toBe(0);
  });
});
