const FOLLOW = `subscription { notificationReceived { id title } }`;

/**
 * The same over server-sent events: each result is an `event: next` whose `id` is its
 * cursor; `Last-Event-ID` resumes after it. Reads `count` results, then closes.
 */
export async function readNotificationsSse(
  gateway: string,
  token: string,
  count: number,
  lastEventId?: string,
) {
  const abort = new AbortController();
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(lastEventId && { 'last-event-id': lastEventId }),
    },
    body: JSON.stringify({ query: FOLLOW }),
    signal: abort.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { id: string; title: string; cursor: string }[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const fields = Object.fromEntries(
        buffer
          .slice(0, end)
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
      );
      buffer = buffer.slice(end + 2);
      if (fields.event !== 'next') continue;
      const { notificationReceived } = JSON.parse(fields.data).data;
      events.push({ ...notificationReceived, cursor: fields.id });
    }
  }
  abort.abort();
  return events;
}
