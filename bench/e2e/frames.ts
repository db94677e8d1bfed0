/**
 * Pre-built server push frames for the end-to-end benchmarks.
 *
 * Every frame is built once as complete WebSocket bytes (unmasked server header + JSON text), so the
 * bench server only copies bytes and patches two fixed-width fields per frame:
 * - `version`: incremental ParticipantsNotify frames carry a per-stream counter (§6.0: an increasing
 *   sequence number; a client drops a non-increasing one), full frames carry a growing timestamp;
 * - `msgID`: 32 hex characters (§6.0), here `<12 hex send stamp><4 zeros><16 hex sequence>`, so a
 *   consumer can tell which frame it got and, in the latency run, when it was written.
 *
 * The mix (per 100 frames) is what a busy 100-person meeting looks like from a subscriber: many small
 * roster increments, frequent status snapshots, speaker changes and an occasional full roster.
 */

import { statusFields } from '../../test/fixtures/push-frames.js';

/** The kinds of frame in the mix. */
export type FrameKind = 'participantsDelta' | 'participantsFull' | 'dynamicFull' | 'speakers';

/** How many frames of each kind per 100 frames of the mix. */
export const MIX_PER_100: Readonly<Record<FrameKind, number>> = {
  participantsDelta: 71,
  dynamicFull: 20,
  speakers: 8,
  participantsFull: 1,
};

/** One frame, ready to copy: WebSocket header and payload, with where to patch. */
export interface FrameTemplate {
  readonly kind: FrameKind;
  readonly action: string;
  /** Header + JSON payload, as written to the socket. */
  readonly bytes: Buffer;
  /** Length of the JSON payload in bytes. */
  readonly payloadBytes: number;
  /** Offset (into `bytes`) of the version digits and how many there are. */
  readonly versionAt: number;
  readonly versionWidth: number;
  /** Offset (into `bytes`) of the 32 msgID hex characters. */
  readonly msgIdAt: number;
  /** Whether this is an incremental message (msgMode 1). */
  readonly incremental: boolean;
}

const VERSION_PLACEHOLDER_INCREMENTAL = 1_000_000_000; // 10 digits: room for 9e9 increments
const VERSION_PLACEHOLDER_FULL = 1_767_258_000_000; // 13 digits, like a ms timestamp
const MSGID_PLACEHOLDER = 'f'.repeat(32);
const ROSTER_SIZE = 100;

/** A deterministic pseudo-random generator (mulberry32), so every run sends the same bytes. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hex(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += Math.floor(random() * 16).toString(16);
  return s;
}

const FIRST_NAMES = ['Kenji', 'Priya', 'Lena', 'Omar', 'Aiko', 'Mateo', 'Sofia', 'Wei', 'Nadia', 'Jonas'];
const LAST_NAMES = ['Sato', 'Nair', 'Ortiz', 'Haddad', 'Tanaka', 'Silva', 'Rossi', 'Chen', 'Petrova', 'Berg'];

interface Person {
  readonly pid: string;
  readonly name: string;
  readonly tel: string;
}

function makeRoster(random: () => number): Person[] {
  const people: Person[] = [];
  for (let i = 0; i < ROSTER_SIZE; i++) {
    people.push({
      pid: hex(random, 32),
      name: `${FIRST_NAMES[i % 10]} ${LAST_NAMES[Math.floor(i / 10) % 10]}`,
      tel: `+9911128340193${String(7000 + i)}`,
    });
  }
  return people;
}

/** The core keys of a §6.5 pinfoMap (about 190 bytes of JSON per person, 19 KB for 100). */
function fullPinfo(p: Person, i: number): Record<string, string> {
  return {
    NAME: p.name,
    TEL: p.tel,
    ROLE: i === 0 ? '1' : '0',
    STATE: '0',
    HAND: '0',
    MUTE: i % 3 === 0 ? '0' : '1',
    VIDEO: '1',
    ADDTIME: String(1767257415022 + i * 1000),
  };
}

/** The envelope keys, with placeholders that are patched per frame. */
function envelope(action: string, confID: string, incremental: boolean) {
  return {
    confID,
    msgID: MSGID_PLACEHOLDER,
    msgMode: incremental ? 1 : 0,
    version: incremental ? VERSION_PLACEHOLDER_INCREMENTAL : VERSION_PLACEHOLDER_FULL,
    createTime: 1767258002020,
    action,
  };
}

