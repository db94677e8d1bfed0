/**
 * A fully persistent map with O(1) updates at the newest version, by "rerooting"
 * (Baker's shallow binding; the persistent arrays of Conchon & Filliâtre, 2007).
 *
 * Why this design: a roster snapshot must stay valid forever once emitted (users keep the previous
 * one with `pairwise()`, late subscribers get a replayed one), yet a one-person change in a
 * 10,000-person webinar must not copy 10,000 entries. Copy-on-write of a `Map` is O(n) per change;
 * a HAMT gives O(log n) but costs ~10× in memory and constant factors. Rerooting keeps ONE real
 * `Map` per lineage: the version that holds it is the "root"; every other version holds the small
 * undo step that turns the next version's contents into its own. Consequences:
 *
 * - Updating the newest version: O(changed), plus one small object.
 * - Reading the newest version: one `Map` lookup.
 * - Reading an older version first moves the `Map` to it (applying the undo steps on the way,
 *   O(distance)); reading the newest again moves it back. Alternating between two neighbouring
 *   versions, as `pairwise()` does, costs O(changes between them).
 * - Memory: unreferenced old versions are garbage (versions point only towards newer ones).
 * - Iteration copies the entries into an array first (O(n), the same order as iterating), so that
 *   reading another version inside the loop cannot disturb it.
 * - Not safe to share between threads (JavaScript has none here).
 * @module
 */

const ABSENT: unique symbol = Symbol('absent');
type Slot<V> = V | typeof ABSENT;

/** Hands the Map from `from` to a new version, leaving the undo step (oldest change first) behind. */
let handOver: <K, V extends {}>(
  from: PersistentMap<K, V>,
  map: Map<K, V>,
  undoKeys: K[],
  undoSlots: Slot<V>[],
) => PersistentMap<K, V>;

/**
 * One version of a persistent map; implements `ReadonlyMap`, so it is what folds emit as a
 * snapshot. Build with {@link PersistentMap.empty} or {@link PersistentMap.from}; change with
 * {@link PersistentMap.edit}.
 * @category State
 */
export class PersistentMap<K, V extends {}> implements ReadonlyMap<K, V> {
  /** The real Map; set only on the root version of this lineage. */
  #map: Map<K, V> | undefined;
  /** Undo step, applied in order to `#next`'s contents, gives this version's contents. */
  #keys: K[] | undefined;
  #slots: Slot<V>[] | undefined;
  #next: PersistentMap<K, V> | undefined;
  /** Entry count of this version (known at creation, so `size` never reroots). */
  readonly #size: number;

  private constructor(map: Map<K, V>, size: number) {
    this.#map = map;
    this.#size = size;
  }

  /** A new, empty map. */
  static empty<K, V extends {}>(): PersistentMap<K, V> {
    return new PersistentMap<K, V>(new Map(), 0);
  }

  /** A new map that takes ownership of `map` (the caller must not touch it afterwards). */
  static from<K, V extends {}>(map: Map<K, V>): PersistentMap<K, V> {
    return new PersistentMap<K, V>(map, map.size);
  }

  /**
   * `map` itself when it is already a PersistentMap, else a new one holding a copy of its entries
   * (for states built by hand with a plain `Map`).
   */
  static of<K, V extends {}>(map: ReadonlyMap<K, V>): PersistentMap<K, V> {
    return map instanceof PersistentMap ? (map as PersistentMap<K, V>) : PersistentMap.from(new Map(map));
  }

