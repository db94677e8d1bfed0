/**
 * The first steps shared by the server- and client-frame decoders: frame text to a JSON value, and
 * the frame's `action`.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { left, right } from 'fp-ts/lib/Either.js';
import type { FrameDecodeError } from './decode-error.js';
import { kindOf } from './decode-report.js';
import { hasKey, isRecord } from './keys.js';

/**
 * Parses one frame's text. Never throws: text that is not JSON gives a `FRAME_INVALID_JSON` Left
 * that names only the text's size, because the engine's own message quotes the text, and so
 * possibly a token.
 * @internal
 */
export function parseFrameText(text: string): Either<FrameDecodeError, unknown> {
  try {
    return right(JSON.parse(text) as unknown);
  } catch {
    return left(invalidJson(text));
  }
}

/**
 * The `FRAME_INVALID_JSON` error for `text` that `JSON.parse` refused.
 * @internal
 */
export function invalidJson(text: string): FrameDecodeError {
  return {
    code: 'FRAME_INVALID_JSON',
    path: '',
    message: `frame is not valid JSON (${text.length} characters)`,
  };
}

/**
 * The `action` of a parsed frame (exact key first, then a padded key, as Appendix B asks; the value
 * trimmed), or the `FRAME_NOT_OBJECT` / `FRAME_NO_ACTION` error. A string result means `value` is a
 * JSON object.
 * @internal
 */
export function readFrameAction(value: unknown): string | FrameDecodeError {
  if (!isRecord(value)) {
    return { code: 'FRAME_NOT_OBJECT', path: '', message: `frame is ${kindOf(value)}, not a JSON object` };
  }
  let raw = value.action;
  if (raw === undefined && !hasKey(value, 'action')) {
    const padded = Object.keys(value).find((k) => k.trim() === 'action');
    raw = padded === undefined ? undefined : value[padded];
  }
  const action = typeof raw === 'string' ? raw.trim() : '';
  return action === ''
    ? { code: 'FRAME_NO_ACTION', path: 'action', message: 'frame has no string "action"' }
    : action;
}
