import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { roleAtLeast, type Role } from '@/utils/roles'
import { MENU_SECTIONS, type MenuSection } from './meta'

export interface MenuItem {
  path: string
  titleKey: string
  icon: Component | undefined
}

export interface MenuGroup {
  section: MenuSection
  titleKey: string
  items: MenuItem[]
}

function absolutePath(parent: string, path: string): string {
  if (path.startsWith('/')) return path
  return `${parent.replace(/\/$/, '')}/${path}`
}

function menuItems(
  records: readonly RouteRecordRaw[],
  role: Role | null,
  parent = '/',
): (MenuItem & { section: MenuSection })[] {
  return records.flatMap((record) => {
    const path = absolutePath(parent, record.path)
    const { section, titleKey, minRole, icon } = record.meta ?? {}
    const own =
      section && titleKey && (!minRole || roleAtLeast(role, minRole))
        ? [{ path, titleKey, icon, section }]
        : []
    return [...own, ...menuItems(record.children ?? [], role, path)]
  })
}

/** The left menu for `role`: pages that exist in the route table and that the role may open. Empty sections are left out. */
export function buildMenu(records: readonly RouteRecordRaw[], role: Role | null): MenuGroup[] {
  const items = menuItems(records, role)
  return MENU_SECTIONS.map((section) => ({
    section,
    titleKey: `menu.sections.${section}`,
    items: items
      .filter((item) => item.section === section)
      .map(({ path, titleKey, icon }) => ({ path, titleKey, icon })),
  })).filter((group) => group.items.length > 0)
}
