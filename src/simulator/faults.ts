/**
 * Fault injection (Appendix A, "faults (opt-in)"): the switches' state, read by the REST layer, the
 * sockets and the publisher, and the public {@link SimulatorFaults} controls that flip them.
 */
import { buildPush, fullPushMeta } from './frames.js';
import type { SimulatorFaults } from './types.js';

/** What the fault switches of one meeting currently say. */
export interface FaultState {
  heartbeatEchoStopped: boolean;
  frameDelayMs: number;
  restDelayMs: number;
  restFailuresLeft: number;
  restFailureStatus: number;
  duplicateNextIncremental: boolean;
  skipNextVersion: boolean;
  reorderNextIncrementals: boolean;
  expireTokenOnSocket: boolean;
  rejectNextUpgrade: boolean;
}

/** A socket as the fault controls see it. */
export interface FaultTarget {
  /** Sends a raw text frame (through the socket's delay queue). */
  send(text: string): void;
  /** Destroys the TCP connection without a close frame. */
  terminate(): void;
  /** Schedules the 4003 close at the bound control token's expiry, if subscribed. */
  armTokenExpiry(): void;
}

/** What the controls need from their meeting. */
export interface FaultHooks {
  readonly conferenceId: string;
  sockets(): Iterable<FaultTarget>;
  now(): number;
  nextMsgId(): string;
}

/** All switches off. */
export function createFaultState(): FaultState {
  return {
    heartbeatEchoStopped: false,
    frameDelayMs: 0,
    restDelayMs: 0,
    restFailuresLeft: 0,
    restFailureStatus: 500,
    duplicateNextIncremental: false,
    skipNextVersion: false,
    reorderNextIncrementals: false,
    expireTokenOnSocket: false,
    rejectNextUpgrade: false,
  };
}

/** A frame that is not JSON (§8: the client must ignore it and stay connected). */
const MALFORMED_FRAME = '{"action":"ParticipantsNotify","data":[{"pid":';

/** The public fault controls of one meeting. */
export function createFaultControls(state: FaultState, hooks: FaultHooks): SimulatorFaults {
  const everySocket = (fn: (socket: FaultTarget) => void): void => {
    for (const socket of [...hooks.sockets()]) fn(socket);
  };
  return {
    dropConnections: () => everySocket((s) => s.terminate()),
    stopHeartbeatEcho: (stop = true) => {
      state.heartbeatEchoStopped = stop;
    },
    sendMalformedFrame: () => everySocket((s) => s.send(MALFORMED_FRAME)),
    sendUnknownAction: (action = 'CustomMultiPicNotify') => {
      // §6.13: the payload of the undocumented types is unknown; this one is invented.
      const frame = buildPush(fullPushMeta(action, hooks.conferenceId, hooks.now(), hooks.nextMsgId()), {
        data: { picNum: 4, subscriberInPic: 0, layoutMode: 'CUSTOM' },
      });
      const text = JSON.stringify(frame);
      everySocket((s) => s.send(text));
    },
    duplicateNextIncremental: () => {
      state.duplicateNextIncremental = true;
    },
    skipNextVersion: () => {
      state.skipNextVersion = true;
    },
    reorderNextIncrementals: () => {
      state.reorderNextIncrementals = true;
    },
    failRest: (count = 1, status = 500) => {
      state.restFailuresLeft = Math.max(0, Math.floor(count));
      state.restFailureStatus = status;
    },
    delayRest: (ms) => {
      state.restDelayMs = Math.max(0, ms);
    },
    delayFrames: (ms) => {
      state.frameDelayMs = Math.max(0, ms);
    },
    expireTokenOnSocket: () => {
      state.expireTokenOnSocket = true;
      everySocket((s) => s.armTokenExpiry());
    },
    rejectNextUpgrade: () => {
      state.rejectNextUpgrade = true;
    },
  };
}
