// Server-sent events over fetch(): EventSource cannot send an Authorization header, so the stream is read with a
// ReadableStream reader and its frames parsed here (the text/event-stream format of the HTML standard). Reconnects
// with exponential back-off (plus jitter) and sends Last-Event-ID, so a server that keeps history can resume.

/**
 * Opens `url` and calls `onEvent({id, type, data, receivedAt})` per event (`data` parsed as JSON when it is JSON,
 * `receivedAt` from performance.now()), `onState(state)` with 'connecting' | 'open' | 'reconnecting' |
 * 'unauthorized' | 'closed'. Returns `{close()}`.
 */
export function openStream({ url, getToken, onEvent, onState = () => {}, minDelayMs = 500, maxDelayMs = 15000 }) {
  let lastEventId = null;
  let closed = false;
  let controller = null;
  let timer = null;
  let delay = minDelayMs;
  let retryHint = null;

  function dispatch(frame) {
    if (frame.data === null) {
      return;
    }
    if (frame.id !== null) {
      lastEventId = frame.id;
    }
    let data = frame.data;
    try {
      data = JSON.parse(frame.data);
    } catch (e) {
      // not JSON: handed on as text
    }
    onEvent({ id: frame.id ?? lastEventId, type: frame.type || 'message', data, receivedAt: performance.now() });
  }

  async function read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let frame = { id: null, type: null, data: null };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        const eol = buffer[newline] === '\r' && buffer[newline + 1] === '\n' ? 2 : 1;
        if (buffer[newline] === '\r' && newline + 1 === buffer.length) {
          break; // a CR at the end of the chunk may be half of a CRLF
        }
        buffer = buffer.slice(newline + eol);
        if (line === '') {
          dispatch(frame);
          frame = { id: null, type: null, data: null };
          continue;
        }
        if (line.startsWith(':')) {
          continue; // a comment: the server's keep-alive
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) {
          value = value.slice(1);
        }
        if (field === 'data') {
          frame.data = frame.data === null ? value : `${frame.data}\n${value}`;
        } else if (field === 'event') {
          frame.type = value;
        } else if (field === 'id' && !value.includes('\0')) {
          frame.id = value;
        } else if (field === 'retry' && /^\d+$/.test(value)) {
          retryHint = Number(value);
        }
      }
    }
  }

  async function connect() {
    if (closed) {
      return;
    }
    onState('connecting');
    controller = new AbortController();
    const headers = { Accept: 'text/event-stream' };
    const token = getToken();
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    if (lastEventId) {
      headers['Last-Event-ID'] = lastEventId;
    }
    try {
      const response = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (response.status === 401 || response.status === 403) {
        closed = true;
        onState('unauthorized');
        return;
      }
      if (!response.ok || !response.body) {
        throw new Error(`HTTP ${response.status}`);
      }
      onState('open');
      delay = minDelayMs;
      await read(response.body);
    } catch (e) {
      if (closed) {
        return;
      }
    }
    if (!closed) {
      onState('reconnecting');
      const wait = Math.min(retryHint ?? delay, maxDelayMs);
      timer = setTimeout(connect, wait / 2 + Math.random() * wait / 2);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      if (controller) {
        controller.abort();
      }
      onState('closed');
    },
  };
}
