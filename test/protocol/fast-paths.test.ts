/**
 * The hand-written fast paths (ParticipantsNotify, SpeakerChangeNotify, the owned
 * ConfDynamicInfoNotify path, the key memos) against the full io-ts decode: frames in documented
 * form take them, and every frame, documented or not, gives exactly what the full decode gives.
 * Frames are written as JSON text by hand, so they can hold padded keys, `__proto__` and
 * duplicate keys. Runs per property: FC_NUM_RUNS (default 300).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeServerFrame, decodeServerMessage } from '../../src/protocol/decode-server-frame.js';
import { confDynamicInfoNotifyFast as ConfDynamicInfoNotifyOwnedFast } from '../../src/protocol/fast/conf-dynamic-info.js';
import { participantsNotifyFast } from '../../src/protocol/fast/participants.js';
import { speakerChangeNotifyFast } from '../../src/protocol/fast/speaker-change.js';
import { MISS } from '../../src/protocol/scalars.js';
import {
  confDynamicInfoFrame,
  participantsFullFrame,
  participantsIncrementFrame,
  speakerChangeFrame,
} from '../fixtures/push-frames.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);

/** A JSON value, or OMIT: the entry is left out of the object. */
const OMIT = Symbol('omit');
type Entry = readonly [string, unknown];

/** JSON text of an object with exactly these entries in this order (duplicates and `__proto__` kept). */
function objectText(entries: readonly Entry[]): string {
  const parts = entries.filter(([, v]) => v !== OMIT).map(([k, v]) => `${JSON.stringify(k)}:${toText(v)}`);
  return `{${parts.join(',')}}`;
}

/** An object written entry by entry. */
class Obj {
  constructor(readonly entries: readonly Entry[]) {}
}

