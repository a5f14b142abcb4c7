/** The file name of a `content-disposition: attachment; filename="…"` header, if any. */
export function attachmentName(header: string | null): string | null {
  const match = header?.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

/** Hands a blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** `YYYYMMDDTHHmmss` of `now` (UTC), for file names the server did not give. */
export function fileStamp(now = new Date()): string {
  return now.toISOString().slice(0, 19).replace(/[-:]/g, '')
}
