/**
 * A read-only, lazily materialised view of a merged `pinfoMap` (PROTOCOL.md §6.5, §6.11).
 *
 * Why lazy: a full ParticipantsNotify for a 10,000-person webinar carries 10,000 maps of ~20 keys.
 * Copying each into a fresh prototype-free object costs ~15× a plain `Map` build (dictionary-mode
 * objects are slow to fill), so a view first just *references* the decoded message's map and only
 * copies it into a real `Map` when someone iterates it or asks for its size. An incremental change
 * is one more layer on top of the previous view (no copy); lookups walk at most
 * {@link MAX_LAYERS} layers before the chain is flattened.
 *
 * Safety: only own, string-valued properties of a layer are ever read (`Object.hasOwn`), and the
 * materialised form is a `Map`, so keys such as `__proto__`, `constructor` or `prototype` are plain
 * data here and can never reach or change a prototype.
 * @module
 */

/** A decoded `pinfoMap`: string keys to string values (messages.ts). */
type PinfoLayer = Readonly<Record<string, string>>;

/** Layers walked by a lookup before the view flattens itself into one `Map`. */
const MAX_LAYERS = 8;

/** Reads one own, string-valued property; anything inherited or non-string counts as absent. */
function ownString(layer: PinfoLayer, key: string): string | undefined {
  if (!Object.hasOwn(layer, key)) return undefined;
  const value = layer[key];
  return typeof value === 'string' ? value : undefined;
}

function countStrings(layer: PinfoLayer): number {
  let count = 0;
  for (const key of Object.keys(layer)) if (typeof layer[key] === 'string') count++;
  return count;
}

/**
 * The merged string→string properties of one participant or waiting person (`raw`), unknown keys
 * kept. Immutable: every change makes a new view that shares the old one.
 * @category State
 */
export class PinfoView implements ReadonlyMap<string, string> {
  /** Set once flattened; then `#layer` and `#base` are dropped. */
  #map: Map<string, string> | undefined;
  #layer: PinfoLayer | undefined;
  #base: PinfoView | undefined;
  #depth: number;

  private constructor(layer: PinfoLayer, base: PinfoView | undefined) {
    this.#layer = layer;
    this.#base = base;
    this.#depth = base === undefined ? 1 : base.#depth + 1;
  }

  /**
   * A view of one complete `pinfoMap`; the object is referenced, not copied, so it must not be
   * mutated afterwards (decoded messages are treated as immutable throughout).
   */
  static of(layer: PinfoLayer): PinfoView {
    return new PinfoView(layer, undefined);
  }

  /** A view of `changes` merged over `base` (an incremental `mode: 0` item, §6.0). */
  static merge(base: PinfoView, changes: PinfoLayer): PinfoView {
    const view = new PinfoView(changes, base);
    // Bound lookup cost and the chain of retained old layers.
    if (view.#depth > MAX_LAYERS) view.#flatten();
    return view;
  }

  /**
   * Keys whose value differs between two views, including keys only one of them has. Two views
   * that are each a single unflattened map (the usual case when a resync meets the previous
   * snapshot) are compared without building Maps.
   */
  static diffKeys(before: PinfoView, after: PinfoView): string[] {
    const changed: string[] = [];
    const a = after.#singleLayer();
    const b = before.#singleLayer();
    if (a !== undefined && b !== undefined) {
      let afterCount = 0;
      for (const key of Object.keys(a)) {
        const value = a[key];
        if (typeof value !== 'string') continue;
        afterCount++;
        if (ownString(b, key) !== value) changed.push(key);
      }
      // Every key of `after` matched one of `before`; any extra key of `before` was dropped.
      const shared = afterCount - changed.length;
      if (countStrings(b) === shared) return changed;
      for (const key of Object.keys(b))
        if (typeof b[key] === 'string' && ownString(a, key) === undefined) changed.push(key);
      return changed;
    }
    for (const [key, value] of after) if (before.get(key) !== value) changed.push(key);
    for (const key of before.keys()) if (!after.has(key)) changed.push(key);
    return changed;
  }

  get(key: string): string | undefined {
    // Walk newest layer first; a flattened view answers from its Map.
    let view: PinfoView | undefined = this;
    while (view !== undefined) {
      if (view.#map !== undefined) return view.#map.get(key);
      const value = ownString(view.#layer as PinfoLayer, key);
      if (value !== undefined) return value;
      view = view.#base;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  get size(): number {
    return this.#flatten().size;
  }

  forEach(
    callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown,
  ): void {
    for (const [key, value] of this.#flatten()) callback.call(thisArg, value, key, this);
  }

  entries(): MapIterator<[string, string]> {
    return this.#flatten().entries();
  }

  keys(): MapIterator<string> {
    return this.#flatten().keys();
  }

  values(): MapIterator<string> {
    return this.#flatten().values();
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'PinfoView';
  }

  /** A plain, prototype-free object copy (for logging or JSON). */
  toJSON(): Record<string, string> {
    const out: Record<string, string> = Object.create(null);
    // Object.defineProperty, not assignment: a `__proto__` key must stay a plain data property.
    for (const [key, value] of this.#flatten()) {
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /** The one map this view reads, when it is neither flattened nor layered. */
  #singleLayer(): PinfoLayer | undefined {
    return this.#map === undefined && this.#base === undefined ? this.#layer : undefined;
  }

  /**
   * Copies the layers into one Map, oldest first, and drops the layers. The Map is private and
   * never mutated afterwards, so iterators handed out stay valid.
   */
  #flatten(): Map<string, string> {
    if (this.#map !== undefined) return this.#map;
    const layers: PinfoLayer[] = [];
    let view: PinfoView | undefined = this;
    let map: Map<string, string> | undefined;
    while (view !== undefined) {
      if (view.#map !== undefined) {
        map = new Map(view.#map);
        break;
      }
      layers.push(view.#layer as PinfoLayer);
      view = view.#base;
    }
    map ??= new Map();
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i] as PinfoLayer;
      for (const key of Object.keys(layer)) {
        const value = layer[key];
        if (typeof value === 'string') map.set(key, value);
      }
    }
    this.#map = map;
    this.#layer = undefined;
    this.#base = undefined;
    this.#depth = 1;
    return map;
  }
}
