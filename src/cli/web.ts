/**
 * `huawei-meeting-rx demo --web`: the browser dashboard of docs/examples, served next to the
 * simulator. A tiny loopback HTTP server with three jobs:
 *
 * - serve the page (docs/examples/dashboard.html) and its script, bundled for the browser on the
 *   fly by esbuild from docs/examples/dashboard.ts;
 * - act as the page's **token backend**: it holds the host password and answers the page with
 *   tokens only (PROTOCOL.md §2, §3), the pattern a real service must follow, because the host
 *   password must never reach a browser;
 * - nothing else: the page talks to the meeting's WebSocket directly, with the native WebSocket.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstValueFrom } from 'rxjs';
import { controlToken } from '../auth/control-token.js';
import { webSocketToken } from '../auth/websocket-token.js';
import { isMeetingError, type MeetingError } from '../errors.js';
import type { ControlTokenInfo } from '../protocol/messages.js';
import type { SimulatedMeeting, Simulator } from '../simulator/types.js';
import { browserRedirect } from '../transport/browser-redirect.js';

/** The package name the example imports; the bundle maps it to this checkout's source. */
const PACKAGE_NAME = 'huawei-meeting-rx';
/** Where the page's own backend answers with tokens (see docs/browser.md). */
export const TOKENS_PATH = '/api/meeting-tokens';
/** Where the page learns which meeting to show when its URL names none. */
export const MEETING_PATH = '/api/meeting';

/**
 * Options of {@link serveDashboard}.
 * @category CLI
 */
export interface DashboardOptions {
  /**
   * TCP port on 127.0.0.1; `0` picks a free one (read it back from {@link DashboardServer.url}).
   * @defaultValue 0
   */
  readonly port?: number;
  /** The simulator whose meetings the page shows; its host passwords stay in this process. */
  readonly simulator: Simulator;
}

/**
 * A running dashboard server.
 * @category CLI
 */
export interface DashboardServer {
  /** The page's address, `http://127.0.0.1:PORT/`. */
  readonly url: string;
  /** Stops the server and drops its connections. Does not close the simulator. */
  close(): Promise<void>;
}

/**
 * What the token endpoint answers: everything one connection attempt needs, and no password.
 * The field names are those of the library's `SuppliedTokens`, so the page passes the object on.
 */
interface BrowserTokens {
  readonly wsURL: string;
  readonly confToken: string;
  readonly webSocketToken: string;
}

/**
 * Serves the example dashboard for `simulator` on 127.0.0.1: the page, its bundled script and the
 * token endpoint. The script is bundled once, before this resolves, so a broken example fails here
 * rather than in the browser.
 *
 * @example
 * ```ts
 * const sim = await startSimulator();
 * const dashboard = await serveDashboard({ simulator: sim });
 * console.log(`open ${dashboard.url}`);
 * ```
 * @category CLI
 */
