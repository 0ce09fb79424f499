/**
 * Folds text for case-insensitive search, the same way on SQLite and PostgreSQL because it runs
 * here, not in the database: the stores keep a folded copy of searchable columns
 * (`users.first_name_folded`…), and filters fold their value with this function before comparing.
 *
 * An approximation of Unicode's NFKC_Casefold (UAX #44, CaseFolding.txt full foldings): NFKC,
 * then upper- and lower-casing, which also folds the multi-character cases (`ß` → `ss`,
 * `ﬁ` → `fi`), and the final sigma `ς` to `σ`. So `Émile`, `ÉMILE` and `émile` all give `émile`,
 * and `Straße` and `STRASSE` both `strasse`. Locale-independent (no Turkish dotless i rules).
 */
export function foldCase(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase().replace(/ς/g, 'σ').normalize('NFKC');
}
