/**
 * What every REST building block needs to reach the service.
 */
import type { SchedulerLike } from 'rxjs';
import type { FetchLike } from './rest-get.js';

/** §2 [DX]: the host every published example uses. */
export const DEFAULT_BASE_URL = 'https://api.meeting.huaweicloud.com';
/** Long enough for a slow gateway, short enough that a hung call does not stall a reconnect. */
export const DEFAULT_REST_TIMEOUT_MS = 10_000;
/** 1 MiB: the documented token answers are under 2 KB (§2.2, §3); anything near this is not one of them. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * Where and how to call the Meeting REST API.
 * @category Auth
 */
export interface RestOptions {
  /** The conference ID (not the cloud-meeting-room ID, §2.1). */
  readonly conferenceId: string;
  /**
   * Scheme, host and optional port of the REST gateway; `http://127.0.0.1:PORT` for the simulator.
   * @defaultValue 'https://api.meeting.huaweicloud.com'
   */
  readonly baseUrl?: string;
  /**
   * The HTTP client.
   * @defaultValue globalThis.fetch
   */
  readonly fetch?: FetchLike;
  /**
   * A call without an answer after this long fails with `TIMEOUT`, ms.
   * @defaultValue 10000
   */
  readonly restTimeoutMs?: number;
  /**
   * An answer body larger than this fails the call with `REST_INVALID_RESPONSE`, bytes; reading
   * stops at the limit.
   * @defaultValue 1048576 (1 MiB)
   */
  readonly maxResponseBytes?: number;
  /**
   * Where timers run; a `TestScheduler` in tests.
   * @defaultValue asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/** The global `fetch`, checked at call time so a missing one fails as a typed error, not at import. */
export function defaultFetch(): FetchLike {
  const global = (globalThis as { fetch?: FetchLike }).fetch;
  if (global === undefined) {
    return () => Promise.reject(new TypeError('no global fetch; pass options.fetch'));
  }
  return (url, init) => global(url, init);
}
