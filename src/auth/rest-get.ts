/**
 * One REST GET as a cold Observable: typed errors, a timeout, and an abort on unsubscribe.
 */
import type { Either } from 'fp-ts/lib/Either.js';
import { asyncScheduler, Observable, type SchedulerLike, throwError, timeout } from 'rxjs';
import { type MeetingError, type RestCall, restError } from '../errors.js';
import { redactSecrets } from '../protocol/redact.js';
import { decodeRestErrorBody } from '../protocol/rest.js';
import type { FetchLike, ResponseLike } from '../transport/fetch-like.js';
import { certificateRejection } from '../transport/tls-error-codes.js';
import { BodyTooLargeError, readCappedText } from './read-body.js';
import {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_REST_TIMEOUT_MS,
  defaultFetch,
  type RestOptions,
} from './rest-options.js';

/** Everything one REST call needs. */
export interface RestGetRequest<A> {
  readonly call: RestCall;
  /** Carries only the conference ID, never a secret, but is still kept out of error messages. */
  readonly url: string;
  /** May carry the password or a token: never copied anywhere. */
  readonly headers: Record<string, string>;
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
  /** A larger answer body fails the call with `REST_INVALID_RESPONSE` (bytes). */
  readonly maxResponseBytes?: number;
  readonly scheduler: SchedulerLike;
  /** Decodes a 2xx body. */
  readonly decode: (json: unknown) => Either<{ readonly message: string }, A>;
}

/** The error code of a rejected fetch: on the error itself (node:https) or its `cause` (undici). */
function errorCode(error: Error): string | undefined {
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/** A short, secret-free description of why `fetch` rejected (never its message, which may quote the URL). */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return 'request failed';
  const code = errorCode(error);
  if (code === undefined) return error.name;
  return certificateRejection(code) ?? `${error.name}: ${code}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The service's error text, which a gateway may fill with an echo of the request (the password, a
 * token), masked by shape; a meeting masks its own secrets on top (issue 14).
 */
function redactedBody(body: { readonly error_code: string; readonly error_msg: string }) {
  return { error_code: redactSecrets(body.error_code), error_msg: redactSecrets(body.error_msg) };
}

/** Reads an answer into a value or a typed error. */
async function readAnswer<A>(request: RestGetRequest<A>, signal: AbortSignal): Promise<A> {
  let response: ResponseLike;
  try {
    // Never follow a redirect: the headers carry the password or a token (issue 14).
    response = await request.fetch(request.url, {
      method: 'GET',
      headers: request.headers,
      signal,
      redirect: 'error',
    });
  } catch (error) {
    const failure: MeetingError = {
      code: 'NETWORK',
      call: request.call,
      message: `${request.call}: no answer (${networkReason(error)})`,
    };
    throw failure;
  }
  let text: string;
  try {
    text = await readCappedText(response, request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      const failure: MeetingError = {
        code: 'REST_INVALID_RESPONSE',
        call: request.call,
        status: response.status,
        message: `${request.call}: ${error.message}`,
      };
      throw failure;
    }
    const failure: MeetingError = {
      code: 'NETWORK',
      call: request.call,
      message: `${request.call}: answer cut off (${networkReason(error)})`,
    };
    throw failure;
  }
  const json = parseJson(text);
  if (!response.ok) {
    const body = json === undefined ? undefined : decodeRestErrorBody(json);
    throw restError(
      request.call,
      response.status,
      body?._tag === 'Right' ? redactedBody(body.right) : undefined,
    );
  }
  const decoded = request.decode(json);
  if (decoded._tag === 'Left') {
    // A 2xx answer carrying the service's error body follows the same error_code rules as a
    // 4xx (issue 14: MMC.111070005 in a 200 is "meeting not found", not a body to retry for ever).
    const errorBody = json === undefined ? undefined : decodeRestErrorBody(json);
    if (errorBody?._tag === 'Right')
      throw restError(request.call, response.status, redactedBody(errorBody.right));
    const failure: MeetingError = {
      code: 'REST_INVALID_RESPONSE',
      call: request.call,
      status: response.status,
      message: `${request.call}: unexpected answer (${redactSecrets(decoded.left.message)})`,
    };
    throw failure;
  }
  return decoded.right;
}

/**
 * Performs one GET per subscription and emits the decoded answer, then completes. Fails with a
 * {@link MeetingError}: `REST_*` / `MEETING_NOT_FOUND` for non-2xx answers (§2.5) and for 2xx
 * answers whose body is the service's error body (`error_code`, `error_msg`), `NETWORK`
 * (a rejected TLS certificate says so in the message), `TIMEOUT` after `timeoutMs`,
 * `REST_INVALID_RESPONSE` for an undecodable body or one over `maxResponseBytes` (1 MiB by default).
 * Unsubscribing aborts the request.
 * @category Auth
 */
export function restGet<A>(request: RestGetRequest<A>): Observable<A> {
  const call$ = new Observable<A>((subscriber) => {
    const abort = new AbortController();
    readAnswer(request, abort.signal).then(
      (value) => {
        subscriber.next(value);
        subscriber.complete();
      },
      (error: unknown) => subscriber.error(error),
    );
    return () => abort.abort();
  });
  return call$.pipe(
    timeout({
      first: request.timeoutMs,
      scheduler: request.scheduler,
      with: () => {
        const failure: MeetingError = {
          code: 'TIMEOUT',
          operation: request.call,
          afterMs: request.timeoutMs,
          message: `${request.call}: no answer within ${request.timeoutMs} ms`,
        };
        return throwError(() => failure);
      },
    }),
  );
}

/** `baseUrl` + `path` + `?conferenceID=…`, tolerating a trailing slash on the base (§9.14 spirit). */
export function restUrl(baseUrl: string, path: string, conferenceId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}?conferenceID=${encodeURIComponent(conferenceId)}`;
}

/**
 * {@link restGet} for one endpoint of the gateway `options` names, with every {@link RestOptions}
 * default applied: what each token call is built on.
 */
export function restCall<A>(
  options: RestOptions,
  endpoint: Pick<RestGetRequest<A>, 'call' | 'headers' | 'decode'> & { readonly path: string },
): Observable<A> {
  return restGet({
    call: endpoint.call,
    url: restUrl(options.baseUrl ?? DEFAULT_BASE_URL, endpoint.path, options.conferenceId),
    headers: endpoint.headers,
    fetch: options.fetch ?? defaultFetch(),
    timeoutMs: options.restTimeoutMs ?? DEFAULT_REST_TIMEOUT_MS,
    ...(options.maxResponseBytes === undefined ? {} : { maxResponseBytes: options.maxResponseBytes }),
    scheduler: options.scheduler ?? asyncScheduler,
    decode: endpoint.decode,
  });
}
