/**
 * Comparing the client's folded state with the simulator's truth.
 */
import type { Roster } from '../../src/state/roster.js';
import type { WaitingRoom } from '../../src/state/waiting-room.js';

type PinfoMaps = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** A pinfoMap with its keys sorted, so JSON texts compare by content. */
const sorted = (entries: Iterable<[string, string]>): Record<string, string> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** pid → plain pinfoMap, sorted by pid, as the simulator's `participants()` gives it. */
export function truthOf(maps: PinfoMaps): Array<[string, Record<string, string>]> {
  return [...maps]
    .map(([pid, pinfo]): [string, Record<string, string>] => [pid, sorted(Object.entries(pinfo))])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** The same shape from a folded roster or waiting room (`raw`, the merged pinfoMap). */
export function foldedOf(list: Roster | WaitingRoom | undefined): Array<[string, Record<string, string>]> {
  if (list === undefined) return [];
  return [...list]
    .map(([pid, person]): [string, Record<string, string>] => [pid, sorted(person.raw)])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Whether a folded list holds exactly the truth. */
export function sameAsTruth(list: Roster | WaitingRoom | undefined, truth: PinfoMaps): boolean {
  return JSON.stringify(foldedOf(list)) === JSON.stringify(truthOf(truth));
}
