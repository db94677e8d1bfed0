/**
 * The roster fold on a 10,000-person webinar (issue 7):
 * - one-person incremental updates folded per second (target ≥ 200,000/s);
 * - the full 10,000-person snapshot applied, against building a plain `Map` of the same entries
 *   (pid → pinfoMap) (target < 5×); a resync of the same snapshot (diffed) is reported too;
 * - memory per participant (heapUsed delta / N after a forced GC).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ParticipantItem, ParticipantsNotify } from '../../src/protocol/messages.js';
import type { RosterState } from '../../src/state/roster.js';
import { applyParticipants, initialRosterState } from '../../src/state/roster.js';
import {
  type BenchSuite,
  formatRate,
  type MeasureOptions,
  measure,
  median,
  type SuiteResult,
} from '../harness.js';

const N = 10_000;
const CONF_ID = '913570246';

/** A full GC: `global.gc` under `node --expose-gc`, else the flag set at run time (works under tsx). */
function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  gc();
}

function pid(i: number): string {
  return `w${i.toString(36).padStart(31, '0')}`;
}

/** A complete pinfoMap like §6.5's example; person 0 hosts, the rest are webinar audience. */
function pinfo(i: number): Record<string, string> {
  return {
    NAME: `Audience member ${i}`,
    TEL: `+9911128340${String(1_000_000 + i)}`,
    ROLE: i === 0 ? '1' : '2',
    STATE: '0',
    HAND: '0',
    BROADCAST: '0',
    ROLLCALL: '0',
    SHARE: '0',
    ADDTIME: String(1_767_257_415_022 + i * 37),
    MUTE: '1',
    VIDEO: '0',
    ANONYMOUS: '0',
    LOCALREC: '0',
    CLIENT_LOGIN_TYPE: i % 2 === 0 ? 'Desktop' : 'Mobile',
    VIEW_TYPE: '0',
    IS_COHOST: '0',
    ACCOUNT_ID: `acc${i.toString(16).padStart(28, '0')}`,
    ORG_ID: '70315',
  };
}

/** The wire text of the full snapshot; parsed per use, so pinfoMaps are fresh objects as a decoder makes. */
function snapshotText(): string {
  return JSON.stringify({
    data: Array.from({ length: N }, (_, i) => ({ pid: pid(i), mode: 0, pinfoMap: pinfo(i) })),
    confID: CONF_ID,
    msgID: '6a2b7f45c4b711f0a1b2c3d4e5f60718',
    msgMode: 0,
    version: 1_767_258_002_020,
    createTime: 1_767_258_002_020,
    action: 'ParticipantsNotify',
  });
}

function parseSnapshot(text: string): ParticipantsNotify {
  return JSON.parse(text) as ParticipantsNotify;
}

