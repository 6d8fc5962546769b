/** An operator console's live stream as a test sees it: every SSE event, parsed. */
export interface ConsoleStream {
  /** `id` is the event id a reconnecting console would send as Last-Event-ID */
  events: { event: string; id?: number; data: Record<string, unknown> }[];
  alarms(): Set<string>;
  statuses(): string[];
  closed: Promise<void>;
  close(): void;
}

export async function openConsoleStream(
  url: string,
  cookie: string,
  lastEventId?: number,
): Promise<ConsoleStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/alarms/stream`, {
    headers: { cookie, ...(lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) }) },
    signal: controller.signal,
  });
  if (response.status !== 200) throw new Error(`stream answered ${response.status}`);
  const events: ConsoleStream['events'] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const closed = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const id = /^id: (\d+)$/m.exec(block)?.[1];
          if (event && data)
            events.push({
              event,
              ...(id ? { id: Number(id) } : {}),
              data: JSON.parse(data) as Record<string, unknown>,
            });
        }
      }
    } catch {
      // aborted or the server went away
    }
  })();
  return {
    events,
    alarms: () => new Set(events.filter((e) => e.event === 'alarm').map((e) => String(e.data.id))),
    statuses: () => events.filter((e) => e.event === 'status').map((e) => String(e.data.database)),
    closed,
    close: () => controller.abort(),
  };
}
