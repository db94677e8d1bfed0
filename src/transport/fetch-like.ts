/**
 * The little of the `fetch` API the REST calls use, met by the global `fetch` (browsers, undici) and
 * by the `node:http(s)` client of `node-https-fetch.ts` alike, so any of them can be injected. It
 * sits in transport/ beside `websocket-like.ts`: the transport implements it and auth only calls it,
 * so auth imports transport and never the other way round.
 */

/**
 * The part of a `fetch` response the client reads.
 * @category Auth
 */
export interface ResponseLike {
  readonly status: number;
  readonly ok: boolean;
  /** The whole body as text (used when `body` is absent). */
  text(): Promise<string>;
  /** Read when present: a `Content-Length` above the size cap fails before the body is read. */
  readonly headers?: {
    /** One header's value, or `null`. */
    get(name: string): string | null;
  };
  /** Read when present, so the size cap stops reading early; otherwise `text()` is used. */
  readonly body?: BodyStreamLike | null;
}

/**
 * The part of a WHATWG `ReadableStream` of bytes that the capped body reader uses.
 * @category Auth
 */
export interface BodyStreamLike {
  /** Locks the stream and returns its reader. */
  getReader(): {
    /** The next chunk, or `done`. */
    read(): Promise<
      { readonly done: true; readonly value?: unknown } | { readonly done: false; readonly value: Uint8Array }
    >;
    /** Stops reading and discards the rest. */
    cancel(reason?: unknown): Promise<void>;
  };
  /** Discards the unread body. */
  cancel(reason?: unknown): Promise<void>;
}

/**
 * The part of `fetch` the client uses; the global `fetch` fits. Inject one to add a proxy, logging
 * or a test double. Every call passes `redirect: 'error'`: the requests carry the host password
 * or a control token, which must never follow a redirect to another origin (issue 14). A `fetch`
 * you inject must honour it (the global `fetch` does: a redirect rejects, which the client reports
 * as `NETWORK`); the client also treats any 3xx answer it is given as a failed call.
 * @category Auth
 */
export type FetchLike = (
  url: string,
  init: {
    readonly method: 'GET';
    readonly headers: Record<string, string>;
    readonly signal: AbortSignal;
    /** Always `'error'` from the client; optional so a direct caller may leave it out. */
    readonly redirect?: 'error';
  },
) => Promise<ResponseLike>;
