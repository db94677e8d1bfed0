/**
 * Why a frame could not be decoded.
 * - `FRAME_INVALID_JSON`: the text is not JSON.
 * - `FRAME_NOT_OBJECT`: the JSON is not an object.
 * - `FRAME_NO_ACTION`: the object has no string `action`.
 * - `FRAME_INVALID`: a known `action` whose fields do not fit, even read liberally.
 * - `FRAME_TOO_LARGE`: the frame exceeds the configured size limit (raised by the transport).
 * @category Errors
 */
export type FrameDecodeErrorCode =
  | 'FRAME_INVALID_JSON'
  | 'FRAME_NOT_OBJECT'
  | 'FRAME_NO_ACTION'
  | 'FRAME_INVALID'
  | 'FRAME_TOO_LARGE';

/**
 * A frame that could not be decoded: a value, never a thrown exception. Its text never contains a
 * password or token (they are redacted before the message is built).
 * @category Errors
 */
export interface FrameDecodeError {
  /** Branch on this. */
  readonly code: FrameDecodeErrorCode;
  /** The frame's `action`, when it had one. */
  readonly action?: string;
  /** Where in the frame decoding failed, e.g. `data[2].pid`; empty for the whole frame. */
  readonly path: string;
  /** A readable, redacted explanation. */
  readonly message: string;
}
