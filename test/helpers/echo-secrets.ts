/**
 * A hostile behaviour for {@link startHostileServer}: a gateway and push server that echo the host
 * password and every token it has issued into every text field it has — REST `error_msg`, the
 * Subscribe `returnDesc`, close reasons, unknown pushes and extra keys of documented ones (issue 14).
 * Its first answers fail (so the echoes reach errors and warnings), later ones succeed.
 */
import {
  controlTokenAnswer,
  dynamicInfoPush,
  HOSTILE_CONF_ID,
  type HostileBehaviour,
} from './hostile-server.js';

/** The forms a secret may be echoed in: raw, `Basic <base64>`, URL-encoded. */
export function echoForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  return [secret, `Basic ${base64}`, encodeURIComponent(secret), base64];
}

/** The echoing behaviour; `password` is the host password the client is given. */
export function echoingSecrets(password: string): HostileBehaviour {
  let tokenCalls = 0;
  let wsTokenCalls = 0;
  let socketCount = 0;
  const echo = (issued: readonly string[]) => [password, ...issued].flatMap(echoForms).join(' | ');
  return {
    controlToken: (request, context) => {
      tokenCalls += 1;
      if (tokenCalls === 1) {
        return {
          status: 500,
          body: {
            error_code: 'MMC.111070003',
            error_msg: `SYSTEM_FAILURE password=${password} X-Password: ${request.headers['x-password']} ${password}`,
          },
        };
      }
      return controlTokenAnswer(context);
    },
    webSocketToken: (request, context) => {
      wsTokenCalls += 1;
      if (wsTokenCalls === 1) {
        return {
          status: 500,
          body: {
            error_code: 'MMC.111070003',
            error_msg: `bad auth ${request.headers['x-conference-authorization']} ${echo(context.issued)}`,
          },
        };
      }
      if (wsTokenCalls === 2) return { status: 200, body: `{"webSocketToken": "${password}" ` };
      return { status: 200, body: { webSocketToken: context.token('cnr') } };
    },
    onFrame: (frame, socket, context) => {
      if (frame['action'] !== 'Subscribe') return false;
      socketCount += 1;
      const tmpToken = socket.url.searchParams.get('tmpToken') ?? '';
      const data = String(frame['data'] ?? '');
      if (socketCount === 1) {
        socket.send({
          action: 'Subscribe',
          sequence: frame['sequence'],
          data: {
            returnCode: 1,
            'returnDesc ': `bad tmpToken ${tmpToken} in ${data} ${echo(context.issued)}`,
          },
        });
        return true;
      }
      socket.send({
        action: 'Subscribe',
        sequence: frame['sequence'],
        data: { returnCode: 0, 'returnDesc ': 'SUCCESS' },
      });
      const latest = context.issued.at(-1) ?? '';
      socket.send(dynamicInfoPush(Date.now(), { hostPassword: password, note: echo(context.issued) }));
      socket.send({
        confID: HOSTILE_CONF_ID,
        msgID: 'b1',
        msgMode: 0,
        version: Date.now(),
        createTime: Date.now(),
        action: 'ConfBasicInfoNotify',
        title: 'hostile',
        guestPwd: password,
        chairPwd: 123456789,
        pwds: [{ role: 'chair', pwd: password }],
        extra: { confToken: latest, deeper: { TOKEN: tmpToken, list: [{ pwd: password }] } },
      });
      socket.send({
        action: 'HostileEchoNotify',
        confID: HOSTILE_CONF_ID,
        pwd: password,
        confToken: latest,
        nested: { token: tmpToken, Password: password, items: [{ userPwd: 42424242 }] },
      });
      if (socketCount === 2) {
        // A close reason is at most 123 bytes: the password and a token fit.
        setTimeout(() => socket.ws.close(4000, `tmpToken=${tmpToken.slice(0, 60)} ${password}`), 50);
      }
      return true;
    },
  };
}
