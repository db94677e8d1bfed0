/**
 * The two REST calls a hand-written client makes before opening the socket (§2, §3), written the
 * plain way with `fetch`. Used by the raw and RxJS baselines so all three clients do the same work.
 */
const WS_PATH = '/cms/open/websocket/confctl/increment/conn';

/** Control token and the socket URL with a fresh single-use tmpToken (§4). */
export interface SocketAccess {
  readonly controlToken: string;
  readonly socketUrl: string;
}

/** Gets a control token, then a WebSocket token, and builds the §4 socket URL. */
export async function fetchSocketAccess(
  baseUrl: string,
  confID: string,
  password = 'bench',
): Promise<SocketAccess> {
  const tokenRes = await fetch(`${baseUrl}/v1/mmc/control/conferences/token?conferenceID=${confID}`, {
    headers: { 'X-Password': password, 'X-Login-Type': '1', 'Content-Type': 'application/json' },
  });
  const { data } = (await tokenRes.json()) as { data: { token: string; wsURL: string } };
  const wsRes = await fetch(`${baseUrl}/v1/mmc/control/conferences/wsToken?conferenceID=${confID}`, {
    headers: { 'X-Conference-Authorization': data.token },
  });
  const { webSocketToken } = (await wsRes.json()) as { webSocketToken: string };
  return {
    controlToken: data.token,
    socketUrl: `${data.wsURL}${WS_PATH}?confID=${confID}&tmpToken=${webSocketToken}`,
  };
}

/** A §5.1 sequence: 30 decimal digits. */
export function sequence(): string {
  return String(Date.now()).padStart(30, '0');
}

/** The §5.1 Subscribe frame, `data` as a JSON string like every published example. */
export function subscribeFrame(confID: string, controlToken: string, types: readonly string[]) {
  return {
    action: 'Subscribe',
    sequence: sequence(),
    data: JSON.stringify({
      conferenceID: confID,
      subscribeType: types,
      confToken: `Basic ${Buffer.from(controlToken).toString('base64')}`,
    }),
  };
}

/** The notification types all three clients subscribe. */
export const BENCH_NOTIFY_TYPES = [
  'ConfDynamicInfoNotify',
  'ParticipantsNotify',
  'SpeakerChangeNotify',
] as const;
