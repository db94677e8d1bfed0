import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import type { FrameDecodeError } from '../../src/protocol/decode-error.js';
import {
  decodeServerFrame,
  decodeServerMessage,
  formatDecodeError,
} from '../../src/protocol/decode-server-frame.js';
import { fastPathOf } from '../../src/protocol/fast/fast-paths.js';
import type { ServerFrame } from '../../src/protocol/messages.js';
import { MISS } from '../../src/protocol/scalars.js';
import { Secret } from '../../src/security/secret.js';

/** Decodes `text` and returns the frame, failing the test with the decode error otherwise. */
export function decodeOk(text: string): ServerFrame {
  const result = decodeServerFrame(text);
  if (isLeft(result)) throw new Error(`expected Right, got ${formatDecodeError(result.left)}`);
  return result.right;
}

/** Decodes `text` and returns the error, failing the test if it decoded. */
export function decodeErr(text: string): FrameDecodeError {
  const result = decodeServerFrame(text);
  if (isRight(result)) throw new Error(`expected Left, got ${JSON.stringify(result.right)}`);
  return result.left;
}

/** Narrows a decoded frame to one action. */
export function as<A extends ServerFrame['action']>(
  frame: ServerFrame,
  action: A,
): Extract<ServerFrame, { action: A }> {
  if (frame.action !== action) throw new Error(`expected ${action}, got ${frame.action}`);
  return frame as Extract<ServerFrame, { action: A }>;
}

/**
 * A deep copy with every Secret replaced by `{ secret: <text> }`: `toEqual` sees no difference
 * between two Secrets (they have no enumerable state), so comparisons go through this.
 */
export function revealSecrets(value: unknown): unknown {
  if (value instanceof Secret) return { secret: value.reveal() };
  if (Array.isArray(value)) return value.map(revealSecrets);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revealSecrets(v)]));
  }
  return value;
}

/**
 * Both decode paths on fresh parses of `text`, and whether a fast path produced the result.
 * `normal` is the decode of text (whose fast path may take the parse apart), `shared` the decode of
 * a parsed value the caller keeps (which must be left as it was), `full` the slow path.
 */
export function bothPaths(text: string): {
  normal: unknown;
  shared: unknown;
  full: unknown;
  tookFastPath: boolean;
} {
  const normal = decodeServerFrame(text);
  const kept: unknown = JSON.parse(text);
  const shared = decodeServerMessage(kept);
  if (JSON.stringify(kept) !== JSON.stringify(JSON.parse(text))) throw new Error('shared parse was changed');
  const full = decodeServerMessage(JSON.parse(text));
  const parsed = JSON.parse(text) as Record<string, unknown>;
  // decodeServerFrame looks for a fast path under the exact action only.
  const fast = typeof parsed.action === 'string' ? fastPathOf(parsed.action) : undefined;
  const tookFastPath = fast !== undefined && fast(parsed) !== MISS;
  return {
    normal: revealSecrets(normal),
    shared: revealSecrets(shared),
    full: revealSecrets(full),
    tookFastPath,
  };
}
