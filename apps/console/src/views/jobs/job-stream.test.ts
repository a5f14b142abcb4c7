import { describe, expect, it } from 'vitest'
import { readEvents, type StreamEvent } from './job-stream'

function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

async function all(stream: ReadableStream<Uint8Array>): Promise<StreamEvent[]> {
  const events: StreamEvent[] = []
  for await (const event of readEvents(stream)) events.push(event)
  return events
}

describe('readEvents', () => {
  it('reads events split anywhere, skipping comments, with CRLF or LF line ends', async () => {
    const events = await all(
      body(
        ': keep-alive\n\nevent: progress\r\nda',
        'ta: {"a":1}\r\n\r\n',
        'data: line one\ndata: line two\n\n',
      ),
    )
    expect(events).toEqual([
      { event: 'progress', data: '{"a":1}' },
      { event: 'message', data: 'line one\nline two' },
    ])
  })

  it('drops an event the stream broke off in the middle of', async () => {
    expect(await all(body('event: end\ndata: {"half":'))).toEqual([])
  })

  it('stops when its signal aborts', async () => {
    const controller = new AbortController()
    const endless = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('event: progress\ndata: 1\n\n'))
      },
    })
    const events: StreamEvent[] = []
    for await (const event of readEvents(endless, controller.signal)) {
      events.push(event)
      controller.abort()
    }
    expect(events).toEqual([{ event: 'progress', data: '1' }])
  })
})
