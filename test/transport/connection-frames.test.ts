/**
 * `connection` (src/transport/connection.ts): how received data becomes text, where the frame-size
 * limit falls, and how the socket is set up and torn down, with a scripted socket.
 */
import { describe, expect, it } from 'vitest';
import { type ConnectionEvent, connection, DEFAULT_MAX_FRAME_BYTES } from '../../src/transport/connection.js';
import type { WebSocketLike } from '../../src/transport/websocket-like.js';

class ScriptedSocket implements WebSocketLike {
  readyState = 0;
  binaryType = 'blob';
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  readonly closedWith: Array<[number | undefined, string | undefined]> = [];
  send(): void {}
  close(code?: number, reason?: string): void {
    this.closedWith.push([code, reason]);
  }
}

function watch(maxFrameBytes?: number) {
  let socket: ScriptedSocket | undefined;
  const events: ConnectionEvent[] = [];
  const subscription = connection({
    url: 'ws://127.0.0.1:1/x',
    createSocket: () => {
      socket = new ScriptedSocket();
      return socket;
    },
    ...(maxFrameBytes === undefined ? {} : { maxFrameBytes }),
  }).subscribe({ next: (event) => events.push(event), error: () => {} });
  return { socket: socket as ScriptedSocket, events, subscription };
}

const receive = (socket: ScriptedSocket, data: unknown) => socket.onmessage?.({ data });

describe('connection: received data as text', () => {
  it('decodes a binary frame (ArrayBuffer, or a view such as a Buffer) as UTF-8', () => {
    const { socket, events } = watch();
    const bytes = new TextEncoder().encode('{"a":"é"}');
    receive(socket, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    receive(socket, Buffer.from('{"b":"ü"}'));
    expect(events).toEqual([
      { type: 'message', text: '{"a":"é"}' },
      { type: 'message', text: '{"b":"ü"}' },
    ]);
  });

  it('turns anything else into its string form', () => {
    const { socket, events } = watch();
    receive(socket, 42);
    expect(events).toEqual([{ type: 'message', text: '42' }]);
  });

  it('asks for binary frames as ArrayBuffers', () => {
    expect(watch().socket.binaryType).toBe('arraybuffer');
  });
});

describe('connection: the frame-size limit', () => {
  it('is 1 MiB by default', () => {
    expect(DEFAULT_MAX_FRAME_BYTES).toBe(1024 * 1024);
    const { socket, events } = watch();
    receive(socket, 'x'.repeat(DEFAULT_MAX_FRAME_BYTES));
    receive(socket, 'x'.repeat(DEFAULT_MAX_FRAME_BYTES + 1));
    expect(events.map((event) => event.type)).toEqual(['message', 'oversized']);
  });

  it('counts UTF-8 bytes, not characters: exactly the limit passes, one byte more does not', () => {
    const { socket, events } = watch(10);
    receive(socket, 'ééééé'); // 5 characters, 10 bytes
    receive(socket, 'éééééa'); // 6 characters, 11 bytes
    receive(socket, 'abc'); // 3 characters: 3 × 3 ≤ 10, no count needed
    receive(socket, 'abcdefghijk'); // 11 characters > 10 bytes whatever they are
    expect(events).toEqual([
      { type: 'message', text: 'ééééé' },
      { type: 'oversized', bytes: 11 },
      { type: 'message', text: 'abc' },
      { type: 'oversized', bytes: 11 },
    ]);
  });

  it('a text whose every character may take three bytes is counted exactly at the bound', () => {
    const { socket, events } = watch(9);
    receive(socket, 'abc'); // 3 × 3 = 9: within by the cheap bound
    receive(socket, '€€€'); // 9 bytes exactly
    receive(socket, 'abcd'); // 4 characters, 4 bytes: counted, within
    expect(events.map((event) => event.type)).toEqual(['message', 'message', 'message']);
  });
});

describe('connection: teardown', () => {
  it('closes a socket that is still connecting with 1000, and detaches every handler', () => {
    const { socket, subscription } = watch();
    subscription.unsubscribe();
    expect(socket.closedWith).toEqual([[1000, 'client closed']]);
    expect(socket.onopen).toBeNull();
    expect(socket.onmessage).toBeNull();
    expect(socket.onclose).toBeNull();
    // An error listener stays: ws would throw an 'error' emitted without one.
    expect(typeof socket.onerror).toBe('function');
    expect(socket.onerror?.({})).toBeUndefined();
  });

  it('closes an open socket with 1000, and leaves one already closing alone', () => {
    const open = watch();
    open.socket.readyState = 1;
    open.subscription.unsubscribe();
    expect(open.socket.closedWith).toEqual([[1000, 'client closed']]);

    const closing = watch();
    closing.socket.readyState = 2;
    closing.subscription.unsubscribe();
    expect(closing.socket.closedWith).toEqual([]);
  });

  it('detaches its handlers when the server closes, so nothing of that socket arrives later', () => {
    const { socket, events } = watch();
    socket.onclose?.({ code: 1006, reason: '', wasClean: false });
    expect(socket.onmessage).toBeNull();
    expect(socket.onopen).toBeNull();
    expect(events).toEqual([]);
  });
});
