import type { Migration } from 'kysely'
import * as foundation from './20261129_0001_foundation.js'
import * as platforms from './20261130_0002_platforms.js'
import * as cards from './20261201_0003_cards.js'
import * as recharges from './20261202_0004_recharges.js'
import * as jobs from './20261203_0005_jobs.js'

/** Every migration, keyed by its timestamped name. Add new ones at the end; never edit or reorder old ones. */
export const migrations: Record<string, Migration> = {
  '20261129_0001_foundation': foundation,
  '20261130_0002_platforms': platforms,
  '20261201_0003_cards': cards,
  '20261202_0004_recharges': recharges,
  '20261203_0005_jobs': jobs,
}
