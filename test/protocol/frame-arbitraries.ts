/**
 * fast-check arbitraries of the hot pushes (§6.4, §6.5, §6.7) as JSON text written entry by entry, so
 * frames can hold padded keys, `__proto__` and duplicate keys: mostly documented values, with every
 * liberal rule mixed in. Shared by the fast-path tests.
 */
import fc from 'fast-check';

/** A JSON value, or OMIT: the entry is left out of the object. */
export const OMIT = Symbol('omit');
export type Entry = readonly [string, unknown];

/** JSON text of an object with exactly these entries in this order (duplicates and `__proto__` kept). */
export function objectText(entries: readonly Entry[]): string {
  const parts = entries.filter(([, v]) => v !== OMIT).map(([k, v]) => `${JSON.stringify(k)}:${toText(v)}`);
  return `{${parts.join(',')}}`;
}

/** An object written entry by entry. */
export class Obj {
  constructor(readonly entries: readonly Entry[]) {}
}

/** Values are JSON values, {@link Obj}s, or arrays of those. */
export function toText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(toText).join(',')}]`;
  return v instanceof Obj ? objectText(v.entries) : JSON.stringify(v);
}

export const obj = (entries: readonly Entry[]): Obj => new Obj(entries);

// ---------------------------------------------------------------------------------------------
// Arbitraries: mostly documented values, with every liberal rule mixed in
// ---------------------------------------------------------------------------------------------

/**
 * `arb` in one frame of `n`, else null (absent). Not `fc.option(arb, { freq: n })`, whose `freq` is
 * the odds of null: with it, the odd key was there in 7 frames of 8 and the fast paths were rarely
 * reached.
 */
export function oneIn<T>(arb: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
}

/** Keys chosen to hit the fast paths' checks: padded, `__proto__`, the typo spelling, unknown. */
export const oddKey = fc.constantFrom(
  ' pinfoMap',
  'pid ',
  ' data',
  'msgID ',
  '__proto__',
  'extra',
  ' NAME',
  'name ',
);

export const hex = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength, maxLength });

// Documented values far outweigh the rest, so that most frames still fit a fast path somewhere and
// the odd value or key decides between fast path and fallback.
export const DOC = 40;

export const numberish = fc.oneof(
  { weight: DOC, arbitrary: fc.integer({ min: 0, max: 2 ** 45 }) },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.integer({ min: 0, max: 2 ** 45 }).map(String),
      fc.constantFrom(' 42 ', '1.5', '1e3'),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('0x10', '', 'abc', '12345678901234567', null, true, OMIT, -0.5) },
);
export const stringish = fc.oneof(
  { weight: DOC, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 99999 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, OMIT, 1.5, [], {}) },
);
export const binaryish = fc.oneof(
  { weight: DOC, arbitrary: fc.constantFrom(0, 1) },
  { weight: 2, arbitrary: fc.constantFrom('0', ' 1') },
  { weight: 1, arbitrary: fc.constantFrom(2, null, OMIT) },
);

export const envelope = (action: string): fc.Arbitrary<Entry[]> =>
  fc
    .record({
      confID: fc.oneof({ weight: 5, arbitrary: fc.constant('913570246') }, stringish),
      msgID: fc.oneof({ weight: 5, arbitrary: hex(32, 32) }, stringish),
      msgMode: binaryish,
      version: numberish,
      createTime: numberish,
      action: fc.oneof(
        { weight: 8, arbitrary: fc.constant<unknown>(action) },
        fc.constantFrom<unknown>(` ${action}`, 'Other', OMIT),
      ),
      padded: oneIn(fc.tuple(fc.constantFrom(' msgID', 'action ', 'confID '), stringish), 8),
    })
    .map(({ padded, ...e }) => [...Object.entries(e), ...(padded === null ? [] : [padded])]);

export const pinfoMap = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(
            { weight: 8, arbitrary: fc.constantFrom('NAME', 'HAND', 'MUTE', 'ROLE', 'VIDEO', 'ADDTIME') },
            fc.constantFrom(' NAME', 'HAND ', '__proto__', 'CLICENT_LOGIN_TYPE', 'CLIENT_LOGIN_TYPE', ''),
          ),
          fc.oneof(
            { weight: 8, arbitrary: fc.string({ maxLength: 4 }) },
            fc.constantFrom(1, true, null, {}, []),
          ),
        ),
        { maxLength: 6 },
      )
      .map(obj),
  },
  fc.constantFrom(null, OMIT, 'x', []),
);

export const participantItem = fc
  .record({
    pid: fc.oneof({ weight: 6, arbitrary: hex(4, 8) }, stringish),
    mode: binaryish,
    pinfoMap,
    odd: oneIn(fc.tuple(oddKey, fc.jsonValue({ maxDepth: 1 })), 6),
  })
  .map(({ odd, ...item }) => obj([...Object.entries(item), ...(odd === null ? [] : [odd])]));

export const listFrame = (action: string, item: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc
    .record({
      data: fc.oneof(
        { weight: 8, arbitrary: fc.array(item, { maxLength: 5 }) },
        fc.constantFrom(OMIT, null, {}, 'x'),
      ),
      envelope: envelope(action),
      odd: oneIn(fc.tuple(oddKey, fc.jsonValue({ maxDepth: 1 })), 6),
    })
    .map(({ data, envelope: e, odd }) => objectText([['data', data], ...(odd === null ? [] : [odd]), ...e]));

export const speakerItem = fc
  .record({
    pid: fc.oneof({ weight: 6, arbitrary: hex(4, 8) }, stringish),
    name: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 6 }) }, stringish),
    speakingVolume: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) }, numberish),
    odd: oneIn(fc.tuple(oddKey, fc.jsonValue({ maxDepth: 1 })), 6),
  })
  .map(({ odd, ...item }) => obj([...Object.entries(item), ...(odd === null ? [] : [odd])]));

export const picInfo = fc
  .record({
    index: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 9 }) }, numberish),
    id: fc.oneof(
      { weight: 6, arbitrary: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }) },
      fc.constantFrom(OMIT, null, [1], 'x'),
    ),
    share: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1) }, numberish),
    odd: oneIn(fc.tuple(fc.constantFrom(' share', 'index ', '__proto__', 'extra'), fc.integer()), 6),
  })
  .map(({ odd, ...p }) => obj([...Object.entries(p), ...(odd === null ? [] : [odd])]));

export const multiPic = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({
        picNum: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) }, numberish),
        period: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, numberish),
        picInfos: fc.oneof(
          { weight: 6, arbitrary: fc.array(picInfo, { maxLength: 4 }) },
          fc.constantFrom(OMIT, null, {}),
        ),
        odd: oneIn(fc.tuple(fc.constantFrom(' period', '__proto__', 'layout'), fc.integer()), 6),
      })
      .map(({ odd, ...m }) => obj([...Object.entries(m), ...(odd === null ? [] : [odd])])),
  },
  fc.constantFrom(OMIT, null, 'x', []),
);

export const STATUS_NUMBERS = [
  'endTime',
  'vas',
  'lock',
  'mute',
  'lockSharing',
  'canUnmute',
  'chairView',
  'picNum',
  'partViewNum',
  'maxPartViewNum',
  'recState',
  'forbiddenChat',
  'recOccurred',
  'realTimeSubtitle',
  'waitingRoomState',
] as const;
export const STATUS_STRINGS = ['state', 'mode', 'confIMGroupId'] as const;

export const statusFrame = fc
  .record({
    numbers: fc.array(numberish, {
      minLength: STATUS_NUMBERS.length,
      maxLength: STATUS_NUMBERS.length,
    }),
    strings: fc.array(stringish, {
      minLength: STATUS_STRINGS.length,
      maxLength: STATUS_STRINGS.length,
    }),
    multiPic,
    unknown: fc.array(
      fc.tuple(fc.constantFrom('aiRecState', 'pause', 'lanChannels', 'x'), fc.jsonValue({ maxDepth: 1 })),
      {
        maxLength: 3,
      },
    ),
    odd: oneIn(
      fc.tuple(fc.constantFrom(' lock', 'state ', '__proto__', ' aiRecState', 'lock'), fc.integer()),
      5,
    ),
    envelope: envelope('ConfDynamicInfoNotify'),
    envelopeFirst: fc.boolean(),
  })
  .map(({ numbers, strings, multiPic: m, unknown, odd, envelope: e, envelopeFirst }) => {
    const payload: Entry[] = [
      ...STATUS_STRINGS.map((k, i): Entry => [k, strings[i]]),
      ...STATUS_NUMBERS.map((k, i): Entry => [k, numbers[i]]),
      ['multiPic', m],
      ...unknown,
      ...(odd === null ? [] : [odd]),
    ];
    return objectText(envelopeFirst ? [...e, ...payload] : [...payload, ...e]);
  });

// ---------------------------------------------------------------------------------------------
