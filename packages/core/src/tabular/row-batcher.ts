/** Consecutive rows of a table. */
export interface TableRowBatch {
  /** 1-based row number (the header is row 1) of `rows[0]`; `rows[i]` is row `firstRow + i`. */
  firstRow: number
  /** Cells as text; rows do not all have the same length. */
  rows: string[][]
}

export const DEFAULT_BATCH_SIZE = 1000

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.length > 0 && cell.trim().length > 0) return false
  }
  return true
}

/**
 * Collects rows into batches of up to `size`, dropping blank rows. A dropped row (or a row number
 * the sheet skips) ends the batch early, so `firstRow + i` is always the right row number.
 */
export class RowBatcher {
  private rows: string[][] = []
  private firstRow = 0
  private ready: TableRowBatch[] = []
  private kept = 0

  constructor(private readonly size: number) {}

  /** Non-blank rows seen so far. */
  get rowCount(): number {
    return this.kept
  }

  add(cells: string[], row: number): void {
    if (isBlank(cells)) return
    if (this.rows.length > 0 && row !== this.firstRow + this.rows.length) this.cut()
    if (this.rows.length === 0) this.firstRow = row
    this.kept++
    this.rows.push(cells)
    if (this.rows.length >= this.size) this.cut()
  }

  /** Batches completed so far. */
  takeReady(): TableRowBatch[] {
    const ready = this.ready
    this.ready = []
    return ready
  }

  /** Everything left, the last batch possibly short. */
  takeAll(): TableRowBatch[] {
    if (this.rows.length > 0) this.cut()
    return this.takeReady()
  }

  private cut(): void {
    this.ready.push({ firstRow: this.firstRow, rows: this.rows })
    this.rows = []
  }
}
