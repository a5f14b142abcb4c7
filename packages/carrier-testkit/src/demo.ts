/**
 * The demo contract: how `simops demo` starts a plugin's simulator for people to click around in. A plugin
 * offers it as `startDemo` from its `./simulator` entry (`import { startDemo } from '<package>/simulator'`),
 * so the demo finds it by package name alone, for any plugin installed next to the platform.
 */

/** One card a simulated account holds, as the demo imports it. */
export interface DemoCard {
  iccid: string
  msisdn: string
  /** Null when the simulator keeps no IMSI for the card. */
  imsi: string | null
}

/** One simulated carrier account: what the demo turns into one platform config and its cards. */
export interface DemoAccount {
  /** Suggested platform config name, e.g. 'OneLink 模拟器' */
  name: string
  /** A valid plugin config pointing at the running simulator */
  config: Record<string, unknown>
  /** Cards the simulated account holds (all of them; the demo imports these) */
  cards: DemoCard[]
}

/**
 * A running demo simulator. It follows the wall clock (usage accrues, accepted changes apply after a
 * few seconds) and holds a few hundred cards in a realistic mix of states. No card belongs to two
 * accounts.
 */
export interface DemoSimulator {
  accounts: DemoAccount[]
  /** Stops the simulator, cutting connections still open. */
  close(): Promise<void>
}

export interface DemoOptions {
  /** 127.0.0.1 port; 0 = any free one */
  port?: number
  /** Same seed, same cards and credentials. Default 1. */
  seed?: number
}

/** What a plugin's `./simulator` entry exports as `startDemo` so `simops demo` can find it by package name. */
export type StartDemo = (options?: DemoOptions) => Promise<DemoSimulator>
