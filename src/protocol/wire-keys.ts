/**
 * The slow path's key pre-pass: an object is normalised before its io-ts codec sees it, so that
 * `t.type`, `t.partial` and `t.exact` can match plain field names (Appendix B, §9):
 * - keys are trimmed (§6.1 `"returnDesc "`, §6.10 `"msgs "`), an exact spelling winning over a
 *   padded one;
 * - the alternate spellings of §9 (e.g. §9.20 `orgId` for `orgID`) are read under the field's name;
 * - `__proto__` is dropped, so that no later copy can change an object's prototype;
 * - a field sent as `null` counts as absent (optional fields are left out, defaults apply).
 *
 * Unknown keys are kept (trimmed) unless the codec is a `t.exact`, which would drop them anyway.
 * Errors still name the wire key (`data["msgs "][0]["id "]`), so a user can find it in the frame.
 * @module
 */
import { isLeft, left } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { findKey, hasKey, isRecord, needsTrim } from './keys.js';

/** What the pre-pass needs to know beyond the codec's own fields. @internal */
export interface WireKeyOptions {
  /**
   * Per field, the wire spellings in the order they are tried, each exactly and then trimmed: the
   * documented one first, then the alternates of §9. Default: the field's name alone.
   */
  readonly keys?: Readonly<Record<string, readonly string[]>>;
  /** Wire names that belong to another codec reading the same object (the envelope, §6.3/§6.4). */
  readonly exclude?: readonly string[];
}

/** An object codec: `t.type`, `t.partial`, or an `exact` or `intersection` of them. */
type ObjectCodec = t.HasProps | t.ExactType<t.HasProps>;

/** The fields of an object codec, in declaration order. */
function propsOf(codec: t.Mixed): t.Props {
  const c = codec as ObjectCodec;
  switch (c._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
      return c.props;
    case 'ExactType':
    case 'RefinementType':
    case 'ReadonlyType':
      return propsOf(c.type);
    case 'IntersectionType':
      return Object.assign({}, ...c.types.map(propsOf)) as t.Props;
  }
}

/** The members of an object codec that is an intersection (under `exact`, if any). */
function membersOf(codec: t.Mixed): ReadonlySet<t.Decoder<unknown, unknown>> {
  const c = codec as ObjectCodec;
  if (c._tag === 'ExactType') return membersOf(c.type);
  return new Set(c._tag === 'IntersectionType' ? c.types : []);
}

interface Plan {
  /** (field, wire spellings in priority order) */
  readonly fields: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Every spelling of every field, and the excluded names: never copied as unknown keys. */
  readonly claimed: ReadonlySet<string>;
  /** Whether unknown keys are copied at all: not for `t.exact`, which would drop them again. */
  readonly keepsUnknown: boolean;
}

/**
 * The normalised copy of `u`, and the wire key of each field whose key differs from its name (for
 * error paths). Fields first, then unknown keys: exact ones, then padded ones trimmed, so an exact
 * spelling wins.
 */
function normalise(
  u: Record<string, unknown>,
  plan: Plan,
): { value: Record<string, unknown>; wire: Map<string, string> | undefined } {
  const value: Record<string, unknown> = {};
  let wire: Map<string, string> | undefined;
  for (const [field, spellings] of plan.fields) {
    const key = findKey(u, spellings);
    const at = key ?? spellings[0] ?? field;
    if (at !== field) {
      wire ??= new Map();
      wire.set(field, at);
    }
    const v = key === undefined ? undefined : u[key];
    if (v !== undefined && v !== null) value[field] = v;
  }
  if (!plan.keepsUnknown) return { value, wire };
  const { claimed } = plan;
  const keys = Object.keys(u);
  let padded = false;
  for (const k of keys) {
    if (needsTrim(k)) padded = true;
    // Own keys are distinct and fields are claimed, so an exact key cannot collide here.
    else if (!claimed.has(k) && k !== '__proto__') value[k] = u[k];
  }
  if (!padded) return { value, wire };
  for (const k of keys) {
    if (!needsTrim(k)) continue;
    const name = k.trim();
    if (!claimed.has(name) && name !== '__proto__' && !hasKey(value, name)) value[name] = u[k];
  }
  return { value, wire };
}

/**
 * One error as seen from the wire: the intersection member's entry at `depth` (a step of the codec,
 * not of the frame) removed, and the field's key replaced by its wire key.
 */
function onWire(
  e: t.ValidationError,
  depth: number,
  members: ReadonlySet<t.Decoder<unknown, unknown>>,
  wire: ReadonlyMap<string, string> | undefined,
): t.ValidationError {
  let context = e.context;
  const member = context[depth];
  if (member !== undefined && members.has(member.type)) {
    context = [...context.slice(0, depth), ...context.slice(depth + 1)];
  }
  const entry = context[depth];
  const key = entry === undefined ? undefined : wire?.get(entry.key);
  if (entry !== undefined && key !== undefined) {
    context = [...context.slice(0, depth), { ...entry, key }, ...context.slice(depth + 1)];
  }
  return context === e.context ? e : { ...e, context };
}

/**
 * `codec` behind the key pre-pass (see the module comment). Anything but a JSON object fails here,
 * once, under the codec's name.
 *
 * @example
 * ```ts
 * // §9.20: the example sends `orgID`, the table `orgId`.
 * const Attendee = wireKeys(t.partial({ orgID: StringLike }), { keys: { orgID: ['orgID', 'orgId'] } });
 * ```
 * @internal
 */
export function wireKeys<C extends ObjectCodec>(
  codec: C,
  options: WireKeyOptions = {},
): t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  const fields = Object.keys(propsOf(codec)).map(
    (field) => [field, options.keys?.[field] ?? [field]] as const,
  );
  const claimed = new Set([...fields.flatMap(([field, s]) => [field, ...s]), ...(options.exclude ?? [])]);
  const plan: Plan = { fields, claimed, keepsUnknown: codec._tag !== 'ExactType' };
  const members = membersOf(codec);
  return new t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown>(
    codec.name,
    codec.is,
    (u, c) => {
      if (!isRecord(u)) return t.failure(u, c);
      const { value, wire } = normalise(u, plan);
      const r = codec.validate(value, c) as t.Validation<t.TypeOf<C>>;
      if (!isLeft(r) || (members.size === 0 && wire === undefined)) return r;
      return left(r.left.map((e) => onWire(e, c.length, members, wire)));
    },
    codec.encode,
  );
}
