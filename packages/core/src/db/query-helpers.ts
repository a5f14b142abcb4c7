import { sql } from 'kysely'

/** An ILIKE pattern matching `text` anywhere, with the user's own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** `count(*)` as a JavaScript number on both engines. */
export const countAll = sql<number>`count(*)::int`
