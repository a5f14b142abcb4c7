import { Connection, Cpu, CreditCard, Document, Key, Tickets, User, Wallet } from '@element-plus/icons-vue'
import { markRaw } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import AppLayout from '@/layout/AppLayout.vue'
import './meta'

export const HOME_ROUTE = 'home'
export const LOGIN_ROUTE = 'login'
export const FORBIDDEN_ROUTE = 'forbidden'

/**
 * Pages inside the console layout. A page joins the left menu by giving `meta.section`; its
 * position follows this order, and `meta.minRole` hides it from those who may not open it.
 */
export const layoutPages: RouteRecordRaw[] = [
  {
    path: 'cards',
    name: 'cards',
    component: () => import('@/views/cards/CardListView.vue'),
    meta: { titleKey: 'menu.cards', section: 'cards', icon: markRaw(CreditCard), minRole: 'viewer' },
  },
  {
    path: 'cards/:id',
    name: 'card-detail',
    component: () => import('@/views/cards/CardDetailView.vue'),
    meta: { titleKey: 'cards.detail.title', minRole: 'viewer', activeMenu: '/cards' },
  },
  {
    path: 'devices',
    name: 'devices',
    component: () => import('@/views/devices/DeviceListView.vue'),
    meta: { titleKey: 'menu.devices', section: 'cards', icon: markRaw(Cpu), minRole: 'viewer' },
  },
  {
    path: 'recharges',
    name: 'recharges',
    component: () => import('@/views/recharges/RechargeListView.vue'),
    meta: { titleKey: 'menu.recharges', section: 'cards', icon: markRaw(Wallet), minRole: 'viewer' },
  },
  {
    path: 'platforms',
    name: 'platforms',
    component: () => import('@/views/platforms/PlatformListView.vue'),
    meta: { titleKey: 'menu.platforms', section: 'cards', icon: markRaw(Connection), minRole: 'viewer' },
  },
  // Admins only: creating is theirs alone, so others would meet a form they cannot submit.
  {
    path: 'platforms/new',
    name: 'platform-new',
    component: () => import('@/views/platforms/PlatformDetailView.vue'),
    meta: { titleKey: 'platforms.form.createTitle', minRole: 'admin', activeMenu: '/platforms' },
  },
  {
    path: 'platforms/:id',
    name: 'platform-detail',
    component: () => import('@/views/platforms/PlatformDetailView.vue'),
    meta: { titleKey: 'platforms.form.editTitle', minRole: 'viewer', activeMenu: '/platforms' },
  },
  {
    path: 'operations',
    name: 'operations',
    component: () => import('@/views/operations/OperationListView.vue'),
    meta: { titleKey: 'menu.operations', section: 'cards', icon: markRaw(Document), minRole: 'viewer' },
  },
  {
    path: 'jobs',
    name: 'jobs',
    component: () => import('@/views/jobs/JobListView.vue'),
    meta: { titleKey: 'menu.jobs', section: 'cards', icon: markRaw(Tickets), minRole: 'viewer' },
  },
  {
    path: 'jobs/:id',
    name: 'job-detail',
    component: () => import('@/views/jobs/JobDetailView.vue'),
    meta: { titleKey: 'jobs.detail.title', minRole: 'viewer', activeMenu: '/jobs' },
  },
  {
    path: 'users',
    name: 'users',
    component: () => import('@/views/users/UserListView.vue'),
    meta: { titleKey: 'menu.users', section: 'system', icon: markRaw(User), minRole: 'admin' },
  },
  {
    path: 'api-keys',
    name: 'api-keys',
    component: () => import('@/views/api-keys/ApiKeyListView.vue'),
    meta: { titleKey: 'menu.apiKeys', section: 'system', icon: markRaw(Key), minRole: 'viewer' },
  },
  {
    path: '403',
    name: FORBIDDEN_ROUTE,
    component: () => import('@/views/errors/ForbiddenView.vue'),
    meta: { titleKey: 'menu.forbidden' },
  },
  // One or more segments, so that `/` itself still resolves to the layout route (see HOME_ROUTE).
  {
    path: ':pathMatch(.*)+',
    name: 'not-found',
    component: () => import('@/views/errors/NotFoundView.vue'),
    meta: { titleKey: 'menu.notFound' },
  },
]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: LOGIN_ROUTE,
    component: () => import('@/views/login/LoginView.vue'),
    meta: { public: true, titleKey: 'auth.login.title' },
  },
  // `/` itself shows nothing: the guard sends it on to the first page the user may open.
  { path: '/', name: HOME_ROUTE, component: AppLayout, children: layoutPages },
]
