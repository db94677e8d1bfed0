/**
 * The envelope reader (§6.0) shared by every fast path.
 * @module
 */
import { needsTrim } from '../keys.js';
import type { NotifyEnvelope } from '../messages.js';
import { binaryOf, MISS, type Miss, numberOf, stringOf } from '../scalars.js';

/**
 * Whether some own key of `u` has white space around it. Reached only when an envelope field is
 * absent, to rule out a padded spelling of it (which the full decode would read).
 */
function hasPaddedKey(u: Record<string, unknown>): boolean {
  for (const k in u) if (needsTrim(k)) return true;
  return false;
}

/**
 * The frame `{ action, version, createTime, msgID, msgMode, confID, data }` when `u`'s envelope is
 * in its documented form (`action` exactly `action`, every field under its exact key), or MISS.
 * The exact key wins over any padded one in the full decode too, so the other keys of `u` only
 * matter when `msgID` is absent. Every frame it builds has the same shape, so code reading frames
 * stays monomorphic.
 * @internal
 */
export function envelopeWithData<N extends NotifyEnvelope<string> & { readonly data: unknown }>(
  u: Record<string, unknown>,
  action: N['action'],
  data: N['data'],
): N | Miss {
  if (u.action !== action) return MISS;
  let version = u.version;
  // Plain values are checked inline; only the others pay for a converter call.
  if (typeof version !== 'number' || version - version !== 0) {
    version = numberOf(version);
    if (version === MISS) return MISS;
  }
  let createTime = u.createTime;
  if (typeof createTime !== 'number' || createTime - createTime !== 0) {
    createTime = numberOf(createTime);
    if (createTime === MISS) return MISS;
  }
  let msgID = u.msgID;
  if (typeof msgID !== 'string') {
    if (msgID === undefined) {
      if (hasPaddedKey(u)) return MISS;
      msgID = '';
    } else {
      msgID = stringOf(msgID);
      if (msgID === MISS) return MISS;
    }
  }
  let msgMode = u.msgMode;
  if (msgMode !== 0 && msgMode !== 1) {
    msgMode = binaryOf(msgMode);
    if (msgMode === MISS) return MISS;
  }
  let confID = u.confID;
  if (typeof confID !== 'string') {
    confID = stringOf(confID);
    if (confID === MISS) return MISS;
  }
  return { action, version, createTime, msgID, msgMode, confID, data } as N;
}
