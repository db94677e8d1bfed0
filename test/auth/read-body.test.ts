import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readCappedText } from '../../src/auth/read-body.js';
import type { ResponseLike } from '../../src/transport/fetch-like.js';

const bytes = (text: string) => new TextEncoder().encode(text);

/** A streamed body of these chunks; counts the chunks pulled and whether it was cancelled. */
function streamed(chunks: readonly Uint8Array[], contentLength?: string) {
  const seen = { pulled: 0, cancelled: false };
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk === undefined) return controller.close();
      seen.pulled++;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const response: ResponseLike = {
    status: 200,
    ok: true,
    text: () => Promise.reject(new Error('text() must not be called when there is a body')),
    headers: { get: (name) => (name === 'content-length' ? (contentLength ?? null) : null) },
    body,
  };
  return { response, seen };
}

/** A response without a stream: only `text()`. */
const textOnly = (text: string): ResponseLike => ({ status: 200, ok: true, text: async () => text });

describe('readCappedText', () => {
  it('joins a streamed body, a character split across chunks included', async () => {
    const all = bytes('{"name":"Zoë 李"}');
    const { response } = streamed([all.slice(0, 11), all.slice(11, 12), all.slice(12)]);
    await expect(readCappedText(response, 1024)).resolves.toBe('{"name":"Zoë 李"}');
  });

  it('stops reading and cancels the stream as soon as the cap is passed', async () => {
    const chunk = new Uint8Array(100).fill(0x20);
    const { response, seen } = streamed(Array.from({ length: 50 }, () => chunk));
    await expect(readCappedText(response, 250)).rejects.toEqual(new BodyTooLargeError(250));
    expect(seen.pulled).toBeLessThan(6);
    expect(seen.cancelled).toBe(true);
  });

  it('fails on a declared Content-Length above the cap before reading anything', async () => {
    const { response, seen } = streamed([bytes('x')], ' 2048 ');
    const error = await readCappedText(response, 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyTooLargeError);
    expect((error as BodyTooLargeError).limitBytes).toBe(1024);
    expect(seen).toEqual({ pulled: 0, cancelled: true });
  });

  it('ignores a Content-Length that is not a plain integer and reads the body', async () => {
    const { response } = streamed([bytes('ok')], '12abc');
    await expect(readCappedText(response, 1024)).resolves.toBe('ok');
  });

  it('without a stream reads text() and measures it in UTF-8 bytes', async () => {
    await expect(readCappedText(textOnly('a'.repeat(100)), 100)).resolves.toBe('a'.repeat(100));
    // 60 characters, 120 bytes.
    await expect(readCappedText(textOnly('é'.repeat(60)), 100)).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
