/**
 * The chaos soak (issue 6 §1), shared by `npm run soak` (≈2 minutes) and the CI test (≈15 s).
 *
 * A busy simulated meeting (script on, accelerated) is watched by `connectMeeting` with small
 * heartbeat and backoff settings, while seeded faults of every kind the simulator has are injected
 * one after another. After each fault the engine checks, in real time:
 * - the roster folded from `participants$` (and `meeting.roster$`) equals `sim.participants()`
 *   within a settle window; if not, it forces one reconnect and checks again ("within one
 *   reconnect"); still different counts as a mismatch;
 * - `status$` is back to `live`.
 * Throughout: unhandled errors and rejections (process hooks), heap and open handles (sampled), and
 * every secret the simulator issued (tokens from REST answers, meeting passwords from frames, the
 * host password) against everything the library emitted or printed. At the end: the meeting ends
 * (every stream must complete), a probe meeting is closed while live, and the handles left open
 * after `close()` are counted.
 */
import { format, inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isObservable, type Observable, type Subscription } from 'rxjs';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { Meeting } from '../../src/meeting/meeting.js';
import { type ConnectMeetingOptions, resolveMeetingOptions } from '../../src/meeting/options.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { ParticipantsNotify } from '../../src/protocol/messages.js';
import { Secret } from '../../src/security/secret.js';
import { type Simulator, startSimulator } from '../../src/simulator/index.js';
import { createPrng } from '../../src/simulator/prng.js';
import { foldRoster } from '../../src/state/operators.js';
import type { Roster } from '../../src/state/roster.js';
import type { FetchLike } from '../../src/transport/fetch-like.js';

/** Every kind of fault the soak injects (issue 6: "random faults of every kind the simulator has"). */
export const FAULT_KINDS = [
  'drop',
  'silence',
  'stopHeartbeatEcho',
  'reject4001',
  'rest500',
  'slowRest',
  'malformedFrame',
  'unknownAction',
  'duplicateIncremental',
  'skipVersion',
  'reorderIncrementals',
  'expireTokenOnSocket',
  'slowFrames',
] as const;

/** One fault kind. */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How a soak runs. */
export interface SoakOptions {
  /** Real time spent injecting faults, ms. */
  readonly durationMs: number;
  readonly seed: number;
  /** Simulator script speed: meeting time passes this many times faster than real time. */
  readonly speed: number;
  /** Real time a roster may disagree with the truth (and status$ may be away from live) after a fault. */
  readonly settleMs: number;
  /** Real-time pause between one fault's check and the next fault, ms: [min, max]. */
  readonly pauseMs: readonly [number, number];
  /** Progress lines (the script prints them; the test stays quiet). */
  readonly log?: (line: string) => void;
}

/** What a soak measured. */
export interface SoakReport {
  readonly durationMs: number;
  readonly meetingMinutes: number;
  readonly faults: Record<string, number>;
  readonly reconnects: number;
  readonly rosterChecks: number;
  /** Checks where the roster matched only after the forced reconnect. */
  readonly healedByReconnect: number;
  /** Checks where the roster still differed after one reconnect (must be 0). */
  readonly mismatches: number;
  /** The same for `meeting.roster$`, when the meeting has one. */
  readonly rosterStreamMismatches: number | undefined;
  /** Faults after which status$ did not come back to live within the settle window. */
  readonly notLiveAgain: number;
  readonly pushes: number;
  readonly warnings: Record<string, number>;
  readonly unhandled: readonly string[];
  readonly heap: {
    readonly baselineMb: number;
    readonly peakMb: number;
    readonly firstQuarterMb: number;
    readonly lastQuarterMb: number;
  };
  readonly handles: {
    readonly firstQuarterMax: number;
    readonly lastQuarterMax: number;
    /** Handles open after close() beyond those open before the soak started, by type. */
    readonly afterClose: Record<string, number>;
  };
  /** Streams that had not completed 2 s after the meeting ended. */
  readonly streamsNotCompleted: readonly string[];
  readonly endPhase: string | undefined;
  /** Open simulator sockets right after `close()` of a live probe meeting, and after the end. */
  readonly socketsAfterClose: number;
  readonly secrets: { readonly issued: number; readonly found: number; readonly where: readonly string[] };
  readonly mismatchDetails: readonly string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling every 10 ms; resolves `false` after `ms`. */
async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (check()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(10);
  }
}

