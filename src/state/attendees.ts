/**
 * Scheduled attendees folded from AttendeesNotify (PROTOCOL.md §6.0, §6.6).
 * @module
 */
import type { AttendeeItem, AttendeesNotify } from '../protocol/messages.js';
import { PersistentMap } from './persistent-map.js';
import { checkVersion } from './version-check.js';
import type { StateWarning } from './warnings.js';

/**
 * One scheduled attendee, the merged fields of every item received for it. Flags are `true` only
 * for `1`; `raw` keeps every field received (unknown ones too) except `mode`, in an object without
 * a prototype.
 * @category State
 */
export interface Attendee {
  /** The identity used to merge updates: `userUUID`, else `participantID`, else `phone` (§6.6). */
  readonly id: string;
  readonly userUUID: string | undefined;
  /** Site id. */
  readonly participantID: string | undefined;
  readonly phone: string | undefined;
  readonly name: string | undefined;
  readonly accountId: string | undefined;
  /** `role`: `1` host, `0` ordinary participant, anything else `'unknown'`. */
  readonly role: 'host' | 'participant' | 'unknown';
  readonly email: string | undefined;
  readonly sms: string | undefined;
  /** `isMute`: muted automatically on joining. */
  readonly muteOnJoin: boolean;
  /** `isAutoInvite`: called automatically when the meeting starts. */
  readonly autoInvite: boolean;
  /** `normal`, `terminal`, `outside`, `anonymous`, `telepresence`, `mobile`, `telephone`, … */
  readonly type: string | undefined;
  readonly deptName: string | undefined;
  readonly orgID: string | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
}

/**
 * A change to the attendee list.
 * @category State
 */
export type AttendeeEvent =
  | { readonly type: 'added'; readonly id: string; readonly after: Attendee }
  | { readonly type: 'removed'; readonly id: string; readonly before: Attendee }
  | {
      readonly type: 'updated';
      readonly id: string;
      readonly changed: readonly string[];
      readonly before: Attendee;
      readonly after: Attendee;
    };

/**
 * Scheduled attendees by {@link Attendee.id} (an immutable snapshot).
 * @category State
 */
export type Attendees = ReadonlyMap<string, Attendee>;

/**
 * What the attendee fold carries between messages.
 * @category State
 */
export interface AttendeesState {
  readonly attendees: Attendees;
  /** `true` once a full message has been folded: later full messages are diffed. */
  readonly initialized: boolean;
  readonly lastVersion: number | undefined;
}

/**
 * The result of folding one AttendeesNotify.
 * @category State
 */
export interface AttendeesUpdate extends AttendeesState {
  readonly events: readonly AttendeeEvent[];
  readonly warnings: readonly StateWarning[];
  readonly full: boolean;
  readonly changed: boolean;
}

/**
 * A fresh, empty attendee state.
 * @category State
 */
export function initialAttendeesState(): AttendeesState {
  return { attendees: PersistentMap.empty<string, Attendee>(), initialized: false, lastVersion: undefined };
}

/**
 * The identity of an attendee item: the first non-empty of `userUUID`, `participantID`, `phone`
 * (§6.6: undocumented; this order is our reading). `undefined` when it has none.
 * @category State
 */
export function attendeeId(
  item: Pick<AttendeeItem, 'userUUID' | 'participantID' | 'phone'>,
): string | undefined {
  for (const candidate of [item.userUUID, item.participantID, item.phone]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate;
  }
  return undefined;
}

/**
 * Folds one AttendeesNotify: a full message replaces the list (the first one fires no events,
 * later ones only real differences, and keep the held list when there are none); an incremental one merges `mode: 0` items field by field and
 * removes `mode: 1` items. Items without any identity are skipped with `ATTENDEE_WITHOUT_ID`.
 * Version rules as in {@link checkVersion}.
 * @category State
 */
