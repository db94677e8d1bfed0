/**
 * What every benchmarked client looks like to the suites: it connects to the bench server and feeds
 * three consumers (participants, speakers, meeting status), one callback each.
 */

/** The only thing the consumers read from a message: its envelope's msgID (see frames.ts). */
export interface HasMsgId {
  readonly msgID: string;
}

/** The three consumers of one client, one per stream the benchmarks subscribe. */
export interface Consumers {
  readonly participants: (message: HasMsgId) => void;
  readonly speakers: (message: HasMsgId) => void;
  readonly dynamicInfo: (message: HasMsgId) => void;
}

/** Where a client connects. */
export interface BenchTarget {
  /** REST base URL, `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  /** The conference to watch. */
  readonly confID: string;
}

/** A connected client. */
export interface BenchClient {
  close(): Promise<void>;
}

/** Per-client knobs the suites set. */
export interface ClientOptions {
  /** Heartbeat interval; the clients default to §7's recommended 60 s. */
  readonly heartbeatMs?: number;
}

/** Connects a client of one kind; resolves once its socket is open and Subscribe is sent. */
export type ClientFactory = (
  target: BenchTarget,
  consumers: Consumers,
  options?: ClientOptions,
) => Promise<BenchClient>;

/** The three clients compared. */
export type ClientKind = 'raw' | 'rxjs' | 'lib';
