/**
 * A deliberately simple, obviously correct model of the roster fold (PROTOCOL.md §6.0, §6.5):
 * plain Maps of plain prototype-free records, every step copies everything, typed fields come from
 * lookup tables. The optimised fold in src/state must agree with it on every message.
 */
import type { ParticipantsNotify } from '../../src/protocol/messages.js';

export type RefRaw = Record<string, string>;

export interface RefState {
  /** pid → merged pinfoMap, insertion order like a Map. */
  readonly roster: ReadonlyMap<string, RefRaw>;
  readonly initialized: boolean;
  readonly lastVersion: number | undefined;
}

export interface RefEvent {
  readonly type: 'joined' | 'left' | 'updated';
  readonly pid: string;
  readonly changed?: readonly string[];
  readonly before?: RefRaw;
  readonly after?: RefRaw;
}

export interface RefResult {
  readonly state: RefState;
  readonly events: readonly RefEvent[];
  readonly warnings: readonly string[];
}

export const refInitial: RefState = { roster: new Map(), initialized: false, lastVersion: undefined };

function copyRaw(raw: Readonly<Record<string, string>>): RefRaw {
  const out: RefRaw = Object.create(null);
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (typeof value === 'string')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true });
  }
  return out;
}

function mergeRaw(base: RefRaw, changes: Readonly<Record<string, string>>): RefRaw {
  const out = copyRaw(base);
  const more = copyRaw(changes);
  for (const key of Object.keys(more)) {
    Object.defineProperty(out, key, { value: more[key], enumerable: true, writable: true });
  }
  return out;
}

function differingKeys(before: RefRaw, after: RefRaw): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (k) =>
      (Object.hasOwn(before, k) ? before[k] : undefined) !== (Object.hasOwn(after, k) ? after[k] : undefined),
  );
}

/** Folds one message, rebuilding the whole state. */
export function refApply(state: RefState, message: ParticipantsNotify): RefResult {
  const warnings: string[] = [];
  const roster = new Map([...state.roster].map(([pid, raw]) => [pid, copyRaw(raw)] as const));
  if (message.msgMode === 0) {
    const next = new Map<string, RefRaw>();
    for (const item of message.data) {
      if (item.mode === 1) continue;
      const earlier = next.get(item.pid);
      next.set(item.pid, earlier ? mergeRaw(earlier, item.pinfoMap) : copyRaw(item.pinfoMap));
    }
    const events: RefEvent[] = [];
    if (state.initialized) {
      for (const [pid, after] of next) {
        const before = roster.get(pid);
        if (!before) events.push({ type: 'joined', pid, after });
        else {
          const changed = differingKeys(before, after);
          if (changed.length > 0) events.push({ type: 'updated', pid, changed, before, after });
        }
      }
      for (const [pid, before] of roster) if (!next.has(pid)) events.push({ type: 'left', pid, before });
    }
    return { state: { roster: next, initialized: true, lastVersion: undefined }, events, warnings };
  }
  const last = state.lastVersion;
  if (last !== undefined && message.version <= last) {
    warnings.push(message.version === last ? 'DUPLICATE_VERSION' : 'STALE_VERSION');
    return { state, events: [], warnings };
  }
  if (last !== undefined && message.version > last + 1) warnings.push('VERSION_GAP');
  const events: RefEvent[] = [];
  for (const item of message.data) {
    const before = roster.get(item.pid);
    if (item.mode === 1) {
      if (!before) warnings.push('UNKNOWN_REMOVE');
      else {
        roster.delete(item.pid);
        events.push({ type: 'left', pid: item.pid, before });
      }
    } else if (!before) {
      if (!(Object.hasOwn(item.pinfoMap, 'NAME') && typeof item.pinfoMap.NAME === 'string')) {
        warnings.push('UPDATE_UNKNOWN_WITHOUT_NAME');
      }
      const after = copyRaw(item.pinfoMap);
      roster.set(item.pid, after);
      events.push({ type: 'joined', pid: item.pid, after });
    } else {
      const after = mergeRaw(before, item.pinfoMap);
      const changed = differingKeys(before, after);
      if (changed.length === 0) continue;
      roster.set(item.pid, after);
      events.push({ type: 'updated', pid: item.pid, changed, before, after });
    }
  }
  return {
    state: { roster, initialized: state.initialized, lastVersion: message.version },
    events,
    warnings,
  };
}

const lookup = (table: Record<string, string>, value: string | undefined, otherwise: string) =>
  value !== undefined && Object.hasOwn(table, value) ? table[value] : otherwise;

/** The typed fields the model expects for a merged raw map, computed by table. */
export function refParticipant(pid: string, raw: RefRaw): Record<string, unknown> {
  const get = (key: string) => (Object.hasOwn(raw, key) ? raw[key] : undefined);
  const flag = (key: string) => get(key) === '1';
  const addTime = get('ADDTIME');
  const ms = addTime === undefined || addTime.trim() === '' ? Number.NaN : Number(addTime);
  return {
    pid,
    name: get('NAME'),
    tel: get('TEL'),
    role: lookup({ '0': 'participant', '1': 'host', '2': 'audience' }, get('ROLE'), 'unknown'),
    state: lookup({ '0': 'in-meeting', '1': 'calling', '2': 'joining' }, get('STATE'), 'unknown'),
    handRaised: flag('HAND'),
    muted: flag('MUTE'),
    video: flag('VIDEO'),
    sharing: flag('SHARE'),
    broadcast: flag('BROADCAST'),
    rollCall: flag('ROLLCALL'),
    joinedAtMs: Number.isFinite(ms) ? ms : undefined,
    clientType: lookup(
      { Desktop: 'desktop', Mobile: 'mobile', Pad: 'pad', OtherType: 'other' },
      get('CLIENT_LOGIN_TYPE') ?? get('CLICENT_LOGIN_TYPE'),
      'unknown',
    ),
    isCoHost: flag('IS_COHOST'),
    anonymous: flag('ANONYMOUS'),
    localRecording: flag('LOCALREC'),
    viewType:
      get('VIEW_TYPE') === undefined
        ? 'none'
        : lookup({ '0': 'none', '1': 'multi-picture', '2': 'selected-site' }, get('VIEW_TYPE'), 'unknown'),
    m: get('M'),
    t: get('T'),
    accountId: get('ACCOUNT_ID'),
    account: get('ACCOUNT'),
    thirdAccount: get('THIRDACCOUNT'),
    orgId: get('ORG_ID'),
    camera: flag('CAMERASTATE'),
    lockedView: flag('LOCKED_VIEW'),
    rtcUserId: get('RTC_USER_ID'),
    userAgent: get('USER_AGENT'),
    raw: { ...raw },
  };
}
