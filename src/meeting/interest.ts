/**
 * Which push types have live subscribers: the basis of the Subscribe frame when the user does not
 * fix `notifyTypes` (issue 3, "Subscribe set").
 */
import { BehaviorSubject, Observable, type SchedulerLike, type Subscription } from 'rxjs';
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
  /** `source$`, counting as one more subscriber for `type` while it is subscribed. */
  wanting<T>(type: string, source$: Observable<T>): Observable<T>;
}

/**
 * A fresh {@link Interest} tracker.
 * @category Meeting
 */
export function createInterest(): Interest {
  const counts = new Map<string, number>();
  const types = new BehaviorSubject<ReadonlySet<string>>(new Set());
  const publish = () => types.next(new Set(counts.keys()));
  const interest: Interest = {
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
    wanting: (type, source$) =>
      new Observable((subscriber) => {
        // Counted before `source$` starts, so a connection it starts subscribes to `type` at once.
        interest.add(type);
        subscriber.add(source$.subscribe(subscriber));
        return () => interest.remove(type);
      }),
  };
  return interest;
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

/**
 * The Subscribe lists for a stream of wanted sets: what
 * `types$.pipe(debounceTime(0, scheduler), map((w) => subscribeList(w, always)), distinctUntilChanged(sameList))`
 * gives (sets that arrive together make one list; an unchanged list is not repeated), written as one
 * subscriber because it lives as long as the socket in every watched meeting.
 * @internal
 */
export function subscribeListChanges(
  types$: Observable<ReadonlySet<string>>,
  always: readonly string[],
  scheduler: SchedulerLike,
): Observable<readonly string[]> {
  return new Observable<readonly string[]>((subscriber) => {
    let pending: ReadonlySet<string> | undefined;
    let flushing: Subscription | undefined;
    let last: readonly string[] | undefined;
    const flush = () => {
      flushing = undefined;
      const wanted = pending;
      pending = undefined;
      if (wanted === undefined) return;
      const list = subscribeList(wanted, always);
      if (last !== undefined && sameList(last, list)) return;
      last = list;
      subscriber.next(list);
    };
    const source = types$.subscribe({
      next: (types) => {
        pending = types;
        flushing ??= scheduler.schedule(flush);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        flushing?.unsubscribe();
        flush();
        subscriber.complete();
      },
    });
    return () => {
      source.unsubscribe();
      flushing?.unsubscribe();
    };
  });
}