/** §6.4 full status message with the [DX] extras, about 1 KB. */
function dynamicInfo(confID: string, variant: number): object {
  return {
    ...statusFields({
      mode: variant % 2 === 0 ? 'FIXED' : 'FREE',
      lock: variant % 3 === 0 ? 1 : 0,
      callInRestriction: 2,
    }),
    confIMGroupId: 'im-913570246-0c4e8a2f',
    multiPic: {
      picNum: 4,
      period: 0,
      picInfos: [
        { index: 1, id: ['+99111283401937000'], share: 0 },
        { index: 2, id: ['+99111283401937001'], share: 0 },
        { index: 3, id: ['+99111283401937002'], share: 0 },
        { index: 4, id: [`+9911128340193700${3 + (variant % 5)}`], share: variant % 4 === 0 ? 1 : 0 },
      ],
    },
    ...envelope('ConfDynamicInfoNotify', confID, false),
  };
}

/** Small §6.5 increments: one or two participants, a few changed keys (about 250–330 bytes). */
function participantsDelta(confID: string, roster: Person[], variant: number): object {
  const a = roster[(variant * 7) % ROSTER_SIZE]!;
  const b = roster[(variant * 13 + 5) % ROSTER_SIZE]!;
  const changes: object[][] = [
    [{ pid: a.pid, mode: 0, pinfoMap: { HAND: '1' } }],
    [{ pid: a.pid, mode: 0, pinfoMap: { MUTE: '0', CAMERASTATE: '1' } }],
    [
      { pid: a.pid, mode: 0, pinfoMap: { MUTE: '1' } },
      { pid: b.pid, mode: 0, pinfoMap: { MUTE: '0' } },
    ],
    [{ pid: a.pid, mode: 0, pinfoMap: { SHARE: '1', BROADCAST: '1', VIEW_TYPE: '1' } }],
    [{ pid: b.pid, mode: 0, pinfoMap: { NAME: `${b.name} (guest)`, ROLE: '0' } }],
    [{ pid: a.pid, mode: 0, pinfoMap: { HAND: '0', ROLLCALL: '1' } }],
  ];
  return { data: changes[variant % changes.length], ...envelope('ParticipantsNotify', confID, true) };
}

/** The full §6.5 roster of `size` people (100 people: about 19 KB). */
function participantsFull(confID: string, roster: Person[], size: number): object {
  const data = roster.slice(0, size).map((p, i) => ({ pid: p.pid, mode: 0, pinfoMap: fullPinfo(p, i) }));
  return { data, ...envelope('ParticipantsNotify', confID, false) };
}

/** §6.7 speaker set, two or three loudest, about 300 bytes. */
function speakers(confID: string, roster: Person[], variant: number): object {
  const count = 2 + (variant % 2);
  const data = [];
  for (let i = 0; i < count; i++) {
    const p = roster[(variant * 3 + i * 11) % ROSTER_SIZE]!;
    data.push({ pid: p.pid, name: p.name, speakingVolume: 70 - i * 20 - (variant % 7) });
  }
  return { data, ...envelope('SpeakerChangeNotify', confID, false) };
}

/** WebSocket header of an unmasked, final text frame (RFC 6455 §5.2). */
function textFrameHeader(payloadLength: number): Buffer {
  if (payloadLength < 126) return Buffer.from([0x81, payloadLength]);
  if (payloadLength < 65536) {
    const h = Buffer.alloc(4);
    h[0] = 0x81;
    h[1] = 126;
    h.writeUInt16BE(payloadLength, 2);
    return h;
  }
  const h = Buffer.alloc(10);
  h[0] = 0x81;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(payloadLength), 2);
  return h;
}

function toTemplate(kind: FrameKind, message: object): FrameTemplate {
  const json = JSON.stringify(message);
  const payload = Buffer.from(json, 'utf8');
  const header = textFrameHeader(payload.length);
  const incremental = (message as { msgMode: number }).msgMode === 1;
  const versionText = String(incremental ? VERSION_PLACEHOLDER_INCREMENTAL : VERSION_PLACEHOLDER_FULL);
  const versionKey = Buffer.from(`"version":${versionText}`);
  const msgIdKey = Buffer.from(`"msgID":"${MSGID_PLACEHOLDER}"`);
  const versionAt = payload.indexOf(versionKey);
  const msgIdAt = payload.indexOf(msgIdKey);
  if (versionAt < 0 || msgIdAt < 0) throw new Error(`bench frame ${kind}: placeholder not found`);
  return {
    kind,
    action: (message as { action: string }).action,
    bytes: Buffer.concat([header, payload]),
    payloadBytes: payload.length,
    versionAt: header.length + versionAt + '"version":'.length,
    versionWidth: versionText.length,
    msgIdAt: header.length + msgIdAt + '"msgID":"'.length,
    incremental,
  };
}

