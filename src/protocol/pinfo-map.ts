/**
 * `pinfoMap` of §6.5/§6.11: an open string→string map. io-ts's `t.record` would fail the whole
 * participant on one odd value; §6.5 asks to never drop a participant for an unknown key or value,
 * so this is a small custom `t.Type`.
 * @module
 */
import * as t from 'io-ts';
import { hasKey, isPlainKey, isRecord, needsTrim } from './keys.js';

/** §9.15: the tables spell the key `CLICENT_LOGIN_TYPE`; the examples use `CLIENT_LOGIN_TYPE`. */
const TYPO = 'CLICENT_LOGIN_TYPE';
const SPELLED = 'CLIENT_LOGIN_TYPE';

/**
 * Whether a pinfoMap key stays as it is: not padded, not `__proto__`, not the typo spelling.
 * @internal
 */
export function isPlainPinfoKey(key: string): boolean {
  return isPlainKey(key) && key !== TYPO;
}

function isStringMap(u: unknown): u is Record<string, string> {
  if (!isRecord(u)) return false;
  for (const k in u) if (typeof u[k] !== 'string') return false;
  return true;
}

/**
 * Keys trimmed and the typo renamed; exact spellings win, so `CLIENT_LOGIN_TYPE` beats
 * `CLICENT_LOGIN_TYPE` and `NAME` beats `"NAME "`. Numbers and booleans become strings; null, object
 * and array values are dropped; `__proto__` is dropped.
 */
function normalisePinfoMap(u: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: unknown): void => {
    const name = key === TYPO ? SPELLED : key;
    if (name === '__proto__' || hasKey(out, name)) return;
    if (typeof value === 'string') out[name] = value;
    else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
      out[name] = String(value);
    }
  };
  const keys = Object.keys(u);
  for (const k of keys) if (!needsTrim(k) && k !== TYPO) put(k, u[k]);
  for (const k of keys) if (k === TYPO) put(k, u[k]);
  for (const k of keys) if (needsTrim(k)) put(k.trim(), u[k]);
  return out;
}

/**
 * The pinfoMap codec: any JSON object decodes (see {@link normalisePinfoMap}); anything else fails.
 * @internal
 */
export const PinfoMap: t.Type<
  Readonly<Record<string, string>>,
  Readonly<Record<string, string>>,
  unknown
> = new t.Type<Readonly<Record<string, string>>, Readonly<Record<string, string>>, unknown>(
  'pinfoMap (string map)',
  isStringMap,
  (u, c) => (isRecord(u) ? t.success(normalisePinfoMap(u)) : t.failure(u, c)),
  t.identity,
);
