/**
 * The public shapes of the simulator: options, the running simulator, one meeting's controls and the
 * fault switches.
 */
import type { SimulatorClock } from './clock.js';

/**
 * Options of {@link startSimulator}. Every field is optional.
 * @category Simulator
 */
export interface SimulatorOptions {
  /**
   * Interface to listen on. Loopback only (127.x.x.x, `::1`, `localhost`; anything else throws): the
   * simulator is a test double, not a server.
   * @defaultValue `'127.0.0.1'`
   */
  host?: string;
  /**
   * TCP port; `0` picks a free one (read it back from {@link Simulator.baseUrl}).
   * @defaultValue `0`
   */
  port?: number;
  /**
   * Seed of the scripted meetings: IDs, names, passwords and every scripted event. The same seed
   * (and the same clock) gives the same meeting.
   * @defaultValue `1`
   */
  seed?: number;
  /**
   * How many times faster than the clock the scripted activity runs (its pauses are divided by
   * `speed`). Protocol timers (heartbeat timeout, token lifetimes) are not scaled, so a client that
   * heartbeats on the wall clock keeps working at any speed.
   * @defaultValue `1`
   */
  speed?: number;
  /**
   * The clock behind every timer and timestamp; pass {@link createManualClock} for virtual time.
   * @defaultValue the wall clock
   */
  clock?: SimulatorClock;
  /**
   * Whether the scripted activity (joins, leaves, speakers, captions, …) runs. `false` leaves only
   * the manual controls of {@link SimulatedMeeting}.
   * @defaultValue `true`
   */
  script?: boolean;
  /**
   * Participants already in each meeting at start, host included.
   * @defaultValue `6`
   */
  initialParticipants?: number;
  /**
   * Close a socket with 4000 after this long without a HeartBeat frame (§7).
   * @defaultValue `180_000`
   */
  heartbeatTimeoutMs?: number;
  /**
   * Lifetime of a WebSocket token (§3).
   * @defaultValue `60_000`
   */
  wsTokenTtlMs?: number;
  /**
   * Lifetime of a meeting control token (§2.4).
   * @defaultValue `1_800_000`
   */
  controlTokenTtlMs?: number;
  /**
   * Number of meetings to run, each with its own conference ID and host password.
   * @defaultValue `1`
   */
  meetings?: number;
  /**
   * Serve HTTPS and WSS with a self-signed certificate made at start (needs the `openssl` command);
   * {@link Simulator.certificate} is what a client must trust (`tls: { ca }`).
   * @defaultValue `false`
   */
  tls?: boolean;
}

/**
 * Switches that make the simulator misbehave on purpose, one meeting at a time (Appendix A).
 * Each acts on the meeting it belongs to; the REST faults apply to calls whose `conferenceID`
 * is that meeting's.
 * @category Simulator
 */
export interface SimulatorFaults {
  /** Terminates every socket of the meeting abruptly (no close frame). */
  dropConnections(): void;
  /**
   * Stops (or, with `false`, resumes) echoing HeartBeat frames. Heartbeats still count as received,
   * so the server never times the client out for this.
   */
  stopHeartbeatEcho(stop?: boolean): void;
  /** Sends a text frame that is not JSON to every socket of the meeting. */
  sendMalformedFrame(): void;
  /** Sends a push of an undocumented type (default `CustomMultiPicNotify`, §6.13) to every socket. */
  sendUnknownAction(action?: string): void;
  /** The next incremental message is delivered twice, with the same `version` and `msgID`. */
  duplicateNextIncremental(): void;
  /** The next incremental message's `version` jumps by 2 instead of 1 (a gap). */
  skipNextVersion(): void;
  /**
   * The next two incremental messages are delivered in swapped order. A message still held back by
   * an earlier call goes out just before the new one is held (that swap is cancelled): no message
   * is ever lost.
   */
  reorderNextIncrementals(): void;
  /**
   * The next `count` REST calls answer `status` with `MMC.111070003` / `CONF_EXCEPTION` (§2.5).
   * @param count - defaults to 1
   * @param status - defaults to 500
   */
  failRest(count?: number, status?: number): void;
  /** Every REST answer waits `ms` of clock time first (`0` turns the delay off). */
  delayRest(ms: number): void;
  /** Every frame to the meeting's sockets waits `ms` of clock time first, order kept (`0` turns it off). */
  delayFrames(ms: number): void;
  /**
   * Closes each subscribed socket with 4003 `"token expired"` at the expiry instant of the control
   * token it subscribed with (at once if that is past), now and for later subscriptions (§8).
   */
  expireTokenOnSocket(): void;
  /** The next WebSocket upgrade for this meeting is accepted, then closed with 4001 (its token is consumed). */
  rejectNextUpgrade(): void;
}