/** All templates of one conference, and the order in which the mix sends them. */
export interface FrameSet {
  readonly confID: string;
  /** One entry per position of the repeating mix pattern. */
  readonly pattern: readonly FrameTemplate[];
  /** Mean payload bytes per frame of the mix. */
  readonly meanPayloadBytes: number;
}

/**
 * Builds the frame templates for one conference ID.
 * @param confID - the conference the frames claim to belong to (§6.0 `confID`)
 */
export function buildFrameSet(confID: string): FrameSet {
  const random = seededRandom(0x5eed);
  const roster = makeRoster(random);
  const variants: Record<FrameKind, FrameTemplate[]> = {
    participantsDelta: [],
    participantsFull: [toTemplate('participantsFull', participantsFull(confID, roster, ROSTER_SIZE))],
    dynamicFull: [],
    speakers: [],
  };
  for (let v = 0; v < 12; v++) {
    variants.participantsDelta.push(toTemplate('participantsDelta', participantsDelta(confID, roster, v)));
    variants.dynamicFull.push(toTemplate('dynamicFull', dynamicInfo(confID, v)));
    variants.speakers.push(toTemplate('speakers', speakers(confID, roster, v)));
  }
  // Spread each kind evenly over 100 slots, then fill by a fixed shuffle so kinds interleave.
  const kinds: FrameKind[] = [];
  for (const [kind, n] of Object.entries(MIX_PER_100) as [FrameKind, number][]) {
    for (let i = 0; i < n; i++) kinds.push(kind);
  }
  const shuffle = seededRandom(42);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  const used: Record<FrameKind, number> = {
    participantsDelta: 0,
    participantsFull: 0,
    dynamicFull: 0,
    speakers: 0,
  };
  const pattern = kinds.map((kind) => {
    const list = variants[kind];
    const t = list[used[kind] % list.length]!;
    used[kind]++;
    return t;
  });
  const meanPayloadBytes = pattern.reduce((s, t) => s + t.payloadBytes, 0) / pattern.length;
  return { confID, pattern, meanPayloadBytes };
}

