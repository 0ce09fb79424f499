/**
 * True when a database error is a unique-constraint violation (SQLite or PostgreSQL). Services
 * check uniqueness first for a clear message; this catches the race between two requests.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Which unique index a violation hit, as far as the message tells (`username`, `email`). */
export function violatedField(error: unknown): 'username' | 'email' | undefined {
  const text = `${(error as { message?: string })?.message ?? ''} ${(error as { constraint?: string })?.constraint ?? ''}`;
  if (/username/.test(text)) return 'username';
  if (/email/.test(text)) return 'email';
  return undefined;
}
