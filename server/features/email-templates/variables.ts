import { Liquid } from 'liquidjs';
import { templateVariables } from '../../../common/emails';
import { errorMeta } from '../../../common/error-particulars';
import { AppError, attributePointer } from '../../platform/http/errors';

/**
 * Email template variables, written `{{ recipient.firstName }}`, filled by liquidjs — a sandboxed
 * engine: templates reach only the values given here (own properties only, no file system, no
 * includes), with strict variables (an unknown name is an error, not an empty string) and limits
 * on parse and render time and memory.
 */
export { templateVariables };

type Group = keyof typeof templateVariables;
export type TemplateValues = { [G in Group]: Partial<Record<(typeof templateVariables)[G][number], string>> };

/** Every variable's name as written in a template: `recipient.firstName` … */
export const templateVariableNames: string[] = Object.entries(templateVariables).flatMap(([group, names]) =>
  names.map((name) => `${group}.${name}`),
);

function engine(html: boolean): Liquid {
  return new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // In-memory and empty: `{% include %}`, `{% render %}` and `{% layout %}` find nothing.
    templates: {},
    outputEscape: html ? 'escape' : undefined,
    parseLimit: 100_000,
    renderLimit: 1_000,
    memoryLimit: 10_000_000,
  });
}
const htmlEngine = engine(true);
const textEngine = engine(false);

/** True when text still holds Liquid markup: a `{{ … }}` output or a `{% … %}` tag. */
export function hasTemplateMarkup(text: string): boolean {
  return /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/.test(text);
}

/**
 * Fills one template text. A value that is not known (a free address has no first name) stays
 * written as its variable, `{{ recipient.firstName }}`, for the sender to fill in: sending is
 * refused while one remains (`POST /api/emails`, 422 `template_variable_unfilled`).
 *
 * Throws AppError 422 `template_syntax` or `template_variable_unknown` with a pointer to `field`.
 */
export function renderTemplateText(
  text: string,
  values: TemplateValues,
  options: { html: boolean; field: string },
): string {
  const scope: Record<string, Record<string, string>> = {};
  for (const [group, names] of Object.entries(templateVariables)) {
    const known = values[group as Group] as Record<string, string | undefined>;
    scope[group] = Object.fromEntries(names.map((name) => [name, known[name] ?? `{{ ${group}.${name} }}`]));
  }
  const liquid = options.html ? htmlEngine : textEngine;
  try {
    return liquid.parseAndRenderSync(text, scope);
  } catch (error) {
    throw templateError(error, options.field);
  }
}

/** Checks a template text against the known variables (every value filled with a sample). */
export function checkTemplateText(text: string, options: { html: boolean; field: string }): void {
  const sample = Object.fromEntries(
    Object.entries(templateVariables).map(([group, names]) => [
      group,
      Object.fromEntries(names.map((name) => [name, 'x'])),
    ]),
  ) as TemplateValues;
  renderTemplateText(text, sample, options);
}

function templateError(error: unknown, field: string): AppError {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /undefined variable: ([^\s,]+)/i.exec(message);
  if (unknown) {
    return new AppError(
      'validation',
      'template_variable_unknown',
      `"${unknown[1]}" is not a template variable. Use one of: ${templateVariableNames.join(', ')}.`,
      {
        source: attributePointer(field),
        meta: errorMeta('template_variable_unknown', {
          variable: unknown[1] ?? '',
          allowed: templateVariableNames,
        }),
      },
    );
  }
  return new AppError(
    'validation',
    'template_syntax',
    `The template cannot be read: ${message.split(',')[0]?.slice(0, 200)}.`,
    { source: attributePointer(field) },
  );
}