/**
 * One scripted meeting: its credentials, its truth, manual controls and faults.
 * @category Simulator
 */
export interface SimulatedMeeting {
  /** The conference ID (9 digits). */
  readonly conferenceId: string;
  /** The host password for the control-token call (§2.1). A test password, not a secret. */
  readonly hostPassword: string;
  /** The online participants: pid → complete pinfoMap (§6.5). */
  participants(): ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** The waiting room: pid → complete pinfoMap (§6.11). */
  waitingRoom(): ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** The current speakers, loudest first, at most three (§6.7). */
  speakers(): readonly { pid: string; speakingVolume: number }[];
  /** `'Created'` while running, `'Destroyed'` after {@link SimulatedMeeting.end}. */
  state(): 'Created' | 'Destroyed';
  /** Adds an online participant and pushes it; returns its pid. */
  join(p?: {
    name?: string;
    role?: 'host' | 'participant' | 'audience';
    pinfo?: Record<string, string>;
  }): string;
  /**
   * Removes a participant; also pushes an InviteResultNotify with the leave reason.
   * @param resultCode - defaults to `"11076010"` (the site hung up, §6.9)
   */
  leave(pid: string, resultCode?: string): void;
  /** Changes pinfoMap keys of a participant, e.g. `{ MUTE: '1' }`, and pushes only those keys. */
  update(pid: string, changes: Record<string, string>): void;
  /** Sets the current speakers (sorted and cut to the three loudest); pushes at most twice a second. */
  speak(speakers: readonly { pid: string; speakingVolume: number }[]): void;
  /**
   * Reports an invitation result for `callNumber`. The roster is not touched (use `join`).
   * @param resultCode - defaults to `"0"` (connected)
   */
  invite(callNumber: string, resultCode?: string): void;
  /** Puts someone in the waiting room; returns their pid. */
  addToWaitingRoom(p?: { name?: string }): string;
  /** Admits a waiting person: removed from the waiting room, then joins under the same pid, which is returned. */
  admit(pid: string): string;
  /** Starts or stops recording (ConfDynamicInfoNotify `recState`). */
  setRecording(on: boolean): void;
  /** Locks or unlocks the meeting (ConfDynamicInfoNotify `lock`). */
  setLocked(on: boolean): void;
  /** Switches live captions on (§5.3); they stay on until the meeting ends. */
  startCaptions(): void;
  /** Pushes one caption line (switching captions on first if needed). `isFinal` defaults to `true`. */
  caption(text: string, isFinal?: boolean): void;
  /** Ends the meeting: Destroyed push, then close 4004 on every socket; REST then answers MMC.111070005 (§8). */
  end(): void;
  /** Open sockets of this meeting. */
  connections(): number;
  /** Calls `listener` with every text frame sent to this meeting's sockets; returns an unsubscribe function. */
  onFrameSent(listener: (text: string) => void): () => void;
  /** Fault injection for this meeting. */
  readonly faults: SimulatorFaults;
}

/**
 * A running simulator. Its own meeting controls act on the first meeting.
 * @category Simulator
 */
export interface Simulator extends SimulatedMeeting {
  /** REST base URL, `http://127.0.0.1:PORT` (`https://` with `tls: true`). */
  readonly baseUrl: string;
  /** The `wsURL` the control-token call returns, `ws://127.0.0.1:PORT` (`wss://` with `tls: true`; no path, Appendix A). */
  readonly wsUrl: string;
  /** With `tls: true`: the self-signed certificate (PEM) the server presents, to give a client as `ca`. */
  readonly certificate?: string;
  /** Every meeting, the first one included. */
  readonly meetings: readonly SimulatedMeeting[];
  /** Closes every socket with 1000 `"bye"`, stops all timers and frees the port. */
  close(): Promise<void>;
}
