/**
 * A small hostile Huawei-Meeting-like server on 127.0.0.1 for the issue 14 tests: `node:http` for
 * the two token calls (§2, §3) and `ws` for the push socket (§4). By default it behaves like a
 * correct, minimal service; each hook replaces one answer with whatever a test needs (echoed
 * secrets, redirects, skewed clocks, heal storms, never-answered Subscribes). `close()` stops the
 * server and every socket it accepted: a test that starts one stops it.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

/** One REST request as the server saw it. */
export interface SeenRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  /** ms since the server started. */
  readonly at: number;
}

/** A REST answer: status and JSON body (a string body is sent as is), optional headers. */
export interface HostileAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** What the server knows when it answers: its own base URLs and the tokens it has issued. */
export interface HostileContext {
  readonly baseUrl: string;
  /** `ws://127.0.0.1:PORT` */
  readonly wsUrl: string;
  /** Every control and WebSocket token issued so far, in order. */
  readonly issued: string[];
  /** A fresh token of the service's shape, recorded in `issued`. */
  token(prefix: 'stb' | 'cnr'): string;
}

/** One accepted push socket. */
export interface HostileSocket {
  readonly ws: WebSocket;
  readonly url: URL;
  /** Every frame the client sent on it, parsed. */
  readonly received: Array<Record<string, unknown>>;
  /** Sends `frame` (an object is JSON-encoded). */
  send(frame: unknown): void;
}

/** The hooks; each one left out behaves like the service. */
export interface HostileBehaviour {
  /** The control-token call (§2), password or keep-alive. */
  readonly controlToken?: (request: SeenRequest, context: HostileContext) => HostileAnswer | undefined;
  /** The wsToken call (§3). */
  readonly webSocketToken?: (request: SeenRequest, context: HostileContext) => HostileAnswer | undefined;
  /** A new push socket was accepted. */
  readonly onSocket?: (socket: HostileSocket, context: HostileContext) => void;
  /**
   * A client frame arrived. Return `true` to suppress the default answer (Subscribe: a reply with
   * returnCode 0 and a full ConfDynamicInfoNotify; HeartBeat: the echo).
   */
  readonly onFrame?: (
    frame: Record<string, unknown>,
    socket: HostileSocket,
    context: HostileContext,
  ) => unknown;
}

/** A running hostile server. */
export interface HostileServer extends HostileContext {
  readonly conferenceId: string;
  readonly requests: SeenRequest[];
  readonly sockets: HostileSocket[];
  close(): Promise<void>;
}

/** The conference every hostile server serves. */
export const HOSTILE_CONF_ID = '913570246';

/** A full ConfDynamicInfoNotify (§6.4): what makes the client `live`. */
export function dynamicInfoPush(
  version: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    confID: HOSTILE_CONF_ID,
    msgID: `m${version}`,
    msgMode: 0,
    version,
    createTime: version,
    action: 'ConfDynamicInfoNotify',
    data: { state: 'Created', ...extra },
  };
}

/** The §2.2 answer of a control-token call. */
export function controlTokenAnswer(
  context: HostileContext,
  overrides: Record<string, unknown> = {},
): HostileAnswer {
  return {
    status: 200,
    body: {
      data: {
        token: context.token('stb'),
        tmpWsToken: context.token('cnr'),
        wsURL: context.wsUrl,
        role: 1,
        expireTime: Date.now() + 1_800_000,
        confTokenExpireTime: 1800,
        userID: 'u',
        orgID: 'o',
        vmrCurrentConfID: '',
        supportNotifyType: ['ParticipantsNotify'],
        ...overrides,
      },
    },
  };
}

/** Starts a hostile server on 127.0.0.1 and a free port. */
export async function startHostileServer(behaviour: HostileBehaviour = {}): Promise<HostileServer> {
  const started = Date.now();
  const requests: SeenRequest[] = [];
  const sockets: HostileSocket[] = [];
  const issued: string[] = [];
  const http = createServer();
  const wss = new WebSocketServer({ noServer: true });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const context: HostileContext = {
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    issued,
    token: (prefix) => {
      const token = `${prefix}${randomBytes(24).toString('hex')}`;
      issued.push(token);
      return token;
    },
  };
  const reply = (res: ServerResponse, answer: HostileAnswer) => {
    const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(text);
  };
  http.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', context.baseUrl);
    const seen: SeenRequest = {
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      at: Date.now() - started,
    };
    requests.push(seen);
    if (url.pathname.endsWith('/conferences/token')) {
      reply(res, behaviour.controlToken?.(seen, context) ?? controlTokenAnswer(context));
    } else if (url.pathname.endsWith('/conferences/wsToken')) {
      reply(
        res,
        behaviour.webSocketToken?.(seen, context) ?? {
          status: 200,
          body: { webSocketToken: context.token('cnr') },
        },
      );
    } else {
      reply(res, { status: 404, body: { error_code: 'X.404', error_msg: 'NOT_FOUND' } });
    }
  });
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const hostile: HostileSocket = {
        ws,
        url: new URL(req.url ?? '/', context.wsUrl),
        received: [],
        send: (frame) => {
          if (ws.readyState === WebSocket.OPEN)
            ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
        },
      };
      sockets.push(hostile);
      ws.on('message', (data) => {
        let frame: Record<string, unknown>;
        try {
          frame = JSON.parse(String(data)) as Record<string, unknown>;
        } catch {
          return;
        }
        hostile.received.push(frame);
        if (behaviour.onFrame?.(frame, hostile, context) === true) return;
        if (frame['action'] === 'Subscribe') {
          hostile.send({
            action: 'Subscribe',
            sequence: frame['sequence'],
            data: { returnCode: 0, 'returnDesc ': 'SUCCESS' },
          });
          hostile.send(dynamicInfoPush(Date.now()));
        } else if (frame['action'] === 'HeartBeat') {
          hostile.send({ action: 'HeartBeat', sequence: frame['sequence'] });
        }
      });
      behaviour.onSocket?.(hostile, context);
    });
  });
  return {
    ...context,
    conferenceId: HOSTILE_CONF_ID,
    requests,
    sockets,
    close: async () => {
      for (const socket of sockets) socket.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
