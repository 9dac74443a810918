import { describe, expect, it } from 'vitest';
import { match } from '../../admin-ui/src/router.ts';
import { activeItem, navigationFor } from '../../admin-ui/src/shell/navigation.ts';

describe('hash routes', () => {
  it('matches named segments and decodes them', () => {
    expect(match('/cases/:id', '/cases/6f1c')).toEqual({ id: '6f1c' });
    expect(match('/config/:processId', '/config/unemployment%2Dregistration')).toEqual({ processId: 'unemployment-registration' });
  });

  it('refuses other lengths and other literal segments', () => {
    expect(match('/cases/:id', '/cases')).toBeNull();
    expect(match('/cases/:id', '/cases/1/history')).toBeNull();
    expect(match('/cases/:id', '/tasks/1')).toBeNull();
  });
});

describe('menu by role', () => {
  it('gives each role its own screens, the first being its start screen', () => {
    expect(navigationFor('caseworker').map((item) => item.path)).toEqual(['/tasks', '/cases', '/cases/new', '/imports', '/payments', '/institutions']);
    // Payment batches: whoever may issue them (caseworkers, reviewers) or approve sending them (reviewers).
    expect(navigationFor('reviewer').map((item) => item.path)).toEqual(['/tasks', '/cases', '/cases/new', '/imports', '/payments', '/institutions']);
    expect(navigationFor('configurator').map((item) => item.path)).toEqual(['/config', '/dashboard', '/informatisation', '/packages', '/calendar']);
    expect(navigationFor('evaluator').map((item) => item.path)).toEqual(['/dashboard', '/funds', '/informatisation']);
    expect(navigationFor('admin')).toHaveLength(13);
    expect(navigationFor('admin').map((item) => item.path)).toEqual(expect.arrayContaining(['/admin/users', '/admin/org']));
    for (const role of ['admin', 'evaluator', 'configurator', 'auditor'] as const) expect(navigationFor(role).map((item) => item.path), role).not.toContain('/payments');
  });

  it('marks the most specific entry a path belongs to', () => {
    const items = navigationFor('caseworker');
    expect(activeItem(items, '/cases/new')?.path).toBe('/cases/new');
    expect(activeItem(items, '/cases/6f1c')?.path).toBe('/cases');
    expect(activeItem(items, '/casesx')).toBeUndefined();
    expect(activeItem(navigationFor('configurator'), '/config/unemployment-registration')?.path).toBe('/config');
  });
});
