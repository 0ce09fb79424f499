import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionLabels, auditActions } from './audit-actions';

describe('audit action labels', () => {
  it('labels every action in words, none with its code', () => {
    for (const action of auditActions) {
      const label = auditActionLabel(action);
      expect(label).toBe(auditActionLabels[action]);
      expect(label).not.toMatch(/[._]/);
    }
    expect(auditActionLabel('user.created')).toBe('Account created');
  });

  it('shows an action it does not know in words too', () => {
    expect(auditActionLabel('report.exported')).toBe('Report exported');
    expect(auditActionLabel('api_key.rotated')).toBe('Api key rotated');
  });
});