/** `global.gc`, reachable without `--expose-gc`. */
function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Open handles by type (timers, sockets, …), as Node reports them. */
export function openHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

function handlesBeyond(baseline: Record<string, number>): Record<string, number> {
  const extra: Record<string, number> = {};
  for (const [type, count] of Object.entries(openHandles())) {
    const more = count - (baseline[type] ?? 0);
    if (more > 0) extra[type] = more;
  }
  return extra;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Why a roster differs from the truth, or `undefined` when it is equal. */
export function rosterDifference(
  roster: Roster | undefined,
  truth: ReadonlyMap<string, Readonly<Record<string, string>>>,
): string | undefined {
  if (roster === undefined) return 'no roster yet';
  if (roster.size !== truth.size) return `size ${roster.size}, truth ${truth.size}`;
  for (const [pid, pinfo] of truth) {
    const person = roster.get(pid);
    if (person === undefined) return `missing ${pid}`;
    const keys = Object.keys(pinfo);
    for (const key of keys) {
      if (person.raw.get(key) !== pinfo[key]) return `${pid}.${key}: ${person.raw.get(key)} ≠ ${pinfo[key]}`;
    }
    if (person.raw.size !== keys.length) return `${pid}: ${person.raw.size} keys, truth ${keys.length}`;
  }
  return undefined;
}

/**
 * Collects the secrets the simulator hands out and scans text for them. Numeric passwords are
 * matched only as whole words, so they are not found inside timestamps or hex ids.
 */
export class SecretWatch {
  readonly #secrets = new Set<string>();
  readonly #patterns = new Map<string, RegExp>();
  readonly found: string[] = [];

  add(value: unknown): void {
    if (typeof value !== 'string' || value.length < 4 || this.#secrets.has(value)) return;
    this.#secrets.add(value);
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.#patterns.set(value, new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`));
  }

  /** Every string under a key containing "token" (any case), at any depth. */
  addTokensFrom(json: unknown): void {
    if (typeof json !== 'object' || json === null) return;
    for (const [key, value] of Object.entries(json)) {
      if (typeof value === 'string' && /token/i.test(key)) this.add(value);
      else this.addTokensFrom(value);
    }
  }

  /** `pwds[].pwd` of a ConfBasicInfoNotify frame as sent (§6.3). */
  addPasswordsFromFrame(text: string): void {
    if (!text.includes('"pwds"')) return;
    try {
      const frame = JSON.parse(text) as { pwds?: { pwd?: unknown }[]; data?: { pwds?: { pwd?: unknown }[] } };
      for (const entry of [...(frame.pwds ?? []), ...(frame.data?.pwds ?? [])])
        this.add(String(entry.pwd ?? ''));
    } catch {
      // a malformed frame (fault) carries no password
    }
  }

  get size(): number {
    return this.#secrets.size;
  }

  /** Records `where` if `text` contains any secret. */
  scan(where: string, text: string): void {
    for (const [secret, pattern] of this.#patterns) {
      if (text.includes(secret) && pattern.test(text)) {
        // Name the place and the kind of secret, never any part of it.
        this.found.push(`${where}: a ${secret.length}-character secret`);
        return;
      }
    }
  }

  /** Scans `util.inspect` (deep) and `JSON.stringify` of a value. */
  scanValue(where: string, value: unknown): void {
    this.scan(where, inspect(value, { depth: 8, showHidden: false, getters: true }));
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined;
    }
    if (json !== undefined) this.scan(where, json);
  }
}

/** A `fetch` that records every token in the answers before the client sees them. */
function recordingFetch(secrets: SecretWatch): FetchLike {
  return async (url, init) => {
    const response = await fetch(url, init);
    const copy = await response.clone().text();
    try {
      secrets.addTokensFrom(JSON.parse(copy));
    } catch {
      // not JSON: nothing issued
    }
    return response;
  };
}

/** Copies everything written to stdout/stderr and the console into the scanner (output still goes through). */
function teeOutput(secrets: SecretWatch): () => void {
  const streams = [process.stdout, process.stderr] as const;
  const originalWrites = streams.map((stream) => stream.write);
  streams.forEach((stream, index) => {
    const original = originalWrites[index]!;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      secrets.scan(index === 0 ? 'stdout' : 'stderr', String(chunk));
      return (original as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  });
  // Test runners replace the console without going through process.stdout: watch it directly too.
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originalConsole = methods.map((method) => console[method]);
  methods.forEach((method, index) => {
    const original = originalConsole[index]!;
    console[method] = (...args: unknown[]) => {
      secrets.scan(`console.${method}`, format(...args));
      original.apply(console, args);
    };
  });
  return () => {
    streams.forEach((stream, index) => {
      stream.write = originalWrites[index]!;
    });
    methods.forEach((method, index) => {
      console[method] = originalConsole[index]!;
    });
  };
}

/** Every data stream of a {@link Meeting}: all its `…$` members but status$ and warnings$. */
const DATA_STREAMS = [
  'confBasicInfo$',
  'confDynamicInfo$',
  'participants$',
  'attendees$',
  'speakers$',
  'netConditions$',
  'inviteResults$',
  'subtitles$',
  'waitingList$',
  'interpreterGroups$',
  'unknown$',
  'roster$',
  'joined$',
  'left$',
  'activeSpeakers$',
  'handsRaised$',
  'waitingRoom$',
  'attendeeList$',
  'meetingState$',
] as const satisfies readonly Exclude<keyof Meeting, 'status$' | 'warnings$' | 'conferenceId' | 'close'>[];

/** The data streams of a meeting, by name. */
function dataStreams(meeting: Meeting): [string, Observable<unknown>][] {
  return DATA_STREAMS.map((name): [string, Observable<unknown>] => [name, meeting[name]]).filter(
    ([, stream]) => isObservable(stream),
  );
}

/** Client settings: small heartbeat and backoff so faults heal in well under a second. */
export function soakClientOptions(sim: Simulator, fetchImpl: FetchLike): ConnectMeetingOptions {
  return {
    conferenceId: sim.conferenceId,
    hostPassword: new Secret(sim.hostPassword),
    baseUrl: sim.baseUrl,
    fetch: fetchImpl,
    heartbeatIntervalMs: 400,
    livenessTimeoutMs: 300,
    restTimeoutMs: 1000,
    handshakeTimeoutMs: 1000,
    idleGraceMs: 50,
    reconnect: { initialDelayMs: 20, maxDelayMs: 250, resetAfterMs: 1500 },
  };
}

/** Runs one soak and reports; never throws for a failed property (the caller judges the report). */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  // The simulator's seeded PRNG (mulberry32), so a soak is repeatable.
  const random = createPrng(options.seed).next;
  const gc = gcFunction();
  const unhandled: string[] = [];
  const onRejection = (reason: unknown) => unhandled.push(`unhandledRejection: ${String(reason)}`);
  const onException = (error: unknown) => unhandled.push(`uncaughtException: ${String(error)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);

  gc();
  const baselineHandles = openHandles();
  const baselineHeap = process.memoryUsage().heapUsed;
  const secrets = new SecretWatch();
  const restoreOutput = teeOutput(secrets);
  const subscriptions: Subscription[] = [];

  const sim = await startSimulator({
    seed: options.seed,
    speed: options.speed,
    initialParticipants: 12,
    heartbeatTimeoutMs: 5_000,
    // Short-lived control tokens, so the keep-alive (§2.4) runs many times during the soak.
    controlTokenTtlMs: 12_000,
  });
  secrets.add(sim.hostPassword);
  const stopFrameWatch = sim.onFrameSent((text) => secrets.addPasswordsFromFrame(text));
  const clientOptions = soakClientOptions(sim, recordingFetch(secrets));
  const meeting = connectMeeting(clientOptions);

  const statuses: MeetingStatus[] = [];
  let reconnects = 0;
  const warnings: Record<string, number> = {};
  let pushes = 0;
  subscriptions.push(
    meeting.status$.subscribe((status) => {
      statuses.push(status);
      if (statuses.length > 50) statuses.shift();
      if (status.phase === 'reconnecting') reconnects++;
      secrets.scanValue('status$', status);
    }),
    meeting.warnings$.subscribe((warning) => {
      warnings[warning.code] = (warnings[warning.code] ?? 0) + 1;
      secrets.scanValue('warnings$', warning);
    }),
  );
  const phase = () => statuses.at(-1)?.phase;

  // The roster, folded here from participants$ (issue 6), and meeting.roster$ when there is one.
  let folded: Roster | undefined;
  subscriptions.push(
    (meeting.participants$ as Observable<ParticipantsNotify>).pipe(foldRoster()).subscribe((update) => {
      folded = update.roster;
    }),
  );
  let streamRoster: Roster | undefined;
  const hasRosterStream = isObservable((meeting as { roster$?: unknown }).roster$);

  const completed = new Set<string>();
  const streams = dataStreams(meeting);
  for (const [name, stream$] of streams) {
    subscriptions.push(
      stream$.subscribe({
        next: (value) => {
          pushes++;
          if (name === 'roster$') streamRoster = value as Roster;
          // Inspecting every push is costly; a sample still sees every kind many times.
          if (pushes % 7 === 0 || name === 'confBasicInfo$') secrets.scanValue(name, value);
        },
        error: (error: unknown) => unhandled.push(`${name} errored: ${String(error)}`),
        complete: () => completed.add(name),
      }),
    );
  }

  // Every half second: the heap as it is (for the peak), then after a full collection (for growth).
  const heapSamples: number[] = [];
  const handleSamples: number[] = [];
  let peakHeap = baselineHeap;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    gc(); // the growth check compares what is live, not what the collector has yet to reclaim
    heapSamples.push(process.memoryUsage().heapUsed);
    handleSamples.push(total(openHandles()));
  }, 500);

  const faults: Record<string, number> = {};
  let rosterChecks = 0;
  let healedByReconnect = 0;
  let mismatches = 0;
  let rosterStreamMismatches = 0;
  let notLiveAgain = 0;
  const mismatchDetails: string[] = [];
  let expiryInjected = false;

  await eventually(
    () => phase() === 'live' && rosterDifference(folded, sim.participants()) === undefined,
    5000,
  );
  const startedAt = Date.now();
  const meetingClockStart = Date.now();

  /** Injects one fault and waits for it to have done its harm; returns when the fault is lifted. */
  async function inject(kind: FaultKind): Promise<void> {
    const f = sim.faults;
    switch (kind) {
      case 'drop':
        f.dropConnections();
        return;
      case 'silence':
        // Frames held longer than two heartbeat intervals: the link looks dead (§7).
        f.delayFrames(1200);
        await sleep(1000);
        f.delayFrames(0);
        return;
      case 'stopHeartbeatEcho':
        f.stopHeartbeatEcho();
        await sleep(900);
        f.stopHeartbeatEcho(false);
        return;
      case 'reject4001':
        f.rejectNextUpgrade();
        f.dropConnections();
        return;
      case 'rest500':
        f.failRest(1 + Math.floor(random() * 3));
        f.dropConnections();
        return;
      case 'slowRest':
        f.delayRest(200 + Math.floor(random() * 1200)); // sometimes past restTimeoutMs
        f.dropConnections();
        await sleep(1500);
        f.delayRest(0);
        return;
      case 'malformedFrame':
        f.sendMalformedFrame();
        return;
      case 'unknownAction':
        f.sendUnknownAction();
        return;
      case 'duplicateIncremental':
        f.duplicateNextIncremental();
        return;
      case 'skipVersion':
        f.skipNextVersion();
        return;
      case 'reorderIncrementals':
        f.reorderNextIncrementals();
        return;
      case 'expireTokenOnSocket':
        // Sticky in the simulator: from now on every socket closes 4003 when its token expires.
        f.expireTokenOnSocket();
        expiryInjected = true;
        return;
      case 'slowFrames':
        f.delayFrames(20 + Math.floor(random() * 150));
        await sleep(800);
        f.delayFrames(0);
        return;
    }
  }

  /** Faults in a seeded shuffled order, every kind once per round. */
  let round: FaultKind[] = [];
  const nextFault = (): FaultKind => {
    if (round.length === 0) {
      round = FAULT_KINDS.filter((kind) => kind !== 'expireTokenOnSocket' || !expiryInjected);
      for (let i = round.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [round[i], round[j]] = [round[j]!, round[i]!];
      }
    }
    return round.shift()!;
  };

  while (Date.now() - startedAt < options.durationMs) {
    const kind = nextFault();
    faults[kind] = (faults[kind] ?? 0) + 1;
    await inject(kind);
    await sleep(30); // let the fault's frames arrive before judging
    const live = await eventually(() => phase() === 'live', options.settleMs);
    if (!live) notLiveAgain++;
    rosterChecks++;
    const matches = () => rosterDifference(folded, sim.participants()) === undefined;
    const streamMatches = () =>
      !hasRosterStream || rosterDifference(streamRoster, sim.participants()) === undefined;
    let ok = await eventually(() => matches() && streamMatches(), options.settleMs);
    if (!ok) {
      const before = `${kind}: fold ${rosterDifference(folded, sim.participants()) ?? 'ok'}, roster$ ${hasRosterStream ? (rosterDifference(streamRoster, sim.participants()) ?? 'ok') : 'n/a'}`;
      sim.faults.dropConnections(); // one reconnect brings a fresh snapshot (§6.0)
      ok = await eventually(() => phase() === 'live' && matches() && streamMatches(), options.settleMs);
      if (ok) {
        healedByReconnect++;
        mismatchDetails.push(`healed by reconnect after ${before}`);
      } else {
        if (!matches()) mismatches++;
        if (!streamMatches()) rosterStreamMismatches++;
        mismatchDetails.push(`MISMATCH after ${before}`);
      }
    }
    log(
      `${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s  ${kind.padEnd(22)} ${ok ? 'ok' : 'MISMATCH'}  reconnects ${reconnects}  heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MB`,
    );
    const [min, max] = options.pauseMs;
    await sleep(min + random() * (max - min));
  }
  const durationMs = Date.now() - startedAt;
  const meetingMinutes = ((Date.now() - meetingClockStart) * options.speed) / 60_000;

  // close() on a live meeting leaves no socket open.
  const probe = connectMeeting(clientOptions);
  const probeSub = probe.participants$.subscribe();
  await eventually(() => sim.connections() === 2, options.settleMs);
  probe.close();
  probeSub.unsubscribe();
  await eventually(() => sim.connections() <= 1, 1000);
  const socketsAfterProbeClose = sim.connections() - 1;

  // Meeting end: every stream completes and the client stops.
  sim.end();
  await eventually(() => completed.size === streams.length && phase() === 'ended', 2000);
  const streamsNotCompleted = streams.map(([name]) => name).filter((name) => !completed.has(name));
  const endPhase = phase();
  meeting.close();
  const socketsAfterClose = Math.max(socketsAfterProbeClose, sim.connections());
  clearInterval(sampler);
  for (const subscription of subscriptions) subscription.unsubscribe();
  stopFrameWatch();

  // Everything that could hold a secret, inspected once more.
  secrets.scanValue('options', clientOptions);
  secrets.scanValue('resolved options', resolveMeetingOptions(clientOptions));
  secrets.scanValue('meeting', meeting);
  secrets.scanValue('last statuses', statuses);

  await sim.close();
  restoreOutput();
  await sleep(100); // closed sockets release their handles on the next turns of the loop
  gc();
  const afterClose = handlesBeyond(baselineHandles);
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);

  const quarter = Math.max(1, Math.floor(heapSamples.length / 4));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  // Skip the first sample (warm-up: caches and JIT) in the first quarter.
  const first = heapSamples.slice(1, quarter + 1);
  const last = heapSamples.slice(-quarter);
  const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  return {
    durationMs,
    meetingMinutes: Math.round(meetingMinutes),
    faults,
    reconnects,
    rosterChecks,
    healedByReconnect,
    mismatches,
    rosterStreamMismatches: hasRosterStream ? rosterStreamMismatches : undefined,
    notLiveAgain,
    pushes,
    warnings,
    unhandled,
    heap: {
      baselineMb: mb(baselineHeap),
      peakMb: mb(peakHeap),
      firstQuarterMb: mb(mean(first)),
      lastQuarterMb: mb(mean(last)),
    },
    handles: {
      firstQuarterMax: Math.max(0, ...handleSamples.slice(1, quarter + 1)),
      lastQuarterMax: Math.max(0, ...handleSamples.slice(-quarter)),
      afterClose,
    },
    streamsNotCompleted,
    endPhase,
    socketsAfterClose,
    secrets: { issued: secrets.size, found: secrets.found.length, where: secrets.found.slice(0, 10) },
    mismatchDetails,
  };
}

/** The report as the lines `npm run soak` prints. */
export function formatReport(report: SoakReport): string {
  const faultLines = Object.entries(report.faults)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => `    ${kind.padEnd(22)} ${count}`);
  const warningLine = Object.entries(report.warnings)
    .map(([code, count]) => `${code} ${count}`)
    .join(', ');
  return [
    `soak: ${(report.durationMs / 1000).toFixed(0)} s real time, ≈${report.meetingMinutes} min of meeting, ${report.pushes} pushes delivered`,
    `  faults injected (${Object.values(report.faults).reduce((a, b) => a + b, 0)}):`,
    ...faultLines,
    `  reconnects:               ${report.reconnects}`,
    `  roster checks:            ${report.rosterChecks}`,
    `  roster mismatches:        ${report.mismatches}${report.rosterStreamMismatches === undefined ? '' : ` (roster$: ${report.rosterStreamMismatches})`}`,
    `  healed only by reconnect: ${report.healedByReconnect}`,
    `  not live again in time:   ${report.notLiveAgain}`,
    `  warnings:                 ${warningLine || 'none'}`,
    `  unhandled errors:         ${report.unhandled.length}`,
    `  heap: baseline ${report.heap.baselineMb} MB, peak ${report.heap.peakMb} MB; live after GC: mean first quarter ${report.heap.firstQuarterMb} MB, last quarter ${report.heap.lastQuarterMb} MB`,
    `  handles: max first quarter ${report.handles.firstQuarterMax}, last quarter ${report.handles.lastQuarterMax}; after close ${Object.values(report.handles.afterClose).reduce((a, b) => a + b, 0)} ${JSON.stringify(report.handles.afterClose)}`,
    `  streams not completed at meeting end: ${report.streamsNotCompleted.length === 0 ? 'none' : report.streamsNotCompleted.join(', ')} (final status ${report.endPhase})`,
    `  sockets open after close(): ${report.socketsAfterClose}`,
    `  secrets issued ${report.secrets.issued}, found in output ${report.secrets.found}${report.secrets.where.length > 0 ? ` (${report.secrets.where.join('; ')})` : ''}`,
    ...report.mismatchDetails.map((line) => `  note: ${line}`),
  ].join('\n');
}