/** Writes `value` as exactly `width` decimal digits at `at` (the value must fit). */
function writeDecimal(buf: Buffer, at: number, width: number, value: number): void {
  let v = value;
  for (let i = at + width - 1; i >= at; i--) {
    buf[i] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
}

/** Writes `value` as exactly `width` lowercase hex digits at `at`. */
function writeHex(buf: Buffer, at: number, width: number, value: number): void {
  let v = value;
  for (let i = at + width - 1; i >= at; i--) {
    const d = v % 16;
    buf[i] = d < 10 ? 48 + d : 87 + d;
    v = Math.floor(v / 16);
  }
}

/** Reads the sequence number a bench msgID carries. */
export function sequenceOfMsgId(msgID: string): number {
  return Number.parseInt(msgID.slice(16), 16);
}

/**
 * Reads the send stamp a bench msgID carries: `process.hrtime.bigint()` in ns modulo 2^48.
 * CLOCK_MONOTONIC is system-wide on Linux, so the stamp compares across processes.
 */
export function stampOfMsgId(msgID: string): number {
  return Number.parseInt(msgID.slice(0, 12), 16);
}

const STAMP_MODULUS = 2 ** 48;

/** Now, in the unit and range of {@link stampOfMsgId}. */
export function nowStamp(): number {
  return Number(process.hrtime.bigint() % BigInt(STAMP_MODULUS));
}

/** Nanoseconds from a send stamp to now, robust to the 2^48 wrap. */
export function nanosSince(stamp: number): number {
  const d = nowStamp() - stamp;
  return d < 0 ? d + STAMP_MODULUS : d;
}

/**
 * Produces the mix as a stream of ready-to-write bytes with increasing versions and sequences.
 * One per socket: versions must increase per connection (§6.0).
 */
export class FrameCursor {
  private position = 0;
  private sequence = 0;
  private incrementalVersion = VERSION_PLACEHOLDER_INCREMENTAL;
  private fullVersion = VERSION_PLACEHOLDER_FULL;

  constructor(private readonly set: FrameSet) {}

  /** The sequence number the next frame will carry (the first is 1). */
  get nextSequence(): number {
    return this.sequence + 1;
  }

  /** The template of the frame at mix position `sequence` (1-based), for expectations. */
  kindAt(sequence: number): FrameKind {
    return this.set.pattern[(sequence - 1) % this.set.pattern.length]!.kind;
  }

  /**
   * Copies the next `count` frames of the mix into one buffer, stopping early once it holds
   * `maxBytes` (always at least one frame). All frames get `stamp` as their send stamp.
   * @returns the buffer and how many frames it holds
   */
  take(count: number, maxBytes: number, stamp = 0): { bytes: Buffer; frames: number } {
    const pattern = this.set.pattern;
    let size = 0;
    let frames = 0;
    let p = this.position;
    while (frames < count && (frames === 0 || size < maxBytes)) {
      size += pattern[p]!.bytes.length;
      frames++;
      p = (p + 1) % pattern.length;
    }
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < frames; i++) {
      const t = pattern[this.position]!;
      this.position = (this.position + 1) % pattern.length;
      t.bytes.copy(out, at);
      this.sequence++;
      const version = t.incremental ? ++this.incrementalVersion : ++this.fullVersion;
      writeDecimal(out, at + t.versionAt, t.versionWidth, version);
      writeHex(out, at + t.msgIdAt, 12, stamp);
      writeHex(out, at + t.msgIdAt + 12, 4, 0);
      writeHex(out, at + t.msgIdAt + 16, 16, this.sequence);
      at += t.bytes.length;
    }
    return { bytes: out, frames };
  }
}

const SNAPSHOT_ROSTER = makeRoster(seededRandom(0x5eed));

/**
 * The small subscribe snapshot of one conference (§5.1: full messages after Subscribe): status, a
 * two-person roster and the current speakers, about 1.9 KB. Their msgIDs carry sequence 0, so
 * consumers can tell them from measured frames.
 */
export function snapshotBytes(confID: string): Buffer {
  const snapshot = [
    toTemplate('dynamicFull', dynamicInfo(confID, 0)),
    toTemplate('participantsFull', participantsFull(confID, SNAPSHOT_ROSTER, 2)),
    toTemplate('speakers', speakers(confID, SNAPSHOT_ROSTER, 0)),
  ];
  const parts = snapshot.map((t, i) => {
    const b = Buffer.from(t.bytes);
    writeHex(b, t.msgIdAt, 12, i + 1);
    writeHex(b, t.msgIdAt + 12, 20, 0);
    return b;
  });
  return Buffer.concat(parts);
}

/**
 * Checks that every template patches into valid JSON with the expected fields. Cheap; run once
 * before a measurement so a broken template fails loudly instead of skewing numbers.
 */
export function verifyFrameSet(set: FrameSet): void {
  const cursor = new FrameCursor(set);
  const { bytes, frames } = cursor.take(set.pattern.length * 2, Number.POSITIVE_INFINITY, 0xabc);
  let at = 0;
  let lastIncremental = 0;
  for (let i = 0; i < frames; i++) {
    const len = bytes[at + 1]! & 0x7f;
    const headerLength = len < 126 ? 2 : len === 126 ? 4 : 10;
    const payloadLength =
      len < 126 ? len : len === 126 ? bytes.readUInt16BE(at + 2) : Number(bytes.readBigUInt64BE(at + 2));
    const message = JSON.parse(
      bytes.subarray(at + headerLength, at + headerLength + payloadLength).toString(),
    );
    if (message.confID !== set.confID || sequenceOfMsgId(message.msgID) !== i + 1) {
      throw new Error(`bench frame ${i}: bad envelope`);
    }
    if (stampOfMsgId(message.msgID) !== 0xabc) throw new Error(`bench frame ${i}: bad stamp`);
    if (message.msgMode === 1) {
      if (message.version <= lastIncremental) throw new Error(`bench frame ${i}: version not increasing`);
      lastIncremental = message.version;
    }
    at += headerLength + payloadLength;
  }
}
