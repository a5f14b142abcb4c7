import { PassThrough } from 'node:stream'
import type { FastifyReply } from 'fastify'
import { csvTableWriter, tableContentType, xlsxTableWriter, type TableFormat } from '@simops/core'

export interface TableColumn {
  header: string
  text?: boolean
  width?: number
}

type Cell = string | number | null

/** Pages of rows as cells, or — for csv only — pages of rows already encoded as CSV lines. */
export type TableRows = AsyncIterable<readonly Cell[][]> | { csvLines: AsyncIterable<readonly string[]> }

/**
 * Streams a table as a csv or xlsx download. Rows are pulled from `rows` only as fast as the client
 * reads, so any number of them downloads in bounded memory. A failure half-way cuts the download
 * (the client sees a truncated file and an aborted transfer, never a silently short one).
 */
export function sendTable(
  reply: FastifyReply,
  options: { format: TableFormat; fileName: string; sheetName: string; columns: readonly TableColumn[] },
  rows: TableRows,
): FastifyReply {
  const out = new PassThrough()
  const csv = options.format === 'csv' ? csvTableWriter(out) : undefined
  const writer =
    csv ??
    xlsxTableWriter(out, {
      sheetName: options.sheetName,
      columns: options.columns.map((c) => ({
        header: c.header,
        ...(c.width !== undefined ? { width: c.width } : {}),
        ...(c.text !== undefined ? { text: c.text } : {}),
      })),
    })
  const pump = async () => {
    if (csv) await csv.writeRow(options.columns.map((c) => c.header))
    if ('csvLines' in rows) {
      if (!csv) throw new Error('rows encoded as CSV lines can only be sent as csv')
      for await (const page of rows.csvLines) for (const line of page) await csv.writeEncodedRow(line)
    } else {
      for await (const page of rows) for (const row of page) await writer.writeRow(row)
    }
    await writer.end()
  }
  pump().catch((error: unknown) => {
    reply.log.error({ err: error }, 'table download failed')
    out.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return reply
    .type(tableContentType(options.format))
    .header(
      'content-disposition',
      `attachment; filename="${options.fileName}.${options.format}"; filename*=UTF-8''${encodeURIComponent(options.fileName)}.${options.format}`,
    )
    .send(out)
}

/** A compact UTC stamp for file names. */
export function fileStamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')
}
