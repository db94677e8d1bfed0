/**
 * The three REST calls of the simulator, as pure request → response functions:
 * the control token (§2), the WebSocket token (§3) and the real-time meeting information (§10.1).
 */
import { DOCUMENTED_NOTIFY_TYPES } from '../protocol/notify-types.js';
import { ORG_ID } from './people.js';
import type { MeetingRuntime } from './simulated-meeting.js';
import { mintToken, type TokenStore } from './tokens.js';

/** A parsed REST request. */
export interface RestRequest {
  readonly query: URLSearchParams;
  /** A request header, by case-insensitive name. */
  header(name: string): string | undefined;
}

/** A REST answer: status and JSON body. */
export interface RestResponse {
  readonly status: number;
  readonly body: unknown;
}

/** What the handlers need from the simulator. */
export interface RestContext {
  meeting(conferenceId: string): MeetingRuntime | undefined;
  readonly tokens: TokenStore;
  readonly wsUrl: string;
  readonly baseUrl: string;
  readonly controlTokenTtlMs: number;
}

/** The error answers of §2.5 and §3 (the simulator's mapping table). */
export const REST_ERRORS = {
  badRequest: { status: 400, body: { error_code: 'MMC.111070001', error_msg: 'CONF_BAD_REQUEST' } },
  notFoundOrAuthFailed: {
    status: 400,
    body: { error_code: 'MMC.111072065', error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED' },
  },
  notFound: { status: 400, body: { error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' } },
  tokenAuthFailed: {
    status: 401,
    body: { error_code: 'MMC.118000001', error_msg: 'USER_TOKEN_AUTH_FAILED' },
  },
  insufficientPermissions: {
    status: 403,
    body: { error_code: 'MMC.111070002', error_msg: 'CONF_INSUFFICIENT_PERMISSIONS' },
  },
} as const satisfies Record<string, RestResponse>;

/** The injected-fault answer (§2.5 last row); `status` is the fault's. */
export function exceptionResponse(status: number): RestResponse {
  return { status, body: { error_code: 'MMC.111070003', error_msg: 'CONF_EXCEPTION' } };
}

/** GET /v1/mmc/control/conferences/token (§2), including the keep-alive form (§2.4). */
export function handleControlToken(request: RestRequest, ctx: RestContext): RestResponse {
  const conferenceId = request.query.get('conferenceID');
  if (!conferenceId || request.header('x-login-type')?.trim() !== '1') return REST_ERRORS.badRequest;
  const meeting = ctx.meeting(conferenceId);
  if (meeting === undefined) return REST_ERRORS.notFoundOrAuthFailed;
  if (meeting.ended()) return REST_ERRORS.notFound;

  const password = request.header('x-password');
  const presented = request.header('x-conference-authorization');
  if (presented !== undefined) {
    // §2.4: keep-alive with a live token skips the password check and issues a new token.
    const record = ctx.tokens.findControlToken(presented);
    if (record?.conferenceId === conferenceId) return issueControlToken(meeting, ctx);
    // Expired or unknown: re-authenticate with the password if there is one, else 401.
    if (password === undefined) return REST_ERRORS.tokenAuthFailed;
  }
  // One answer for "unknown conference" and "wrong password" (§2.5): nothing leaks which it was.
  if (password !== meeting.controls.hostPassword) return REST_ERRORS.notFoundOrAuthFailed;
  return issueControlToken(meeting, ctx);
}

function issueControlToken(meeting: MeetingRuntime, ctx: RestContext): RestResponse {
  const conferenceId = meeting.controls.conferenceId;
  const { token, expiresAt } = ctx.tokens.issueControlToken(conferenceId);
  // §9.13: tmpWsToken follows the wsToken rules (60 s, single use) from now.
  const tmpWsToken = ctx.tokens.issueWsToken(conferenceId);
  return {
    status: 200,
    body: {
      data: {
        token,
        tmpWsToken,
        wsURL: ctx.wsUrl,
        role: 1,
        expireTime: expiresAt,
        userID: meeting.state.ownerId,
        orgID: ORG_ID,
        confTokenExpireTime: Math.round(ctx.controlTokenTtlMs / 1000),
        vmrCurrentConfID: '',
        supportNotifyType: [...DOCUMENTED_NOTIFY_TYPES],
      },
      addressToken: mintToken('cnr'),
      // §2.2: the field really is spelled "gloabl".
      gloablPublicIP: ctx.baseUrl,
    },
  };
}

/** §3 rules shared by wsToken and realTimeInfo: the meeting the caller's control token may use. */
function authorise(request: RestRequest, ctx: RestContext): MeetingRuntime | RestResponse {
  const conferenceId = request.query.get('conferenceID');
  if (!conferenceId) return REST_ERRORS.badRequest;
  const meeting = ctx.meeting(conferenceId);
  if (meeting?.ended()) return REST_ERRORS.notFound;
  const record = ctx.tokens.findControlToken(request.header('x-conference-authorization'));
  if (record === undefined) return REST_ERRORS.tokenAuthFailed;
  if (meeting === undefined || record.conferenceId !== conferenceId)
    return REST_ERRORS.insufficientPermissions;
  return meeting;
}

const isResponse = (value: MeetingRuntime | RestResponse): value is RestResponse => 'status' in value;

/** GET /v1/mmc/control/conferences/wsToken (§3): the documented flat shape only. */
export function handleWsToken(request: RestRequest, ctx: RestContext): RestResponse {
  const meeting = authorise(request, ctx);
  if (isResponse(meeting)) return meeting;
  return { status: 200, body: { webSocketToken: ctx.tokens.issueWsToken(meeting.controls.conferenceId) } };
}

/** GET /v1/mmc/control/conferences/realTimeInfo (§10.1), from the same truth as the pushes. */
export function handleRealTimeInfo(request: RestRequest, ctx: RestContext): RestResponse {
  const meeting = authorise(request, ctx);
  if (isResponse(meeting)) return meeting;
  const { state } = meeting;
  const participants = [...state.participants].map(([pid, p]) => ({
    pid,
    name: p['NAME'] ?? '',
    phone: p['TEL'] ?? '',
    state: Number(p['STATE'] ?? '0'),
    video: Number(p['VIDEO'] ?? '0'),
    mute: Number(p['MUTE'] ?? '0'),
    hand: Number(p['HAND'] ?? '0'),
  }));
  const chairID = [...state.participants].find(([, p]) => p['ROLE'] === '1')?.[0];
  const coHosts = [...state.participants].filter(([, p]) => p['IS_COHOST'] === '1').map(([pid]) => pid);
  const attendees = [...state.attendees.values()].map((a) => ({
    accountID: a['accountId'],
    userUUID: a['userUUID'],
    name: a['name'],
    phone: a['phone'],
  }));
  return {
    status: 200,
    body: { attendees, participants, confInfo: chairID === undefined ? { coHosts } : { chairID, coHosts } },
  };
}
