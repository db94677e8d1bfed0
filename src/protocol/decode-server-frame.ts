/**
 * The public entry points for server frames: text (or a parsed value) in,
 * `Either<FrameDecodeError, ServerFrame>` out, never an exception (§6.13: a bad frame must not close
 * the connection).
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import type { FrameDecodeError } from './decode-error.js';
import { invalidFrame } from './decode-report.js';
import { fastPathOf } from './fast/fast-paths.js';
import { FRAME_CODECS } from './frame-codecs.js';
import type { ServerFrame } from './messages.js';
import { invalidJson, readFrameAction } from './parse-frame-text.js';
import { redactSecrets } from './redact.js';
import { MISS } from './scalars.js';

/**
 * Decodes one text frame from the conference WebSocket into its clean, normalised shape.
 *
 * Liberal as Appendix B asks: numbers sent as strings (and the reverse), padded keys, the alternate
 * spellings of §9, missing optional fields and unknown keys are all accepted; Basic/Dynamic
 * top-level fields are gathered under `data`; an unknown `action` gives an `UnknownNotify`. The
 * frequent pushes in their documented form take a hand-written fast path; the result is what
 * the full io-ts path gives either way. The result may share arrays and objects with the
 * parsed JSON.
 *
 * Failure is a value: not JSON → `FRAME_INVALID_JSON`, not an object → `FRAME_NOT_OBJECT`, no
 * `action` → `FRAME_NO_ACTION`, fields that do not fit → `FRAME_INVALID` with a `path` such as
 * `data[2].pid`. Messages name types, never values, so they cannot carry a password or token.
 *
 * @example
 * ```ts
 * const result = decodeServerFrame(text);
 * if (isRight(result) && result.right.action === 'ParticipantsNotify') {
 *   for (const p of result.right.data) console.log(p.pid, p.pinfoMap.NAME);
 * } else if (isLeft(result)) {
 *   console.warn(formatDecodeError(result.left));
 * }
 * ```
 * @category Protocol
 */
export function decodeServerFrame(text: string): Either<FrameDecodeError, ServerFrame> {
  if (typeof text !== 'string') {
    return left({ code: 'FRAME_INVALID_JSON', path: '', message: 'frame is not text' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return left(invalidJson(text));
  }
  // The parsed value is ours alone, so a fast path may take it apart rather than copy it.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const frame = value as Record<string, unknown>;
    const action = frame.action;
    const fast = typeof action === 'string' ? fastPathOf(action) : undefined;
    if (fast !== undefined) {
      const decoded = fast(frame);
      if (decoded !== MISS) return right(decoded);
    }
  }
  return decodeServerMessage(value);
}

/**
 * The full decode of a frame that is already parsed (e.g. by a transport that parses once for
 * several consumers): the one slow path, io-ts codecs over the key pre-pass, which
 * {@link decodeServerFrame} falls back to. Never changes `value`.
 *
 * @example
 * ```ts
 * decodeServerMessage({ action: 'HeartBeat', sequence: 12 }); // right({ action: 'HeartBeat', sequence: '12' })
 * ```
 * @category Protocol
 */
export function decodeServerMessage(value: unknown): Either<FrameDecodeError, ServerFrame> {
  const action = readFrameAction(value);
  if (typeof action !== 'string') return left(action);
  const frame = value as Record<string, unknown>; // readFrameAction checked it is an object
  const codec = FRAME_CODECS.get(action);
  // §6.13: any other action is delivered as an unknown notification, not an error.
  if (codec === undefined) return right({ action: 'UnknownNotify', rawAction: action, raw: frame });
  const decoded = codec.decode(frame);
  return isLeft(decoded) ? left(invalidFrame(action, decoded.left)) : right(decoded.right);
}

/**
 * One readable line for a decode error, e.g.
 * `FRAME_INVALID ParticipantsNotify at data[2].pid: ParticipantsNotify: required field data[2].pid is missing`.
 * The text is passed through {@link redactSecrets} once more, so it is safe to log.
 * @category Protocol
 */
export function formatDecodeError(error: FrameDecodeError): string {
  const action = error.action === undefined ? '' : ` ${error.action}`;
  const at = error.path === '' ? '' : ` at ${error.path}`;
  return redactSecrets(`${error.code}${action}${at}: ${error.message}`);
}
