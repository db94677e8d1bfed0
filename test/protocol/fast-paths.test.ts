/**
 * The hand-written fast paths (ParticipantsNotify, SpeakerChangeNotify, ConfDynamicInfoNotify)
 * against the full io-ts decode: frames in documented form take them, and every frame, documented
 * or not, gives exactly what the full decode gives. Frames are written as JSON text by hand, so
 * they can hold padded keys, `__proto__` and duplicate keys. Runs per property: FC_NUM_RUNS
 * (default 300).
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
import {
  type Entry,
  listFrame,
  obj,
  objectText,
  participantItem,
  STATUS_NUMBERS,
  STATUS_STRINGS,
  speakerItem,
  statusFrame,
} from './frame-arbitraries.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);

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

  it('sequences of frames: one frame never changes how the next decodes', () => {
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

describe('odd keys after clean ones', () => {
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

  it('an odd pinfoMap key after clean maps is still checked', () => {
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
