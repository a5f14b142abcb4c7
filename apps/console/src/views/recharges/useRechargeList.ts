import type { Schemas } from '@simops/api-client'
import { api } from '@/api/client'
import { useRoutedPage } from '@/composables/useRoutedPage'
import { rechargeQueryFromRoute, rechargeQueryToRoute, type RechargeQuery } from './recharge-query'

type Recharge = Schemas['Recharge']

/** One page of recharge orders matching the URL's filters, newest first. */
export function useRechargeList() {
  const list = useRoutedPage<RechargeQuery, Recharge>({
    fromRoute: rechargeQueryFromRoute,
    toRoute: rechargeQueryToRoute,
    filterKeys: [
      'platformId',
      'accountId',
      'orderNo',
      'paymentMethod',
      'status',
      'amount',
      'from',
      'to',
      'pageSize',
    ],
    async fetchPage({
      platformId,
      accountId,
      orderNo,
      paymentMethod,
      status,
      amount,
      from,
      to,
      page,
      pageSize,
    }) {
      const { data } = await api.GET('/api/v1/recharges', {
        params: {
          query: {
            platformId: platformId || undefined,
            accountId: accountId || undefined,
            orderNo: orderNo || undefined,
            paymentMethod: paymentMethod || undefined,
            status: status || undefined,
            amount: amount || undefined,
            from: from || undefined,
            to: to || undefined,
            page,
            pageSize,
          },
        },
      })
      return data
    },
  })

  /** Puts an order the server returned after an action in place of its row. */
  function replace(recharge: Recharge): void {
    list.items.value = list.items.value.map((item) => (item.id === recharge.id ? recharge : item))
  }

  return { ...list, replace }
}