export function applyAttendees(state: AttendeesState, message: AttendeesNotify): AttendeesUpdate {
  const verdict = checkVersion(message, state.lastVersion);
  const warnings: StateWarning[] = verdict.warning === undefined ? [] : [verdict.warning];
  if (!verdict.apply) return { ...state, events: [], warnings, full: false, changed: false };
  const full = message.msgMode === 0;
  const previous = state.attendees;
  const edit = (full ? PersistentMap.empty<string, Attendee>() : PersistentMap.of(previous)).edit();
  const events: AttendeeEvent[] = [];
  for (const item of message.data) {
    const id = attendeeId(item);
    if (id === undefined) {
      const text = `${message.action}: attendee without userUUID, participantID or phone; skipped`;
      warnings.push({
        code: 'ATTENDEE_WITHOUT_ID',
        action: message.action,
        version: message.version,
        message: text,
      });
      continue;
    }
    const before = edit.get(id);
    if (item.mode === 1) {
      if (full) continue;
      if (before === undefined) {
        const text = `${message.action}: remove of unknown attendee ${id}`;
        warnings.push({
          code: 'UNKNOWN_REMOVE',
          action: message.action,
          version: message.version,
          id,
          message: text,
        });
      } else {
        edit.delete(id);
        events.push({ type: 'removed', id, before });
      }
      continue;
    }
    const after = toAttendee(id, mergeRaw(before?.raw, item));
    if (before === undefined) {
      edit.set(id, after);
      if (!full) events.push({ type: 'added', id, after });
      continue;
    }
    const changed = diffRaw(before.raw, after.raw);
    if (changed.length === 0) continue;
    edit.set(id, after);
    if (!full) events.push({ type: 'updated', id, changed, before, after });
  }
  let next: Attendees = edit.commit();
  const resync = full && state.initialized;
  if (resync) next = diffFull(previous, next as PersistentMap<string, Attendee>, events);
  // A resync identical to what is held keeps the held list: no new snapshot.
  if (resync && events.length === 0) next = previous;
  return {
    attendees: next,
    initialized: state.initialized || full,
    lastVersion: verdict.lastVersion,
    events,
    warnings,
    full,
    changed: next !== previous || (full && !state.initialized),
  };
}

/** Events of a resync, keeping unchanged attendees' objects. */
function diffFull(previous: Attendees, next: PersistentMap<string, Attendee>, events: AttendeeEvent[]) {
  const edit = next.edit();
  for (const [id, after] of next) {
    const before = previous.get(id);
    if (before === undefined) {
      events.push({ type: 'added', id, after });
      continue;
    }
    const changed = diffRaw(before.raw, after.raw);
    if (changed.length === 0) edit.set(id, before);
    else events.push({ type: 'updated', id, changed, before, after });
  }
  for (const [id, before] of previous) if (!next.has(id)) events.push({ type: 'removed', id, before });
  return edit.commit();
}

/** `base` with the item's fields laid over it, `mode` left out, in a prototype-free object. */
function mergeRaw(
  base: Readonly<Record<string, unknown>> | undefined,
  item: AttendeeItem,
): Record<string, unknown> {
  const raw: Record<string, unknown> = Object.create(null);
  // A prototype-free target has no inherited `__proto__` setter, so every key lands as plain data.
  if (base !== undefined) for (const key of Object.keys(base)) raw[key] = base[key];
  for (const key of Object.keys(item)) if (key !== 'mode') raw[key] = item[key];
  return raw;
}

function diffRaw(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] {
  const changed: string[] = [];
  for (const key of Object.keys(after)) if (!sameValue(before[key], after[key])) changed.push(key);
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) changed.push(key);
  return changed;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  // Unknown object-valued fields: compare their JSON (attendee lists are small).
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function toAttendee(id: string, raw: Readonly<Record<string, unknown>>): Attendee {
  return Object.freeze({
    id,
    userUUID: str(raw.userUUID),
    participantID: str(raw.participantID),
    phone: str(raw.phone),
    name: str(raw.name),
    accountId: str(raw.accountId),
    role: raw.role === 1 ? 'host' : raw.role === 0 ? 'participant' : 'unknown',
    email: str(raw.email),
    sms: str(raw.sms),
    muteOnJoin: raw.isMute === 1,
    autoInvite: raw.isAutoInvite === 1,
    type: str(raw.type),
    deptName: str(raw.deptName),
    orgID: str(raw.orgID),
    raw: Object.freeze(raw),
  });
}
