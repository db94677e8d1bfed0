/**
 * What every REST building block needs to reach the service.
 */
import type { SchedulerLike } from 'rxjs';
import type { FetchLike } from '../transport/fetch-like.js';
import { platformFetch } from '../transport/node-runtime.js';

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
   * The HTTP client. Pass `globalThis.fetch` on Node.js to go through undici instead (e.g. for a
   * proxy set with its global dispatcher).
   * @defaultValue on Node.js, a client on `node:http` / `node:https` (certificates verified against
   *   Node's roots); elsewhere `globalThis.fetch`
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

/**
 * On Node.js the `node:http(s)` client (see `transport/node-https-fetch.ts`); elsewhere the global
 * `fetch`, checked at call time so a missing one fails as a typed error, not at import.
 */
export function defaultFetch(): FetchLike {
  if (platformFetch !== undefined) return platformFetch;
  const global = (globalThis as { fetch?: FetchLike }).fetch;
  if (global === undefined) {
    return () => Promise.reject(new TypeError('no global fetch; pass options.fetch'));
  }
  return (url, init) => global(url, init);
}
