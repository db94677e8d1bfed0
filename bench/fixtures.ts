/**
 * Deterministic frames for the benchmarks, shaped like the service's (PROTOCOL.md §6.4, §6.5, §6.7).
 */

const CONF_ID = '913570246';

function hex(seed: number, length: number): string {
  let out = '';
  let x = seed >>> 0 || 1;
  while (out.length < length) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out += (x >>> 8).toString(16).padStart(6, '0');
  }
  return out.slice(0, length);
}

function pid(i: number): string {
  return hex(i * 7919 + 13, 32);
}

/** A participant's pinfoMap with the commonly sent keys of §6.5 (≈ 190 B per person with its pid). */
function fullPinfoMap(i: number): Record<string, string> {
  return {
    NAME: `Participant ${i}`,
    ROLE: i === 0 ? '1' : '0',
    STATE: '0',
    HAND: '0',
    MUTE: i % 3 === 0 ? '0' : '1',
    VIDEO: '1',
    SHARE: '0',
    ADDTIME: String(1767257415022 + i * 1000),
    CLIENT_LOGIN_TYPE: i % 2 === 0 ? 'Desktop' : 'Mobile',
  };
}

/** A full ParticipantsNotify of `count` people (100 people ≈ 19 KB). */
export function participantsFullFrame(count: number): string {
  return JSON.stringify({
    data: Array.from({ length: count }, (_, i) => ({ pid: pid(i), mode: 0, pinfoMap: fullPinfoMap(i) })),
    confID: CONF_ID,
    msgID: hex(count, 32),
    msgMode: 0,
    version: 1767258002020,
    createTime: 1767258002020,
    action: 'ParticipantsNotify',
  });
}

/** A small incremental ParticipantsNotify (≈ 300 B): one person changes, another leaves. */
export function participantsIncrementFrame(n: number): string {
  return JSON.stringify({
    data: [
      { pid: pid(n), mode: 0, pinfoMap: { HAND: n % 2 === 0 ? '1' : '0', MUTE: '0', SHARE: '0' } },
      { pid: pid(n + 500), mode: 1 },
    ],
    confID: CONF_ID,
    msgID: hex(n + 1000, 32),
    msgMode: 1,
    version: n + 1,
    createTime: 1767258090412 + n,
    action: 'ParticipantsNotify',
  });
}

/**
 * The §6.4 status fields of every bench ConfDynamicInfoNotify but `confIMGroupId` and `multiPic`:
 * the documented ones, then those the contract types do not name (a client keeps them as unknown keys).
 */
export function statusFields(varying: {
  readonly mode: string;
  readonly lock: number;
  readonly callInRestriction: number;
}): Record<string, unknown> {
  return {
    state: 'Created',
    endTime: '1767261000000',
    mode: varying.mode,
    vas: 0,
    picNum: 4,
    lock: varying.lock,
    mute: 0,
    lockSharing: 0,
    canUnmute: 1,
    chairView: 0,
    recState: 1,
    recOccurred: 1,
    forbiddenChat: 0,
    realTimeSubtitle: 0,
    partViewNum: 1,
    maxPartViewNum: 8,
    waitingRoomState: 1,
    aiRecState: 0,
    enableShareSetting: 0,
    callInRestriction: varying.callInRestriction,
    audienceCallInRestriction: 0,
    audienceTotalCount: 0,
    simultaneousInterpretation: 0,
    clientRecState: 0,
    clientRecMode: 0,
    showAudienceMode: 0,
    audienceCountMultiple: 0,
    audienceCountReal: 0,
    lanChannels: [],
    allowAudience: false,
    pause: false,
    audienceVideoLayout: 'speakerVideoLayout',
  };
}

/** A ConfDynamicInfoNotify with the documented and example fields (≈ 1 KB). */
export function confDynamicInfoFrame(n: number): string {
  return JSON.stringify({
    ...statusFields({ mode: 'FIXED', lock: n % 2, callInRestriction: 0 }),
    confIMGroupId: hex(n + 7, 16),
    multiPic: {
      picNum: 4,
      period: 0,
      picInfos: [1, 2, 3, 4].map((index) => ({ index, id: [`+9911128340193726${index}`], share: 0 })),
    },
    confID: CONF_ID,
    msgID: hex(n + 2000, 32),
    msgMode: 0,
    version: 1767258002013 + n,
    createTime: 1767258002013 + n,
    action: 'ConfDynamicInfoNotify',
  });
}

/** A SpeakerChangeNotify (≈ 330–420 B): two or three speakers, loudest first. */
export function speakerChangeFrame(n: number): string {
  const count = 2 + (n % 2);
  return JSON.stringify({
    data: Array.from({ length: count }, (_, i) => ({
      pid: pid(n * 3 + i * 11),
      name: `Participant ${n * 3 + i * 11}`,
      speakingVolume: 70 - i * 20 - (n % 7),
    })),
    confID: CONF_ID,
    msgID: hex(n + 3000, 32),
    msgMode: 0,
    version: 1767258040001 + n,
    createTime: 1767258040001 + n,
    action: 'SpeakerChangeNotify',
  });
}

/** One kind of frame in the mix, with how many of it one cycle of the mix holds. */
export interface MixPart {
  readonly kind: string;
  readonly weight: number;
  readonly frames: readonly string[];
}

/**
 * The representative mix: per cycle 20 small participant increments, 4 status messages and one
 * 100-person full list — many small changes, the occasional snapshot.
 */
export function representativeMix(): readonly MixPart[] {
  return [
    {
      kind: 'participantIncrement',
      weight: 20,
      frames: Array.from({ length: 20 }, (_, i) => participantsIncrementFrame(i)),
    },
    {
      kind: 'confDynamicInfo',
      weight: 4,
      frames: Array.from({ length: 4 }, (_, i) => confDynamicInfoFrame(i)),
    },
    { kind: 'participantsFull100', weight: 1, frames: [participantsFullFrame(100)] },
  ];
}

/**
 * Kinds measured on their own but left out of the mix, so the mix's figure stays comparable with
 * earlier runs. Their `weight` is what they would have in the mix.
 */
export function separateKinds(): readonly MixPart[] {
  return [
    {
      kind: 'speakerChange',
      weight: 2,
      frames: Array.from({ length: 8 }, (_, i) => speakerChangeFrame(i)),
    },
  ];
}

/** The frames of one mix cycle, interleaved. */
export function mixCycle(parts: readonly MixPart[]): string[] {
  const cycle: string[] = [];
  const longest = Math.max(...parts.map((p) => p.frames.length));
  for (let i = 0; i < longest; i++)
    for (const p of parts) if (i < p.weight) cycle.push(p.frames[i % p.frames.length] ?? '');
  return cycle;
}
