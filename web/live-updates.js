/**
 * Live updates from GET /api/events/stream (server-sent events). Read with fetch rather than
 * EventSource, because EventSource cannot send the bearer token and the token must not go in the
 * URL. Reconnects after a pause; views subscribe and re-read what they show on `changed`.
 */

/**
 * Splits a text/event-stream buffer into complete events and the unfinished rest.
 * @param {string} buffer
 * @returns {{events: Array<{event: string, data: string}>, rest: string}}
 */
export function parseEventStream(buffer) {
  const events = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const separator = line.indexOf(':');
      const field = separator < 0 ? line : line.slice(0, separator);
      const value = separator < 0 ? '' : line.slice(separator + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * @param {{getToken: () => string | null, fetch?: typeof fetch, retryMs?: number, onStatus?: (status: 'connecting' | 'live' | 'offline') => void}} options
 */
export function createLiveUpdates(options) {
  const fetchImplementation = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retryMs = options.retryMs ?? 5000;
  /** @type {Set<(change: {parts: string[]}) => void>} */
  const listeners = new Set();
  let abort = null;
  let retryTimer;
  let status = 'offline';

  function setStatus(next) {
    status = next;
    options.onStatus?.(next);
  }

  async function connect() {
    abort = new AbortController();
    const signal = abort.signal;
    setStatus('connecting');
    try {
      const response = await fetchImplementation('/api/events/stream', {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${options.getToken() ?? ''}` },
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const parsed = parseEventStream(buffer);
        buffer = parsed.rest;
        for (const { event, data } of parsed.events) {
          if (event === 'ready') setStatus('live');
          if (event === 'changed') {
            let change = { parts: [] };
            try {
              change = JSON.parse(data);
            } catch {
              // A malformed event still means something changed.
            }
            for (const listener of listeners) listener(change);
          }
        }
      }
    } catch {
      // Offline, signed out or the server went away: try again below.
    }
    if (signal.aborted) return;
    setStatus('offline');
    retryTimer = setTimeout(connect, retryMs);
  }

  return {
    start() {
      if (!abort || abort.signal.aborted) void connect();
    },
    stop() {
      clearTimeout(retryTimer);
      abort?.abort();
      setStatus('offline');
    },
    /** @param {(change: {parts: string[]}) => void} listener @returns {() => void} unsubscribe */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isLive: () => status === 'live',
  };
}
