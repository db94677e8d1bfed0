/**
 * Child-process half of default-websocket.test.ts, run as
 * `node --experimental-websocket --import tsx default-websocket-probe.ts <default|global>`, so a
 * global `WebSocket` exists as it does on Node 22+. Starts a `ws` server on 127.0.0.1 that accepts
 * permessage-deflate and sends one frame four times `maxFrameBytes`, connects through
 * `connection` with the default factory (`default`) or the global `WebSocket` itself (`global`,
 * the control), prints one JSON line saying what happened, and stops the server.
 */
import type { IncomingMessage } from 'node:http';
import { WebSocketServer } from 'ws';
import { connection } from '../../src/transport/connection.js';
import { defaultWebSocketFactory } from '../../src/transport/default-websocket.js';
import type { CreateWebSocket } from '../../src/transport/websocket-like.js';

const MAX_FRAME_BYTES = 1024;
const mode = process.argv[2];

/** What the test reads. */
export interface ProbeReport {
  /** `typeof globalThis.WebSocket` in this process: `'function'` when the flag did its job. */
  readonly globalWebSocket: string;
  /** The client's `Sec-WebSocket-Extensions` request header, `null` when it offered none. */
  readonly offered: string | null;
  /** The extensions the server accepted (`''` for none). */
  readonly accepted: string;
  /** The `connection` event types received, in order. */
  readonly events: readonly string[];
  /** The error `connection` ended with, if it did. */
  readonly error: unknown;
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: true });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const { port } = server.address() as { port: number };

let offered: string | null = null;
let accepted = '';
server.on('connection', (socket, request: IncomingMessage) => {
  offered = request.headers['sec-websocket-extensions'] ?? null;
  accepted = socket.extensions;
  socket.send('x'.repeat(MAX_FRAME_BYTES * 4));
});

const Global = (globalThis as { WebSocket?: new (url: string) => ReturnType<CreateWebSocket> }).WebSocket;
const create: CreateWebSocket =
  mode === 'global' && Global !== undefined
    ? (url) => new Global(url)
    : await defaultWebSocketFactory(MAX_FRAME_BYTES);

const events: string[] = [];
// Ends at the first close (the `ws` path: 1009) or the first delivered/dropped frame (a socket
// without a frame limit), whichever comes; 5 s at most so a hang shows up as a report, not a stall.
const error = await new Promise<unknown>((resolve) => {
  const timer = setTimeout(() => resolve('no outcome within 5 s'), 5000);
  const subscription = connection({
    url: `ws://127.0.0.1:${port}`,
    createSocket: create,
    maxFrameBytes: MAX_FRAME_BYTES,
  }).subscribe({
    next: (event) => {
      events.push(event.type);
      if (event.type === 'open') return;
      clearTimeout(timer);
      queueMicrotask(() => subscription.unsubscribe());
      resolve(undefined);
    },
    error: (failure: unknown) => {
      clearTimeout(timer);
      resolve(failure);
    },
  });
});

const report: ProbeReport = { globalWebSocket: typeof Global, offered, accepted, events, error };
process.stdout.write(`${JSON.stringify(report)}\n`);
for (const client of server.clients) client.terminate();
server.close();