  /**
   * Starts an edit of this version. The edit sees its own changes; {@link MapEdit.commit} returns
   * the new version (or this one when nothing changed). The edit changes the shared Map in place,
   * so it must always be committed, and before any other version of the lineage is read or edited.
   */
  edit(): MapEdit<K, V> {
    // An empty version starts a lineage of its own: nothing is shared, and independent folds that
    // start from one shared empty constant must not move one Map back and forth between them.
    if (this.#size === 0) {
      const fresh = PersistentMap.empty<K, V>();
      return new MapEdit(fresh, fresh.#map as Map<K, V>);
    }
    return new MapEdit(this, this.#reroot());
  }

  get size(): number {
    return this.#size;
  }

  get(key: K): V | undefined {
    return this.#reroot().get(key);
  }

  has(key: K): boolean {
    return this.#reroot().has(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.#entryArray()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[K, V]> {
    return this.#entryArray()[Symbol.iterator]() as unknown as MapIterator<[K, V]>;
  }

  keys(): MapIterator<K> {
    return Array.from(this.#reroot().keys())[Symbol.iterator]() as unknown as MapIterator<K>;
  }

  values(): MapIterator<V> {
    return Array.from(this.#reroot().values())[Symbol.iterator]() as unknown as MapIterator<V>;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PersistentMap';
  }

  #entryArray(): [K, V][] {
    return Array.from(this.#reroot());
  }

  /**
   * Makes this version the root and returns its Map: walks to the current root, then replays the
   * undo steps back towards this version, leaving the inverse steps behind (iterative, so a long
   * chain cannot overflow the stack).
   */
  #reroot(): Map<K, V> {
    if (this.#map !== undefined) return this.#map;
    const path: PersistentMap<K, V>[] = [];
    let node: PersistentMap<K, V> = this;
    while (node.#map === undefined) {
      path.push(node);
      node = node.#next as PersistentMap<K, V>;
    }
    let root = node;
    for (let i = path.length - 1; i >= 0; i--) {
      const target = path[i] as PersistentMap<K, V>;
      const map = root.#map as Map<K, V>;
      const undo = applySteps(map, target.#keys as K[], target.#slots as Slot<V>[]);
      root.#map = undefined;
      root.#keys = undo.keys;
      root.#slots = undo.slots;
      root.#next = target;
      target.#map = map;
      target.#keys = undefined;
      target.#slots = undefined;
      target.#next = undefined;
      root = target;
    }
    return this.#map as unknown as Map<K, V>;
  }

  static {
    // Gives MapEdit (same module) access to the private fields without making them public.
    handOver = (from, map, undoKeys, undoSlots) => {
      const next = new PersistentMap(map, map.size);
      from.#map = undefined;
      // Undo must run newest change first.
      from.#keys = undoKeys.reverse();
      from.#slots = undoSlots.reverse();
      from.#next = next;
      return next;
    };
  }
}

/** Applies steps in order to `map`; returns the inverse steps, newest first. */
function applySteps<K, V>(map: Map<K, V>, keys: K[], slots: Slot<V>[]): { keys: K[]; slots: Slot<V>[] } {
  const undoKeys: K[] = new Array(keys.length);
  const undoSlots: Slot<V>[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as K;
    const slot = slots[i] as Slot<V>;
    const previous = map.has(key) ? (map.get(key) as V) : ABSENT;
    if (slot === ABSENT) map.delete(key);
    else map.set(key, slot);
    undoKeys[keys.length - 1 - i] = key;
    undoSlots[keys.length - 1 - i] = previous;
  }
  return { keys: undoKeys, slots: undoSlots };
}

/**
 * A pending change to one {@link PersistentMap} version, applied to the shared Map as it goes and
 * recorded so the old version can be restored on demand.
 * @category State
 */
export class MapEdit<K, V extends {}> {
  readonly #base: PersistentMap<K, V>;
  readonly #map: Map<K, V>;
  readonly #undoKeys: K[] = [];
  readonly #undoSlots: Slot<V>[] = [];
  #done = false;

  /** @internal Use {@link PersistentMap.edit}. */
  constructor(base: PersistentMap<K, V>, map: Map<K, V>) {
    this.#base = base;
    this.#map = map;
  }

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  has(key: K): boolean {
    return this.#map.has(key);
  }

  set(key: K, value: V): void {
    this.#record(key);
    this.#map.set(key, value);
  }

  delete(key: K): void {
    if (!this.#map.has(key)) return;
    this.#record(key);
    this.#map.delete(key);
  }

  /** The new version, or the base version when nothing was changed. */
  commit(): PersistentMap<K, V> {
    if (this.#done) throw new Error('MapEdit already committed');
    this.#done = true;
    if (this.#undoKeys.length === 0) return this.#base;
    return handOver(this.#base, this.#map, this.#undoKeys, this.#undoSlots);
  }

  #record(key: K): void {
    if (this.#done) throw new Error('MapEdit already committed');
    this.#undoKeys.push(key);
    this.#undoSlots.push(this.#map.has(key) ? (this.#map.get(key) as V) : ABSENT);
  }
}
