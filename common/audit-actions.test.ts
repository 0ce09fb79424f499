import { describe, expect, it } from 'vitest';
import { auditActions, auditActionWords, isAuditAction } from './audit-actions';

describe('audit actions', () => {
  it('knows every action it lists, and nothing else', () => {
    for (const action of auditActions) expect(isAuditAction(action)).toBe(true);
    expect(isAuditAction('report.exported')).toBe(false);
  });

  it('shows an action it does not know in words, never as its code', () => {
    expect(auditActionWords('report.exported')).toBe('Report exported');
    expect(auditActionWords('api_key.rotated')).toBe('Api key rotated');
  });
});
