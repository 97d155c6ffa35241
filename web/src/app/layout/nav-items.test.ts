import { describe, expect, it } from 'vitest';
import { activeNavItem, navItemsFor } from './nav-items';

describe('activeNavItem', () => {
  const admin = navItemsFor(true, true);
  it('picks the deepest section, so nested pages do not light up their parent', () => {
    expect(activeNavItem(admin, '/support/reports')).toBe('/support/reports');
    expect(activeNavItem(admin, '/support/42')).toBe('/support');
    expect(activeNavItem(admin, '/support')).toBe('/support');
    expect(activeNavItem(admin, '/admin/sla')).toBe('/admin/sla');
  });
  it('does not match a path that only shares a prefix', () => {
    expect(activeNavItem(admin, '/supporting')).toBeNull();
    expect(activeNavItem(admin, '/')).toBeNull();
  });
});

describe('navItemsFor', () => {
  it('gives admins the admin pages and staff only the reports', () => {
    const labels = (items: ReturnType<typeof navItemsFor>) => items.map((i) => i.label);
    expect(labels(navItemsFor(true, true))).toEqual(expect.arrayContaining(['nav.reports', 'nav.sla', 'nav.staff', 'nav.audit']));
    expect(labels(navItemsFor(true, false))).toContain('nav.reports');
    expect(labels(navItemsFor(true, false)).filter((l) => ['nav.sla', 'nav.staff', 'nav.audit'].includes(l))).toEqual([]);
    expect(labels(navItemsFor(false))).not.toContain('nav.reports');
  });
});
