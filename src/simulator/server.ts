/**
 * HTTP routing of the simulator: the three REST paths (§2, §3, §10.1) and the WebSocket upgrade
 * path (§4), on one loopback port.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { SimulatorClock } from './clock.js';
import {
  exceptionResponse,
  handleControlToken,
  handleRealTimeInfo,
  handleWsToken,
  type RestContext,
  type RestRequest,
  type RestResponse,
} from './rest-handlers.js';
import type { MeetingRuntime } from './simulated-meeting.js';
import { CLOSE } from './socket-session.js';
import type { TokenStore } from './tokens.js';

/** §4: the WebSocket path under `wsURL`. */
export const WS_PATH = '/cms/open/websocket/confctl/increment/conn';

const ROUTES: Readonly<Record<string, (request: RestRequest, ctx: RestContext) => RestResponse>> = {
  '/v1/mmc/control/conferences/token': handleControlToken,
  '/v1/mmc/control/conferences/wsToken': handleWsToken,
  '/v1/mmc/control/conferences/realTimeInfo': handleRealTimeInfo,
};

/**
 * CORS: the one addition to the documented service, so a browser page on another origin can call
 * the simulator. The real service's CORS policy is unknown.
 */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers':
    'Content-Type, X-Password, X-Login-Type, X-Conference-Authorization, X-Nonce, X-Request-ID',
  'Access-Control-Max-Age': '600',
} as const;

/** §3: the published answers are `application/json;charset=UTF-8`. */
const JSON_TYPE = 'application/json;charset=UTF-8';

/** What the routes need. */
export interface RouterContext extends RestContext {
  readonly clock: SimulatorClock;
  readonly wss: WebSocketServer;
}

function writeJson(res: ServerResponse, { status, body }: RestResponse): void {
  if (res.writableEnded || res.destroyed) return;
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': JSON_TYPE });
  res.end(JSON.stringify(body));
}

/** Handles one plain HTTP request. */
export function handleHttpRequest(req: IncomingMessage, res: ServerResponse, ctx: RouterContext): void {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const route = ROUTES[url.pathname];
  if (route === undefined) {
    writeJson(res, { status: 404, body: { error_code: 'MMC.111070001', error_msg: 'NOT_FOUND' } });
    return;
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS);
    res.end();
    return;
  }
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET, OPTIONS');
    writeJson(res, { status: 405, body: { error_code: 'MMC.111070001', error_msg: 'METHOD_NOT_ALLOWED' } });
    return;
  }
  const request: RestRequest = {
    query: url.searchParams,
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  };
  const faults = ctx.meeting(url.searchParams.get('conferenceID') ?? '')?.faults;
  if (faults !== undefined && faults.restFailuresLeft > 0) {
    faults.restFailuresLeft--;
    writeJson(res, exceptionResponse(faults.restFailureStatus));
    return;
  }
  const delay = faults?.restDelayMs ?? 0;
  // The answer is computed when it is sent, so a delayed call sees the state (and token expiry) of that moment.
  if (delay > 0) ctx.clock.setTimeout(() => writeJson(res, route(request, ctx)), delay);
  else writeJson(res, route(request, ctx));
}

function refuseUpgrade(socket: Duplex, status: 400 | 404): void {
  const text = status === 400 ? 'Bad Request' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Handles a WebSocket upgrade request (§4 simulator rules). */
export function handleUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  ctx: {
    wss: WebSocketServer;
    tokens: TokenStore;
    meeting(conferenceId: string): MeetingRuntime | undefined;
  },
): void {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const confID = url.searchParams.get('confID');
  const tmpToken = url.searchParams.get('tmpToken');
  if (url.pathname !== WS_PATH || !confID || !tmpToken) {
    refuseUpgrade(socket, url.pathname !== WS_PATH ? 404 : 400);
    return;
  }

  ctx.wss.handleUpgrade(req, socket, head, (ws) => {
    const meeting = ctx.meeting(confID);
    // §3: any upgrade attempt that presents the token consumes it.
    const verdict = ctx.tokens.consumeWsToken(tmpToken, confID);
    if (meeting?.faults.rejectNextUpgrade) {
      meeting.faults.rejectNextUpgrade = false;
      ws.close(CLOSE.authFailed.code, CLOSE.authFailed.reason);
    } else if (meeting?.ended()) {
      ws.close(CLOSE.conferenceEnded.code, CLOSE.conferenceEnded.reason);
    } else if (meeting === undefined || verdict !== 'ok') {
      ws.close(CLOSE.authFailed.code, CLOSE.authFailed.reason);
    } else {
      meeting.accept(ws);
    }
  });
}
