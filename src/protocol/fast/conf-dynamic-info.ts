/**
 * ConfDynamicInfoNotify's fast path (§6.4): sent in full on every status change. Property tests
 * prove it equal to the slow path's `notify/conf-dynamic-info.ts` wherever it does not return MISS.
 *
 * It runs on a parsed frame nobody else holds (`decodeServerFrame` parsed it), so the payload is not
 * copied: the envelope keys are deleted from the parsed object, converted fields written back, and
 * the object itself becomes `data`. Everything is checked before anything is changed, so on MISS
 * the frame is as it was for the slow path.
 * @module
 */
import type { ConfDynamicInfo, ConfDynamicInfoNotify } from '../messages.js';
import { MISS, type Miss, numberOf, stringOf } from '../scalars.js';
import { envelopeWithData } from './envelope.js';
import { readMultiPic } from './multi-pic.js';
import { plainKeys, plainNumber, plainString } from './plain.js';

/** Converted fields as (key, value) pairs, applied once the whole frame is known to fit. */
type Changes = unknown[];

/** A number field that is not plain (§6.4 `endTime` is a ms string): converted and queued, or false. */
function convertNumber(changes: Changes, key: string, v: unknown): boolean {
  const r = numberOf(v);
  if (r === MISS) return false;
  changes.push(key, r);
  return true;
}

/** A string field that is not plain, as {@link convertNumber}. */
function convertString(changes: Changes, key: string, v: unknown): boolean {
  const r = stringOf(v);
  if (r === MISS) return false;
  changes.push(key, r);
  return true;
}

/** `multiPic`: absent, as it is, or converted (queued); false for MISS. */
function multiPicFits(changes: Changes, v: unknown): boolean {
  if (v === undefined) return true;
  const r = readMultiPic(v);
  if (r === MISS) return false;
  if (r !== v) changes.push('multiPic', r);
  return true;
}

/**
 * Every §6.4 field, read by name (a named read costs about a nanosecond, a computed key twenty
 * times that). A field left out here would stay unconverted as an unknown key; the fast path's
 * tests check each field of the slow codec.
 */
function statusFieldsFit(u: Record<string, unknown>, changes: Changes): boolean {
  return (
    (plainString(u.state) || convertString(changes, 'state', u.state)) &&
    (plainNumber(u.endTime) || convertNumber(changes, 'endTime', u.endTime)) &&
    (plainString(u.mode) || convertString(changes, 'mode', u.mode)) &&
    (plainNumber(u.vas) || convertNumber(changes, 'vas', u.vas)) &&
    (plainNumber(u.lock) || convertNumber(changes, 'lock', u.lock)) &&
    (plainNumber(u.mute) || convertNumber(changes, 'mute', u.mute)) &&
    (plainNumber(u.lockSharing) || convertNumber(changes, 'lockSharing', u.lockSharing)) &&
    (plainNumber(u.canUnmute) || convertNumber(changes, 'canUnmute', u.canUnmute)) &&
    (plainNumber(u.chairView) || convertNumber(changes, 'chairView', u.chairView)) &&
    (plainNumber(u.picNum) || convertNumber(changes, 'picNum', u.picNum)) &&
    (plainNumber(u.partViewNum) || convertNumber(changes, 'partViewNum', u.partViewNum)) &&
    (plainNumber(u.maxPartViewNum) || convertNumber(changes, 'maxPartViewNum', u.maxPartViewNum)) &&
    (plainNumber(u.recState) || convertNumber(changes, 'recState', u.recState)) &&
    multiPicFits(changes, u.multiPic) &&
    (plainString(u.confIMGroupId) || convertString(changes, 'confIMGroupId', u.confIMGroupId)) &&
    (plainNumber(u.forbiddenChat) || convertNumber(changes, 'forbiddenChat', u.forbiddenChat)) &&
    (plainNumber(u.recOccurred) || convertNumber(changes, 'recOccurred', u.recOccurred)) &&
    (plainNumber(u.realTimeSubtitle) || convertNumber(changes, 'realTimeSubtitle', u.realTimeSubtitle)) &&
    (plainNumber(u.waitingRoomState) || convertNumber(changes, 'waitingRoomState', u.waitingRoomState))
  );
}

/**
 * Deletes the envelope keys from `u`, last first in the order the server sends them (§6.3, §6.4
 * examples: the envelope comes last, `action` at the very end). Deleting the last-added property
 * keeps V8's fast object layout; any other delete turns the object into a slow dictionary, so a
 * frame in another order still gives the same object, only slower to build and to read.
 */
function deleteEnvelopeKeys(u: Record<string, unknown>): void {
  delete u.action;
  delete u.createTime;
  delete u.version;
  delete u.msgMode;
  delete u.msgID;
  delete u.confID;
}

/**
 * The fast path for a parsed frame nobody else holds: `u` itself becomes `data` (see the module
 * comment); MISS, with `u` unchanged, when the frame is not in its documented form.
 * @internal
 */
export function confDynamicInfoNotifyFast(u: Record<string, unknown>): ConfDynamicInfoNotify | Miss {
  // The slow path would trim a padded key or drop `__proto__`, so `u` could not be its own payload.
  if (!plainKeys(u)) return MISS;
  const changes: Changes = [];
  if (!statusFieldsFit(u, changes)) return MISS;
  const frame = envelopeWithData<ConfDynamicInfoNotify>(u, 'ConfDynamicInfoNotify', u as ConfDynamicInfo);
  if (frame === MISS) return MISS;
  deleteEnvelopeKeys(u);
  for (let i = 0; i < changes.length; i += 2) u[changes[i] as string] = changes[i + 1];
  return frame;
}
