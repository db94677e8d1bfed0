/**
 * The first step shared by the server- and client-frame decoders: frame text to a JSON value.
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { left, right } from 'fp-ts/lib/Either.js';
import type { FrameDecodeError } from './decode-error.js';

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
    return left({
      code: 'FRAME_INVALID_JSON',
      path: '',
      message: `frame is not valid JSON (${text.length} characters)`,
    });
  }
}
