import { describe, expect, it } from 'vitest';
import WsWebSocket from 'ws';
import { type ConnectionEvent, connection } from '../../src/transport/connection.js';
import type { WebSocketConstructor, WebSocketLike } from '../../src/transport/websocket-like.js';

// Type-level: both the DOM WebSocket and ws's default export fit the injectable constructor type.
const _dom: WebSocketConstructor = undefined as unknown as typeof WebSocket;
const _ws: WebSocketConstructor = WsWebSocket;
void _dom;
void _ws;

/** A scripted stand-in for a WebSocket. */
class FakeSocket implements WebSocketLike {
  readyState = 0;
  binaryType = 'blob';
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  readonly sent: string[] = [];
  readonly closedWith: Array<[number | undefined, string | undefined]> = [];
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(data);
  }
  close(code?: number, reason?: string): void {
    this.closedWith.push([code, reason]);
    this.readyState = 2;
  }
  serverOpens(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSends(data: unknown): void {
    this.onmessage?.({ data });
  }
  serverCloses(code: number, reason: string): void {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({ code, reason, wasClean: code !== 1006 });
  }
}

function open(maxFrameBytes?: number) {
  const sockets: FakeSocket[] = [];
  const events: ConnectionEvent[] = [];
  const errors: unknown[] = [];
  const sub = connection({
    url: 'ws://127.0.0.1:1/cms/open/websocket/confctl/increment/conn?confID=1&tmpToken=cnrSECRET',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    ...(maxFrameBytes === undefined ? {} : { maxFrameBytes }),
  }).subscribe({ next: (e) => events.push(e), error: (e) => errors.push(e) });
  return { socket: sockets[0]!, sockets, events, errors, sub };
}

describe('connection', () => {
  it('opens one socket per subscription, lazily', () => {
    const created: string[] = [];
    const conn = connection({
      url: 'ws://x',
      createSocket: (u) => {
        created.push(u);
        return new FakeSocket(u);
      },
    });
    expect(created).toEqual([]);
    conn.subscribe().unsubscribe();
    conn.subscribe().unsubscribe();
    expect(created).toEqual(['ws://x', 'ws://x']);
  });

  it('emits open with a send function, then each text frame', () => {
    const { socket, events } = open();
    socket.serverOpens();
    const first = events[0];
    expect(first?.type).toBe('open');
    if (first?.type === 'open') first.send('{"action":"HeartBeat"}');
    socket.serverSends('{"a":1}');
    socket.serverSends(new TextEncoder().encode('{"b":2}').buffer);
    expect(socket.sent).toEqual(['{"action":"HeartBeat"}']);
    expect(events.slice(1)).toEqual([
      { type: 'message', text: '{"a":1}' },
      { type: 'message', text: '{"b":2}' },
    ]);
    expect(socket.binaryType).toBe('arraybuffer');
  });

  it('reports a frame above maxFrameBytes as oversized instead of delivering it', () => {
    const { socket, events } = open(10);
    socket.serverOpens();
    socket.serverSends('x'.repeat(11));
    socket.serverSends('é'.repeat(6)); // 6 characters, 12 bytes
    socket.serverSends('small');
    expect(events.slice(1)).toEqual([
      { type: 'oversized', bytes: 11 },
      { type: 'oversized', bytes: 12 },
      { type: 'message', text: 'small' },
    ]);
  });

  it('errors with WS_CLOSED carrying the close code and reason, and never the URL', () => {
    const { socket, errors } = open();
    socket.serverOpens();
    socket.serverCloses(4001, 'auth failed');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'WS_CLOSED', closeCode: 4001, reason: 'auth failed', wasClean: true }),
    ]);
    expect(JSON.stringify(errors)).not.toContain('cnrSECRET');
  });

  it('turns close code 4004 into MEETING_ENDED (§8)', () => {
    const { socket, errors } = open();
    socket.serverCloses(4004, 'conference ended');
    expect(errors).toEqual([expect.objectContaining({ code: 'MEETING_ENDED', via: 'close-4004' })]);
  });

  it('closes the socket with 1000 on unsubscribe and delivers nothing of it afterwards', () => {
    const { socket, events, errors, sub } = open();
    socket.serverOpens();
    sub.unsubscribe();
    expect(socket.closedWith).toEqual([[1000, 'client closed']]);
    // A late frame or close of the superseded socket reaches nobody.
    socket.onmessage?.({ data: 'late' });
    socket.onclose?.({ code: 1006, reason: '', wasClean: false });
    expect(events).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(socket.onerror).toBeTypeOf('function');
  });

  it('does not send once the socket is no longer open', () => {
    const { socket, events } = open();
    socket.serverOpens();
    socket.readyState = 2;
    const first = events[0];
    expect(first?.type).toBe('open');
    if (first?.type === 'open') first.send('late');
    expect(socket.sent).toEqual([]);
  });

  it('turns a throwing constructor into NETWORK without quoting the URL', () => {
    const errors: unknown[] = [];
    connection({
      url: 'ws://bad?tmpToken=cnrSECRET',
      createSocket: (url) => {
        throw new SyntaxError(`Invalid URL: ${url}`);
      },
    }).subscribe({ error: (e) => errors.push(e) });
    expect(errors).toEqual([{ code: 'NETWORK', message: 'could not open the WebSocket (SyntaxError)' }]);
  });
});
