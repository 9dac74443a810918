import { describe, expect, it } from 'vitest';
import { match } from '../../admin-ui/src/router.ts';
import { activeItem, navigation, navigationFor } from '../../admin-ui/src/shell/navigation.ts';
import { permissions, permissionsOf } from '../../runtime/auth/index.ts';

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
    expect(navigationFor('configurator').map((item) => item.path)).toEqual(['/config', '/dashboard', '/review', '/informatisation', '/packages', '/calendar']);
    expect(navigationFor('evaluator').map((item) => item.path)).toEqual(['/dashboard', '/review', '/funds', '/national', '/informatisation']);
    expect(navigationFor('admin')).toHaveLength(15);
    expect(navigationFor('admin').map((item) => item.path)).toEqual(expect.arrayContaining(['/admin/users', '/admin/org']));
    for (const role of ['admin', 'evaluator', 'configurator', 'auditor'] as const) expect(navigationFor(role).map((item) => item.path), role).not.toContain('/payments');
  });

  it('leaves out the screens whose API the user’s level does not reach, naming only permissions that exist', () => {
    for (const item of navigation) if (item.permission) expect(Object.keys(permissions), item.path).toContain(item.permission);
    const city = navigationFor('admin', permissionsOf('admin', 'city')).map((item) => item.path);
    expect(city).toEqual(expect.arrayContaining(['/imports', '/institutions', '/funds', '/admin/users', '/admin/org', '/admin/exchange']));
    // A provincial administrator keeps no city's imports or register of institutions, but reads the funds and manages users.
    const province = navigationFor('admin', permissionsOf('admin', 'province')).map((item) => item.path);
    expect(province).not.toContain('/imports');
    expect(province).not.toContain('/institutions');
    // The exchange's wiring is a city's: its own members, routes and bank.
    expect(province).not.toContain('/admin/exchange');
    expect(province).toEqual(expect.arrayContaining(['/funds', '/admin/users', '/admin/org']));
    // An office's administrator manages no users: only ministry, province, city and district administrators do.
    expect(navigationFor('admin', permissionsOf('admin', 'office')).map((item) => item.path)).not.toContain('/admin/users');
  });

  it('shows 全国查询 only to whom holds national.query: the ministry’s evaluators and administrators, no province or city user', () => {
    for (const role of ['evaluator', 'admin'] as const) {
      expect(navigationFor(role, permissionsOf(role, 'ministry')).map((item) => item.path), role).toContain('/national');
      for (const level of ['province', 'city']) expect(navigationFor(role, permissionsOf(role, level)).map((item) => item.path), `${role} ${level}`).not.toContain('/national');
    }
    for (const role of ['caseworker', 'reviewer', 'configurator', 'auditor'] as const) expect(navigationFor(role, permissionsOf(role, 'ministry')).map((item) => item.path), role).not.toContain('/national');
  });

  it('marks the most specific entry a path belongs to', () => {
    const items = navigationFor('caseworker');
    expect(activeItem(items, '/cases/new')?.path).toBe('/cases/new');
    expect(activeItem(items, '/cases/6f1c')?.path).toBe('/cases');
    expect(activeItem(items, '/casesx')).toBeUndefined();
    expect(activeItem(navigationFor('configurator'), '/config/unemployment-registration')?.path).toBe('/config');
  });

  it('marks the section of every nested screen, one kind of route each, for each role that reaches it', () => {
    for (const role of ['caseworker', 'reviewer', 'admin'] as const) {
      const items = navigationFor(role);
      expect(activeItem(items, '/cases/6f1c')?.path, role).toBe('/cases');
      // Opened from the case search, and listing the person's or employer's cases.
      expect(activeItem(items, '/persons/6f1c')?.path, role).toBe('/cases');
      expect(activeItem(items, '/employers/6f1c')?.path, role).toBe('/cases');
    }
    for (const role of ['configurator', 'admin'] as const) expect(activeItem(navigationFor(role), '/config/labour-survey')?.path, role).toBe('/config');
    for (const role of ['evaluator', 'configurator', 'admin'] as const) expect(activeItem(navigationFor(role), '/dashboard/registered-unemployed')?.path, role).toBe('/dashboard');
    // A role the screen is not for has no section to mark.
    expect(activeItem(navigationFor('evaluator'), '/persons/6f1c')).toBeUndefined();
    expect(activeItem(navigationFor('caseworker'), '/persons/6f1c/history')).toBeUndefined();
  });
});