/** Values are JSON values, {@link Obj}s, or arrays of those. */
function toText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(toText).join(',')}]`;
  return v instanceof Obj ? objectText(v.entries) : JSON.stringify(v);
}

const obj = (entries: readonly Entry[]): Obj => new Obj(entries);

/** Decodes `text` every way and checks they agree; returns the result. */
function agree(text: string): unknown {
  const full = decodeServerMessage(JSON.parse(text));
  // `decodeServerFrame` owns its parse (and may take it apart); `decodeServerMessage` must not.
  expect(decodeServerFrame(text)).toStrictEqual(full);
  const kept: unknown = JSON.parse(text);
  expect(decodeServerMessage(kept)).toStrictEqual(full);
  expect(kept).toStrictEqual(JSON.parse(text));
  return full;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries: mostly documented values, with every liberal rule mixed in
// ---------------------------------------------------------------------------------------------

/** Keys chosen to hit the fast paths' checks: padded, `__proto__`, the typo spelling, unknown. */
const oddKey = fc.constantFrom(
  ' pinfoMap',
  'pid ',
  ' data',
  'msgID ',
  '__proto__',
  'extra',
  ' NAME',
  'name ',
);

const hex = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength, maxLength });

// Documented values far outweigh the rest, so that most frames still fit a fast path somewhere and
// the odd value or key decides between fast path and fallback.
const DOC = 40;

const numberish = fc.oneof(
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
const stringish = fc.oneof(
  { weight: DOC, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 99999 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, OMIT, 1.5, [], {}) },
);
const binaryish = fc.oneof(
  { weight: DOC, arbitrary: fc.constantFrom(0, 1) },
  { weight: 2, arbitrary: fc.constantFrom('0', ' 1') },
  { weight: 1, arbitrary: fc.constantFrom(2, null, OMIT) },
);

const envelope = (action: string): fc.Arbitrary<Entry[]> =>
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
      padded: fc.option(fc.tuple(fc.constantFrom(' msgID', 'action ', 'confID '), stringish), { freq: 8 }),
    })
    .map(({ padded, ...e }) => [...Object.entries(e), ...(padded === null ? [] : [padded])]);

const pinfoMap = fc.oneof(
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

const participantItem = fc
  .record({
    pid: fc.oneof({ weight: 6, arbitrary: hex(4, 8) }, stringish),
    mode: binaryish,
    pinfoMap,
    odd: fc.option(fc.tuple(oddKey, fc.jsonValue({ maxDepth: 1 })), { freq: 6 }),
  })
  .map(({ odd, ...item }) => obj([...Object.entries(item), ...(odd === null ? [] : [odd])]));

const listFrame = (action: string, item: fc.Arbitrary<unknown>): fc.Arbitrary<string> =>
  fc
    .record({
      data: fc.oneof(
        { weight: 8, arbitrary: fc.array(item, { maxLength: 5 }) },
        fc.constantFrom(OMIT, null, {}, 'x'),
      ),
      envelope: envelope(action),
      odd: fc.option(fc.tuple(oddKey, fc.jsonValue({ maxDepth: 1 })), { freq: 6 }),
    })
    .map(({ data, envelope: e, odd }) => objectText([['data', data], ...(odd === null ? [] : [odd]), ...e]));

const speakerItem = fc
  .record({
    pid: fc.oneof({ weight: 6, arbitrary: hex(4, 8) }, stringish),
    name: fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 6 }) }, stringish),
    speakingVolume: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) }, numberish),
    odd: fc.option(fc.tuple(oddKey, fc.jsonValue({ maxDepth: 1 })), { freq: 6 }),
  })
  .map(({ odd, ...item }) => obj([...Object.entries(item), ...(odd === null ? [] : [odd])]));

const picInfo = fc
  .record({
    index: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 9 }) }, numberish),
    id: fc.oneof(
      { weight: 6, arbitrary: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }) },
      fc.constantFrom(OMIT, null, [1], 'x'),
    ),
    share: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0, 1) }, numberish),
    odd: fc.option(fc.tuple(fc.constantFrom(' share', 'index ', '__proto__', 'extra'), fc.integer()), {
      freq: 6,
    }),
  })
  .map(({ odd, ...p }) => obj([...Object.entries(p), ...(odd === null ? [] : [odd])]));

const multiPic = fc.oneof(
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
        odd: fc.option(fc.tuple(fc.constantFrom(' period', '__proto__', 'layout'), fc.integer()), {
          freq: 6,
        }),
      })
      .map(({ odd, ...m }) => obj([...Object.entries(m), ...(odd === null ? [] : [odd])])),
  },
  fc.constantFrom(OMIT, null, 'x', []),
);

const STATUS_NUMBERS = [
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
const STATUS_STRINGS = ['state', 'mode', 'confIMGroupId'] as const;

const statusFrame = fc
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
    odd: fc.option(
      fc.tuple(fc.constantFrom(' lock', 'state ', '__proto__', ' aiRecState', 'lock'), fc.integer()),
      {
        freq: 5,
      },
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

describe('fast paths take documented frames', () => {
  it('ParticipantsNotify: increments, full rosters, items without pinfoMap', () => {
    const frames = [
      participantsIncrementFrame(3),
      participantsFullFrame(20),
      objectText([
        [
          'data',
          [
            obj([
              ['pid', 'a'],
              ['mode', 1],
            ]),
          ],
        ],
        ['confID', 'c'],
        ['msgMode', 1],
        ['version', 2],
        ['createTime', 3],
        ['action', 'ParticipantsNotify'],
      ]),
    ];
    for (const text of frames) {
      expect(participantsNotifyFast(JSON.parse(text))).not.toBe(MISS);
      agree(text);
    }
  });

  it('ParticipantsNotify: a missing msgID becomes "" on the fast path unless a padded one may hold it', () => {
    const base: Entry[] = [
      ['data', []],
      ['confID', 'c'],
      ['msgMode', 0],
      ['version', 1],
      ['createTime', 1],
      ['action', 'ParticipantsNotify'],
    ];
    expect(participantsNotifyFast(JSON.parse(objectText(base)))).toMatchObject({ msgID: '' });
    const padded = objectText([...base, [' msgID', 'm1']]);
    expect(participantsNotifyFast(JSON.parse(padded))).toBe(MISS);
    expect(agree(padded)).toMatchObject({ right: { msgID: 'm1' } });
  });

  it('SpeakerChangeNotify: two or three speakers, unsorted ones, missing names and volumes, nobody', () => {
    const frames = [
      speakerChangeFrame(1),
      speakerChangeFrame(2),
      objectText([
        [
          'data',
          [
            obj([
              ['pid', 'a'],
              ['speakingVolume', 10],
            ]),
            obj([
              ['pid', 'b'],
              ['name', 'B'],
              ['speakingVolume', 90],
            ]),
            obj([
              ['pid', 'c'],
              ['name', 'C'],
            ]),
          ],
        ],
        ['confID', 'c'],
        ['msgID', 'm'],
        ['msgMode', 0],
        ['version', 2],
        ['createTime', 3],
        ['action', 'SpeakerChangeNotify'],
      ]),
    ];
    for (const text of frames) {
      expect(speakerChangeNotifyFast(JSON.parse(text))).not.toBe(MISS);
      agree(text);
    }
  });

  it('ConfDynamicInfoNotify: the owned path converts every §6.4 field it must', () => {
    expect(ConfDynamicInfoNotifyOwnedFast(JSON.parse(confDynamicInfoFrame(1)))).not.toBe(MISS);
    agree(confDynamicInfoFrame(1));
    // One frame per field, that field in its other documented spelling: a field the hand-written
    // path forgot would stay unconverted (kept as an unknown key) and differ from the full decode.
    const fields: Array<[string, unknown]> = [
      ...STATUS_NUMBERS.map((k): [string, unknown] => [k, '7']),
      ...STATUS_STRINGS.map((k): [string, unknown] => [k, 7]),
      [
        'multiPic',
        obj([
          ['picNum', '4'],
          [
            'picInfos',
            [
              obj([
                ['index', '1'],
                ['id', ['x']],
              ]),
            ],
          ],
        ]),
      ],
    ];
    for (const [key, value] of fields) {
      const text = objectText([
        [key, value],
        ['other', 1],
        ['confID', 'c'],
        ['msgID', 'm'],
        ['msgMode', 0],
        ['version', 1],
        ['createTime', 1],
        ['action', 'ConfDynamicInfoNotify'],
      ]);
      const fast = ConfDynamicInfoNotifyOwnedFast(JSON.parse(text));
      expect(fast, key).not.toBe(MISS);
      expect({ _tag: 'Right', right: fast }, key).toStrictEqual(agree(text));
    }
  });
});

describe('property: fast paths equal the full decode', () => {
  it('ParticipantsNotify', () => {
    fc.assert(
      fc.property(listFrame('ParticipantsNotify', participantItem), (text) => void agree(text)),
      { numRuns: NUM_RUNS },
    );
  });

  it('SpeakerChangeNotify', () => {
    fc.assert(
      fc.property(listFrame('SpeakerChangeNotify', speakerItem), (text) => void agree(text)),
      { numRuns: NUM_RUNS },
    );
  });

  it('ConfDynamicInfoNotify (owned path, envelope first or last)', () => {
    fc.assert(
      fc.property(statusFrame, (text) => void agree(text)),
      { numRuns: NUM_RUNS },
    );
  });

  it('sequences of frames: what the key memos learnt from one frame never changes the next', () => {
    const anyFrame = fc.oneof(
      listFrame('ParticipantsNotify', participantItem),
      listFrame('SpeakerChangeNotify', speakerItem),
      statusFrame,
    );
    fc.assert(
      fc.property(fc.array(anyFrame, { minLength: 2, maxLength: 8 }), (texts) => {
        for (const text of texts) agree(text);
      }),
      { numRuns: Math.max(50, NUM_RUNS / 3) },
    );
  });
});

describe('fast paths fall back where a padded key may hold an absent field', () => {
  const envelopeOf = (action: string): Entry[] => [
    ['confID', 'c'],
    ['msgID', 'm'],
    ['msgMode', 0],
    ['version', 1],
    ['createTime', 1],
    ['action', action],
  ];

  it('ParticipantsNotify item without pinfoMap but with " pinfoMap"', () => {
    const text = objectText([
      [
        'data',
        [
          obj([
            ['pid', 'a'],
            ['mode', 0],
            [' pinfoMap', obj([['NAME', 'Ada']])],
          ]),
        ],
      ],
      ...envelopeOf('ParticipantsNotify'),
    ]);
    expect(participantsNotifyFast(JSON.parse(text))).toBe(MISS);
    expect(agree(text)).toMatchObject({ right: { data: [{ pinfoMap: { NAME: 'Ada' } }] } });
  });

  it('SpeakerChangeNotify item without name but with "name ", and a frame with " data"', () => {
    const item = objectText([
      [
        'data',
        [
          obj([
            ['pid', 'a'],
            ['name ', 'Ada'],
            ['speakingVolume', 3],
          ]),
        ],
      ],
      ...envelopeOf('SpeakerChangeNotify'),
    ]);
    expect(speakerChangeNotifyFast(JSON.parse(item))).toBe(MISS);
    expect(agree(item)).toMatchObject({ right: { data: [{ name: 'Ada' }] } });
    const data = objectText([[' data', [obj([['pid', 'a']])]], ...envelopeOf('SpeakerChangeNotify')]);
    expect(speakerChangeNotifyFast(JSON.parse(data))).toBe(MISS);
    expect(agree(data)).toMatchObject({ right: { data: [{ pid: 'a' }] } });
  });

  it('ConfDynamicInfoNotify with a padded key in multiPic or a PicInfoNotify', () => {
    const picInfo = obj([
      ['index', 1],
      ['id', ['x']],
      [' share', 1],
    ]);
    for (const multiPic of [
      obj([
        ['picNum', 1],
        ['picInfos', [picInfo]],
      ]),
      obj([
        ['picNum', 1],
        ['picInfos', []],
        ['period ', 5],
      ]),
    ]) {
      const text = objectText([['lock', 0], ['multiPic', multiPic], ...envelopeOf('ConfDynamicInfoNotify')]);
      expect(ConfDynamicInfoNotifyOwnedFast(JSON.parse(text))).toBe(MISS);
      agree(text);
    }
  });
});

describe('key memos', () => {
  const roster = (pinfoMaps: readonly (readonly Entry[])[]): string =>
    objectText([
      [
        'data',
        pinfoMaps.map((m, i) =>
          obj([
            ['pid', `p${i}`],
            ['mode', 0],
            ['pinfoMap', obj(m)],
          ]),
        ),
      ],
      ['confID', 'c'],
      ['msgID', 'm'],
      ['msgMode', 0],
      ['version', 1],
      ['createTime', 1],
      ['action', 'ParticipantsNotify'],
    ]);

  it('a key that differs from the remembered one at its place is still checked', () => {
    const clean: Entry[] = [
      ['NAME', 'Ada'],
      ['HAND', '0'],
      ['CLIENT_LOGIN_TYPE', 'Desktop'],
    ];
    agree(roster([clean, clean]));
    for (const odd of [' NAME', 'HAND ', '__proto__', 'CLICENT_LOGIN_TYPE']) {
      const text = roster([
        clean,
        [
          ['NAME', 'Bo'],
          [odd, '1'],
          ['CLIENT_LOGIN_TYPE', 'Mobile'],
        ],
      ]);
      expect(participantsNotifyFast(JSON.parse(text)), odd).toBe(MISS);
      agree(text);
    }
  });

  it('status frames with a padded or __proto__ key after clean ones fall back', () => {
    agree(confDynamicInfoFrame(0));
    const clean = JSON.parse(confDynamicInfoFrame(0)) as Record<string, unknown>;
    for (const odd of [' lock', 'aiRecState ', '__proto__']) {
      const entries = Object.entries(clean).map(
        ([k, v]): Entry => [k === 'lock' || k === 'aiRecState' ? odd : k, v],
      );
      const text = objectText(entries);
      expect(ConfDynamicInfoNotifyOwnedFast(JSON.parse(text)), odd).toBe(MISS);
      agree(text);
    }
  });
});