/** Median wall time (ms) of `fn` over `rounds` runs after two warm-up runs. */
function timeMs(fn: () => unknown, rounds: number): number {
  fn();
  fn();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** One-item incremental changes, cycling over everyone: hands, mutes, a rename now and then. */
function changePool(size: number): (readonly ParticipantItem[])[] {
  const keys = ['HAND', 'MUTE', 'SHARE', 'VIDEO'];
  return Array.from({ length: size }, (_, j) => {
    const i = (j * 7919) % N;
    const key = keys[j % keys.length] as string;
    const value = j % 8 < 4 ? '1' : '0';
    const pinfoMap = j % 97 === 0 ? { NAME: `Renamed ${j}` } : { [key]: value };
    return [{ pid: pid(i), mode: 0, pinfoMap }];
  });
}

async function run(options: MeasureOptions): Promise<SuiteResult & { json: Record<string, number> }> {
  const text = snapshotText();
  const rounds = Math.max(5, (options.rounds ?? 7) * 3);
  const messages = Array.from({ length: 4 }, () => parseSnapshot(text));
  let k = 0;
  const nextMessage = () => messages[k++ % messages.length] as ParticipantsNotify;

  // Baseline: a plain Map of the same entries.
  const plainMapMs = timeMs(() => {
    const map = new Map<string, Readonly<Record<string, string>>>();
    for (const item of nextMessage().data) map.set(item.pid, item.pinfoMap);
    return map;
  }, rounds);
  const fullApplyMs = timeMs(() => applyParticipants(initialRosterState(), nextMessage()), rounds);
  const held = applyParticipants(initialRosterState(), nextMessage());
  const resyncApplyMs = timeMs(() => applyParticipants(held, nextMessage()), rounds);

  // One-person incremental updates on the 10,000-person roster. The envelope is made per call
  // (one small object, as a decoder would); the items are prepared in advance.
  const pool = changePool(65_536);
  let state: RosterState = applyParticipants(initialRosterState(), parseSnapshot(text));
  let version = 1;
  let j = 0;
  const incremental = measure(() => {
    const message: ParticipantsNotify = {
      action: 'ParticipantsNotify',
      version: version++,
      createTime: 1_767_258_090_412,
      msgID: '',
      msgMode: 1,
      confID: CONF_ID,
      data: pool[j++ & 65_535] as readonly ParticipantItem[],
    };
    state = applyParticipants(state, message);
    return state;
  }, options);
  if (state.roster.size !== N) throw new Error(`roster size ${state.roster.size}, expected ${N}`);

  // Memory: the roster with the pinfoMaps it keeps (the decoder's objects), per participant; and
  // the roster's own overhead (records, views, Map) on top of an already parsed message.
  collectGarbage();
  const base = process.memoryUsage().heapUsed;
  let kept: RosterState | undefined = applyParticipants(initialRosterState(), parseSnapshot(text));
  collectGarbage();
  const withPinfo = process.memoryUsage().heapUsed - base;
  kept = undefined;
  const parsed = parseSnapshot(text);
  collectGarbage();
  const parsedBase = process.memoryUsage().heapUsed;
  kept = applyParticipants(initialRosterState(), parsed);
  collectGarbage();
  const overhead = process.memoryUsage().heapUsed - parsedBase;
  // After every participant got 10 one-key updates (layered views, some flattened).
  let v = 1;
  for (let round = 0; round < 10; round++) {
    for (let i = 0; i < N; i++) {
      kept = applyParticipants(kept, {
        action: 'ParticipantsNotify',
        version: v++,
        createTime: 0,
        msgID: '',
        msgMode: 1,
        confID: CONF_ID,
        data: [{ pid: pid(i), mode: 0, pinfoMap: { HAND: round % 2 === 0 ? '1' : '0' } }],
      });
    }
  }
  collectGarbage();
  const afterUpdates = process.memoryUsage().heapUsed - parsedBase;
  if (kept.roster.size !== N) throw new Error('roster lost people');

  const json = {
    participants: N,
    incrementalUpdatesPerSec: Math.round(incremental.perSec),
    plainMapBuildMs: round3(plainMapMs),
    fullSnapshotApplyMs: round3(fullApplyMs),
    fullSnapshotRatio: round3(fullApplyMs / plainMapMs),
    resyncApplyMs: round3(resyncApplyMs),
    resyncRatio: round3(resyncApplyMs / plainMapMs),
    bytesPerParticipant: Math.round(withPinfo / N),
    overheadBytesPerParticipant: Math.round(overhead / N),
    bytesPerParticipantAfter10Updates: Math.round(afterUpdates / N),
  };
  const lines = [
    `roster: ${N.toLocaleString('en-US')}-person webinar roster`,
    `  one-person incremental updates  ${formatRate(json.incrementalUpdatesPerSec).padStart(12)} /s   (must be ≥ 200,000)`,
    `  plain Map build (pid→pinfoMap)  ${json.plainMapBuildMs.toFixed(3).padStart(12)} ms`,
    `  full snapshot, initial          ${json.fullSnapshotApplyMs.toFixed(3).padStart(12)} ms   ratio ${json.fullSnapshotRatio} (must be < 5)`,
    `  full snapshot, resync (diffed)  ${json.resyncApplyMs.toFixed(3).padStart(12)} ms   ratio ${json.resyncRatio}`,
    `  memory per participant          ${String(json.bytesPerParticipant).padStart(12)} B    (roster incl. its pinfoMaps)`,
    `    of which roster structures    ${String(json.overheadBytesPerParticipant).padStart(12)} B    (records, views, Map)`,
    `    after 10 updates each         ${String(json.bytesPerParticipantAfter10Updates).padStart(12)} B    (structures + merged layers)`,
  ];
  return { json, lines };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The roster suite. */
export const rosterSuite: BenchSuite = { name: 'roster', run };

/** The roster figures alone, e.g. for a test or a script: `{ incrementalUpdatesPerSec, fullSnapshotRatio, … }`. */
export async function runRosterBench(options: MeasureOptions = {}): Promise<Record<string, number>> {
  return (await run(options)).json;
}
