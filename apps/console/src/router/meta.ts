import type { Component } from 'vue'
import type { Role } from '@/utils/roles'

/** The left menu's sections, in display order. */
export const MENU_SECTIONS = ['cards', 'system'] as const
export type MenuSection = (typeof MENU_SECTIONS)[number]

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (menu item, breadcrumb, document title). */
    titleKey?: string
    /** Shown in the left menu under this section when set. */
    section?: MenuSection
    icon?: Component
    /** Lowest role allowed in; enforced by the router guard (and by the server). */
    minRole?: Role
    /** The menu item to highlight for a page outside the menu (a detail page under its list). */
    activeMenu?: string
    /** Reachable without signing in. */
    public?: boolean
  }
}
