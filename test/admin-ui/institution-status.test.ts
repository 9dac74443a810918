import { describe, expect, it } from 'vitest';
import { shownStatus } from '../../admin-ui/src/institutions/display.ts';

describe('the one status an institution shows', () => {
  const today = '2026-03-10';

  it('shows an active institution whose validity ended before today as lapsed, not active', () => {
    expect(shownStatus({ status: 'active', validUntil: '2025-12-31' }, today)).toBe('lapsed');
    expect(shownStatus({ status: 'active', validUntil: '2026-03-09' }, today)).toBe('lapsed');
  });

  it('keeps an institution valid through today active', () => {
    expect(shownStatus({ status: 'active', validUntil: today }, today)).toBe('active');
    expect(shownStatus({ status: 'active', validUntil: '2028-12-31' }, today)).toBe('active');
  });

  it('keeps suspended and revoked as they are, lapsed or not', () => {
    expect(shownStatus({ status: 'suspended', validUntil: '2025-12-31' }, today)).toBe('suspended');
    expect(shownStatus({ status: 'revoked', validUntil: '2025-12-31' }, today)).toBe('revoked');
  });
});
