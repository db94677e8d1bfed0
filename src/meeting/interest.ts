/**
 * Which push types have live subscribers: the basis of the Subscribe frame when the user does not
 * fix `notifyTypes` (issue 3, "Subscribe set").
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import { DOCUMENTED_NOTIFY_TYPES } from '../protocol/notify-types.js';

/**
 * Reference counts of subscribers per push type.
 * @category Meeting
 */
export interface Interest {
  /** One more subscriber for `type`. */
  add(type: string): void;
  /** One subscriber less for `type`. */
  remove(type: string): void;
  /** The types with at least one subscriber; emits the current set on subscribe and on each change. */
  readonly types$: Observable<ReadonlySet<string>>;
}

/**
 * A fresh {@link Interest} tracker.
 * @category Meeting
 */
export function createInterest(): Interest {
  const counts = new Map<string, number>();
  const types = new BehaviorSubject<ReadonlySet<string>>(new Set());
  const publish = () => types.next(new Set(counts.keys()));
  return {
    add(type) {
      const before = counts.get(type) ?? 0;
      counts.set(type, before + 1);
      if (before === 0) publish();
    },
    remove(type) {
      const before = counts.get(type) ?? 0;
      if (before <= 1) {
        counts.delete(type);
        if (before === 1) publish();
      } else counts.set(type, before - 1);
    },
    types$: types.asObservable(),
  };
}

const ORDER = new Map<string, number>(DOCUMENTED_NOTIFY_TYPES.map((type, index) => [type, index]));

/**
 * The subscribe list for a set of wanted types: `always` plus `wanted`, in the documented order
 * (undocumented names after, alphabetically), without duplicates. Pure.
 * @category Meeting
 */
export function subscribeList(wanted: Iterable<string>, always: readonly string[] = []): readonly string[] {
  const all = [...new Set([...always, ...wanted])];
  const rank = (type: string) => ORDER.get(type) ?? Number.MAX_SAFE_INTEGER;
  return all.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Whether two subscribe lists are equal element by element. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((type, index) => type === b[index]);
}
