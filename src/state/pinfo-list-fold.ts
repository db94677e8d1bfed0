/**
 * The folding rules shared by ParticipantsNotify and WaitingListNotify (PROTOCOL.md §6.0, §6.5,
 * §6.11): lists of `{ pid, mode, pinfoMap }` items, full messages replace, incremental ones merge.
 * @module
 */
import { PersistentMap } from './persistent-map.js';
import type { PinfoRecord } from './pinfo-record.js';
import { PinfoView } from './pinfo-view.js';
import { checkVersion } from './version-check.js';
import type { StateWarning } from './warnings.js';

/**
 * A change to one person of a folded list. `before` is the person as held before the change,
 * `after` as held after it; `changed` lists the `pinfoMap` keys whose value differs (keys a full
 * message no longer carries count as changed).
 * @category State
 */
export type ListEvent<T> =
  | { readonly type: 'joined'; readonly pid: string; readonly after: T }
  | { readonly type: 'left'; readonly pid: string; readonly before: T }
  | {
      readonly type: 'updated';
      readonly pid: string;
      readonly changed: readonly string[];
      readonly before: T;
      readonly after: T;
    };

/** One `{ pid, mode, pinfoMap }` item (ParticipantItem, WaitingListItem). */
interface PinfoItem {
  readonly pid: string;
  readonly mode: 0 | 1;
  readonly pinfoMap: Readonly<Record<string, string>>;
}

/** The part of a push this fold reads. */
interface PinfoListMessage {
  readonly action: string;
  readonly version: number;
  readonly msgMode: 0 | 1;
  readonly data: readonly PinfoItem[];
}

/** What the generic fold returns; the public folds rename `items` and pass the rest through as is. */
export interface PinfoListResult<T> {
  readonly items: ReadonlyMap<string, T>;
  readonly initialized: boolean;
  readonly lastVersion: number | undefined;
  readonly events: readonly ListEvent<T>[];
  readonly warnings: readonly StateWarning[];
  readonly full: boolean;
  readonly changed: boolean;
}

const NO_EVENTS: readonly never[] = Object.freeze([]);

/**
 * Folds one message into a list state.
 *
 * - Version rules: {@link checkVersion}.
 * - Full message: replaces everything. The first one (`initialized` false) yields no events: it is
 *   the initial snapshot, not people arriving. Later ones (resyncs) are diffed against what was
 *   held, so only real arrivals, departures and changes are reported, and unchanged people keep
 *   their object identity; a resync with no difference at all returns the held list itself with
 *   `changed: false`. `mode: 1` items inside a full message are ignored.
 * - Incremental message: `mode: 0` merges the given keys (creating the person if unknown);
 *   `mode: 1` removes. Cost O(items × keys per item), independent of the list's size.
 */
export function foldPinfoList<T extends PinfoRecord>(
  items: ReadonlyMap<string, T>,
  initialized: boolean,
  lastVersion: number | undefined,
  message: PinfoListMessage,
  make: (pid: string, raw: PinfoView) => T,
): PinfoListResult<T> {
  const verdict = checkVersion(message, lastVersion);
  const warnings: StateWarning[] = verdict.warning === undefined ? [] : [verdict.warning];
  if (!verdict.apply) {
    return { items, initialized, lastVersion, events: NO_EVENTS, warnings, full: false, changed: false };
  }
  if (message.msgMode === 0) return foldFull(items, initialized, message, make, warnings);
  const current = PersistentMap.of(items);
  const edit = current.edit();
  const events: ListEvent<T>[] = [];
  for (const item of message.data) {
    const { pid } = item;
    const before = edit.get(pid);
    if (item.mode === 1) {
      if (before === undefined) {
        warnings.push(
          itemWarning('UNKNOWN_REMOVE', message, pid, `${message.action}: remove of unknown pid ${pid}`),
        );
      } else {
        edit.delete(pid);
        events.push({ type: 'left', pid, before });
      }
    } else if (before === undefined) {
      if (typeof ownValue(item.pinfoMap, 'NAME') !== 'string') {
        const text = `${message.action}: update of unknown pid ${pid} without NAME; created it`;
        warnings.push(itemWarning('UPDATE_UNKNOWN_WITHOUT_NAME', message, pid, text));
      }
      const after = make(pid, PinfoView.of(item.pinfoMap));
      edit.set(pid, after);
      events.push({ type: 'joined', pid, after });
    } else {
      const changed = changedKeys(before.raw, item.pinfoMap);
      if (changed.length === 0) continue;
      const after = make(pid, PinfoView.merge(before.raw, item.pinfoMap));
      edit.set(pid, after);
      events.push({ type: 'updated', pid, changed, before, after });
    }
  }
  const next = edit.commit();
  return {
    items: next,
    initialized,
    lastVersion: verdict.lastVersion,
    events: events.length === 0 ? NO_EVENTS : events,
    warnings,
    full: false,
    changed: next !== current,
  };
}

function foldFull<T extends PinfoRecord>(
  previous: ReadonlyMap<string, T>,
  initialized: boolean,
  message: PinfoListMessage,
  make: (pid: string, raw: PinfoView) => T,
  warnings: StateWarning[],
): PinfoListResult<T> {
  const map = new Map<string, T>();
  for (const item of message.data) {
    if (item.mode === 1) continue;
    const earlier = map.get(item.pid);
    // A pid listed twice: the later keys win, as if sent one after the other.
    const raw =
      earlier === undefined ? PinfoView.of(item.pinfoMap) : PinfoView.merge(earlier.raw, item.pinfoMap);
    map.set(item.pid, make(item.pid, raw));
  }
  const base = { initialized: true, lastVersion: undefined, warnings, full: true, changed: true } as const;
  if (!initialized) return { ...base, items: PersistentMap.from(map), events: NO_EVENTS };
  const events: ListEvent<T>[] = [];
  for (const [pid, after] of map) {
    const before = previous.get(pid);
    if (before === undefined) {
      events.push({ type: 'joined', pid, after });
      continue;
    }
    const changed = PinfoView.diffKeys(before.raw, after.raw);
    // Unchanged people keep their object, so identity comparisons downstream stay meaningful.
    if (changed.length === 0) map.set(pid, before);
    else events.push({ type: 'updated', pid, changed, before, after });
  }
  for (const [pid, before] of previous) {
    if (!map.has(pid)) events.push({ type: 'left', pid, before });
  }
  // A resync identical to what is held (e.g. after a reconnect) keeps the held list: no new snapshot.
  if (events.length === 0) return { ...base, items: previous, events: NO_EVENTS, changed: false };
  return { ...base, items: PersistentMap.from(map), events };
}

/** Keys of `changes` whose value differs from `base`. */
function changedKeys(base: PinfoView, changes: Readonly<Record<string, string>>): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(changes)) {
    const value = changes[key];
    if (typeof value === 'string' && base.get(key) !== value) changed.push(key);
  }
  return changed;
}

function ownValue(record: Readonly<Record<string, string>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function itemWarning(
  code: StateWarning['code'],
  message: PinfoListMessage,
  id: string,
  text: string,
): StateWarning {
  return { code, action: message.action, version: message.version, id, message: text };
}
