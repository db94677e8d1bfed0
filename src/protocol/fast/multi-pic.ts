/**
 * `multiPic` of ConfDynamicInfoNotify (§6.4: MultiPicInfoNotify and its PicInfoNotify items) as the
 * slow path reads it, for the status fast path.
 * @module
 */
import { isRecord } from '../keys.js';
import type { MultiPicInfo, PicInfo } from '../messages.js';
import { MISS, type Miss, numberOf, stringOf } from '../scalars.js';
import { plainKeys, plainNumber } from './plain.js';

/** Whether every item of `v`, an array, is a string. */
function allStrings(v: unknown[]): boolean {
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/** A PicInfoNotify in its documented form, which the slow path returns equal. */
function plainPicInfo(u: unknown): boolean {
  if (!isRecord(u)) return false;
  const index = u.index;
  if (typeof index !== 'number' || index - index !== 0 || !plainNumber(u.share)) return false;
  const id = u.id;
  return Array.isArray(id) && allStrings(id) && plainKeys(u);
}

/** `multiPic` in its documented form (the usual case), which the slow path returns equal. */
function plainMultiPic(u: Record<string, unknown>): boolean {
  const infos = u.picInfos;
  if (!Array.isArray(infos) || !plainNumber(u.picNum) || !plainNumber(u.period) || !plainKeys(u))
    return false;
  for (let i = 0; i < infos.length; i++) if (!plainPicInfo(infos[i])) return false;
  return true;
}

/** `id` of a PicInfoNotify with its items converted, or MISS. */
function convertIds(v: unknown): string[] | Miss {
  if (!Array.isArray(v)) return MISS;
  const out: string[] = [];
  for (const item of v) {
    const r = stringOf(item);
    if (r === MISS) return MISS;
    out.push(r);
  }
  return out;
}

/**
 * A PicInfoNotify as the slow path reads it: a converted copy (§9.21: numbers as strings), or MISS
 * for what only the slow path takes (a padded key, a missing `id`, a `null`).
 */
function convertPicInfo(u: unknown): PicInfo | Miss {
  if (!isRecord(u) || !plainKeys(u)) return MISS;
  const index = numberOf(u.index);
  const share = u.share === undefined ? undefined : numberOf(u.share);
  const id = convertIds(u.id);
  if (index === MISS || share === MISS || id === MISS) return MISS;
  const out: Record<string, unknown> = { ...u, index, id };
  if (share !== undefined) out.share = share;
  return out as PicInfo;
}

/**
 * `multiPic` as the slow path reads it: itself when in its documented form (the usual case), else a
 * converted copy, or MISS.
 * @internal
 */
export function readMultiPic(u: unknown): MultiPicInfo | Miss {
  if (!isRecord(u)) return MISS;
  if (plainMultiPic(u)) return u as MultiPicInfo;
  if (!plainKeys(u)) return MISS;
  const picNum = u.picNum === undefined ? undefined : numberOf(u.picNum);
  const period = u.period === undefined ? undefined : numberOf(u.period);
  const infos = u.picInfos;
  if (picNum === MISS || period === MISS || !Array.isArray(infos)) return MISS;
  const picInfos: PicInfo[] = [];
  for (const item of infos) {
    const r = plainPicInfo(item) ? (item as PicInfo) : convertPicInfo(item);
    if (r === MISS) return MISS;
    picInfos.push(r);
  }
  const out: Record<string, unknown> = { ...u, picInfos };
  if (picNum !== undefined) out.picNum = picNum;
  if (period !== undefined) out.period = period;
  return out as MultiPicInfo;
}
