/**
 * Reads a REST answer's body with a size cap, so a misbehaving gateway (or something in the middle)
 * cannot make the client buffer an unbounded answer. The documented answers are well under 2 KB (§2.2, §3).
 */
import type { ResponseLike } from '../transport/fetch-like.js';

/**
 * Thrown by {@link readCappedText} when the body is larger than the cap; `rest-get` turns it into a
 * typed `REST_INVALID_RESPONSE` error.
 */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`answer larger than ${limitBytes} bytes`);
  }
}

const decoder = new TextDecoder();

/** `Content-Length` as a number, when the response says and it is a plain integer. */
function declaredLength(response: ResponseLike): number | undefined {
  const header = response.headers?.get('content-length');
  if (header === null || header === undefined || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/**
 * The body as text, at most `limitBytes` bytes of it. With a streamed body (the global `fetch`)
 * reading stops, and the stream is cancelled, as soon as the cap is passed; a declared
 * `Content-Length` above the cap fails before reading anything. A {@link ResponseLike} without a
 * stream is read with `text()` and then measured: its own implementation decides what it buffers.
 * @throws BodyTooLargeError
 */
export async function readCappedText(response: ResponseLike, limitBytes: number): Promise<string> {
  const declared = declaredLength(response);
  const body = response.body;
  if (declared !== undefined && declared > limitBytes) {
    await body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  if (body === undefined || body === null) {
    const text = await response.text();
    // UTF-8 needs at most 3 bytes per UTF-16 unit; measure exactly only near the cap.
    if (text.length * 3 > limitBytes && new TextEncoder().encode(text).length > limitBytes) {
      throw new BodyTooLargeError(limitBytes);
    }
    return text;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}
