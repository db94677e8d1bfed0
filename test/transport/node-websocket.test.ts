/**
 * `createNodeWebSocket` (src/transport/node-websocket.ts): a `ws` socket behind the browser-style
 * API, against a `ws` server on 127.0.0.1, with the cause of an abnormal close put into the close
 * event.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createNodeWebSocket } from '../../src/transport/node-websocket.js';
import type { WebSocketLike } from '../../src/transport/websocket-like.js';

const servers: WebSocketServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    for (const client of server.clients) client.terminate();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server on a free loopback port that does `onConnection` with each socket. */
async function serve(onConnection: (socket: import('ws').WebSocket) => void): Promise<string> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  servers.push(server);
  server.on('connection', onConnection);
  await once(server, 'listening');
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** The events a socket reports until it closes. */
function record(socket: WebSocketLike) {
  const events: unknown[] = [];
  socket.onopen = () => events.push('open');
  socket.onmessage = (event) => events.push({ message: event.data });
  socket.onerror = () => events.push('error');
  const closed = new Promise<{ code: number; reason: string; wasClean: boolean }>((resolve) => {
    socket.onclose = (event) =>
      resolve({ code: event.code, reason: event.reason ?? '', wasClean: event.wasClean });
  });
  return { events, closed };
}

describe('createNodeWebSocket', () => {
  it('delivers text frames as strings and binary frames as ArrayBuffers, and sends text', async () => {
    const url = await serve((socket) => {
      socket.on('message', (data) => socket.send(`echo ${String(data)}`));
      socket.send(Buffer.from([104, 105]), { binary: true });
    });
    const socket = createNodeWebSocket(1024)(url);
    const { events } = record(socket);
    await new Promise<void>((resolve) => {
      const open = socket.onopen;
      socket.onopen = (event) => {
        open?.(event);
        resolve();
      };
    });
    expect(socket.readyState).toBe(1);
    socket.send('ping');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const messages = events.filter((event): event is { message: unknown } => typeof event === 'object');
    expect(messages[0]?.message).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(messages[0]?.message as ArrayBuffer)).toEqual(new Uint8Array([104, 105]));
    expect(messages[1]).toEqual({ message: 'echo ping' });
    socket.close(1000, 'done');
  });

  it('keeps binaryType to the values ws knows', () => {
    const socket = createNodeWebSocket(1024)('ws://127.0.0.1:9/');
    record(socket);
    expect(socket.binaryType).toBe('arraybuffer');
    socket.binaryType = 'nodebuffer';
    expect(socket.binaryType).toBe('nodebuffer');
    socket.binaryType = 'blob';
    expect(socket.binaryType).toBe('nodebuffer');
    socket.close();
  });

  it('a frame over maxPayload closes with 1009 and says why, not a bare 1006', async () => {
    const url = await serve((socket) => socket.send('x'.repeat(2048)));
    const { closed } = record(createNodeWebSocket(1024)(url));
    expect(await closed).toEqual({
      code: 1009,
      reason: 'frame larger than maxFrameBytes (1024 bytes)',
      wasClean: false,
    });
  });

  it('a refused connection closes with 1006 and the error code, never the URL', async () => {
    const url = await serve(() => {});
    const port = new URL(url).port;
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const { closed, events } = record(
      createNodeWebSocket(1024)(`ws://127.0.0.1:${port}/x?tmpToken=cnrSECRET`),
    );
    const close = await closed;
    expect(close).toEqual({ code: 1006, reason: 'network error: ECONNREFUSED', wasClean: false });
    expect(events).toContain('error');
    expect(close.reason).not.toContain('cnrSECRET');
  });

  it('a server close passes its own code and reason through', async () => {
    const url = await serve((socket) => socket.close(4004, 'conference ended'));
    const { closed } = record(createNodeWebSocket(1024)(url));
    expect(await closed).toEqual({ code: 4004, reason: 'conference ended', wasClean: true });
  });

  it('offers no permessage-deflate', async () => {
    let offered: string | undefined = 'not seen';
    const url = await serve(() => {});
    servers[0]?.on('headers', (_headers, request) => {
      offered = request.headers['sec-websocket-extensions'];
    });
    const socket = createNodeWebSocket(1024)(url);
    const { events } = record(socket);
    while (!events.includes('open')) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(offered).toBeUndefined();
    socket.close();
  });
});