export async function serveDashboard(options: DashboardOptions): Promise<DashboardServer> {
  const root = await findPackageRoot(dirname(fileURLToPath(import.meta.url)));
  const examples = join(root, 'docs', 'examples');
  const librarySource = join(root, 'src', 'index.ts');
  // The page and the library's source ship with the repository, not with the npm package.
  for (const file of [join(examples, 'dashboard.html'), join(examples, 'dashboard.ts'), librarySource]) {
    if (!existsSync(file)) throw new Error(`demo --web needs a clone of the repository (missing ${file})`);
  }
  const [html, script] = await Promise.all([
    readFile(join(examples, 'dashboard.html'), 'utf8'),
    bundleDashboard(join(examples, 'dashboard.ts'), librarySource),
  ]);
  const tokensFor = createTokenBackend(options.simulator);
  const firstMeeting = options.simulator.meetings[0]?.conferenceId ?? options.simulator.conferenceId;
  const headers = pageHeaders(options.simulator.wsUrl);

  const server = createServer((req, res) => {
    route(req, res).catch(() =>
      sendJson(res, 500, { error: { code: 'UNEXPECTED', message: 'server error' } }),
    );
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site that re-points its own host name at 127.0.0.1 (DNS rebinding) would
    // count as same-origin here; its requests still name that host, so they are refused.
    if (!isLoopbackHost(req.headers.host)) return send(res, 403, 'text/plain', 'loopback only');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const post = req.method === 'POST';
    if (req.method !== 'GET' && !post) return send(res, 405, 'text/plain', 'method not allowed');
    if (url.pathname === TOKENS_PATH) {
      // POST: each call mints a single-use token, so it must never be cached or prefetched.
      if (!post) return send(res, 405, 'text/plain', 'use POST');
      const answer = await tokensFor(url.searchParams.get('conferenceId') ?? '');
      return 'error' in answer
        ? sendJson(res, answer.status, { error: answer.error })
        : sendJson(res, 200, answer);
    }
    if (post) return send(res, 405, 'text/plain', 'method not allowed');
    switch (url.pathname) {
      case '/':
      case '/dashboard.html':
        return send(res, 200, 'text/html; charset=utf-8', html, headers);
      case '/dashboard.js':
        return send(res, 200, 'text/javascript; charset=utf-8', script, headers);
      case '/favicon.ico':
        return send(res, 204, 'text/plain', '');
      case MEETING_PATH:
        return sendJson(res, 200, { conferenceId: firstMeeting });
      default:
        return send(res, 404, 'text/plain', 'not found');
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}

/**
 * The token backend: for a known conference, a control token (reused while it has life left,
 * PROTOCOL.md §2.4) and a fresh single-use WebSocket token (§3) for every call. Failures answer
 * with the library's typed {@link MeetingError}, which carries no secret by construction, so the
 * page can hand it to the client unchanged (a `MEETING_NOT_FOUND` then ends the page's streams).
 */
function createTokenBackend(
  simulator: Simulator,
): (conferenceId: string) => Promise<BrowserTokens | { status: number; error: MeetingError }> {
  const byId = new Map<string, SimulatedMeeting>(simulator.meetings.map((m) => [m.conferenceId, m]));
  const held = new Map<string, ControlTokenInfo>();

  return async (conferenceId) => {
    const meeting = byId.get(conferenceId);
    if (meeting === undefined) {
      const error: MeetingError = {
        code: 'MEETING_NOT_FOUND',
        call: 'createConfToken',
        status: 404,
        message: 'the token backend knows no such conference',
      };
      return { status: 404, error };
    }
    const rest = { conferenceId, baseUrl: simulator.baseUrl };
    try {
      const initial = held.get(conferenceId);
      const control = await firstValueFrom(
        controlToken({ ...rest, hostPassword: meeting.hostPassword, ...(initial ? { initial } : {}) }),
      );
      held.set(conferenceId, control);
      const fresh = await firstValueFrom(webSocketToken({ ...rest, controlToken: control.token }));
      return {
        wsURL: control.wsURL,
        confToken: control.token.reveal(),
        webSocketToken: fresh.webSocketToken.reveal(),
      };
    } catch (error) {
      held.delete(conferenceId); // a refused or stale token: the next call starts with the password
      const failure: MeetingError = isMeetingError(error)
        ? error
        : { code: 'UNEXPECTED', message: 'token backend failed' };
      return { status: failure.code === 'MEETING_NOT_FOUND' ? 404 : 502, error: failure };
    }
  };
}

/**
 * Bundles the page script for the browser. The example imports the package by name, as a user's
 * page would; here that name points at this checkout's source, built the way the package's
 * `browser` export is built (tsup.config.ts): the same {@link browserRedirect} plugin puts the
 * browser twin of `node-runtime.ts` in place, so no Node code can reach the bundle, and a Node
 * import on the browser path fails here, before any page loads.
 */
async function bundleDashboard(entry: string, librarySource: string): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'demo --web bundles the example page with esbuild: run it from a clone after `npm install`',
    );
  }
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    sourcemap: 'inline',
    alias: { [PACKAGE_NAME]: librarySource },
    plugins: [browserRedirect()],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output for the dashboard');
  return output.text;
}

/** The nearest folder above `start` whose package.json is this package's (src/cli or dist/…). */
async function findPackageRoot(start: string): Promise<string> {
  for (let dir = start; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === PACKAGE_NAME) return dir;
    } catch {
      // no package.json here: keep climbing
    }
    if (dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package folder`);
  }
}

/** Whether a `Host` header names this machine's loopback interface (any port). */
function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i.test(host);
}

/**
 * Headers of the page and its script. The CSP lets the page reach only its own server and the
 * meeting's WebSocket server: a compact statement of what the browser side needs.
 */
function pageHeaders(wsUrl: string): Record<string, string> {
  return {
    'Content-Security-Policy': `default-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self' ${wsUrl}`,
    'X-Content-Type-Options': 'nosniff',
  };
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}
