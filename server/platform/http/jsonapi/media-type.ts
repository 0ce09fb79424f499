/** A parsed media type: lower-case `type/subtype` and its parameters (names lower-cased). */
export type MediaType = { essence: string; parameters: Map<string, string> };

/** Parses one media type such as `application/vnd.api+json; ext="https://a https://b"`. */
export function parseMediaType(value: string): MediaType {
  const [essence = '', ...rawParameters] = splitOutsideQuotes(value, ';');
  const parameters = new Map<string, string>();
  for (const raw of rawParameters) {
    const equals = raw.indexOf('=');
    const name = (equals === -1 ? raw : raw.slice(0, equals)).trim().toLowerCase();
    if (name) parameters.set(name, equals === -1 ? '' : unquote(raw.slice(equals + 1).trim()));
  }
  return { essence: essence.trim().toLowerCase(), parameters };
}

/**
 * Parses an `Accept` header into its media ranges. The weight `q` and any accept-extension after
 * it are not media type parameters (RFC 9110 §12.5.1), so they are dropped.
 */
export function parseAccept(value: string): MediaType[] {
  return splitOutsideQuotes(value, ',')
    .filter((range) => range.trim() !== '')
    .map((range) => {
      const { essence, parameters } = parseMediaType(range);
      const kept = new Map<string, string>();
      for (const [name, parameterValue] of parameters) {
        if (name === 'q') break;
        kept.set(name, parameterValue);
      }
      return { essence, parameters: kept };
    });
}

function splitOutsideQuotes(value: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index];
    if (char === '\\' && inQuotes) {
      current += char + (value[index + 1] ?? '');
      index++;
    } else if (char === '"') {
      inQuotes = !inQuotes;
      current += char;
    } else if (char === separator && !inQuotes) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unquote(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}
