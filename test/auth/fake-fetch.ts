import type { FetchLike, ResponseLike } from '../../src/transport/fetch-like.js';

export interface RecordedRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly signal: AbortSignal;
}

/** A scripted fetch: answers in order with the given status/body; records every request. */
export function fakeFetch(answers: Array<{ status: number; body: unknown } | Error | 'hang'>) {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push({ url, headers: init.headers, signal: init.signal });
    const answer = answers.shift();
    if (answer === undefined) return Promise.reject(new Error('no scripted answer'));
    if (answer === 'hang') {
      return new Promise((_, reject) =>
        init.signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    }
    if (answer instanceof Error) return Promise.reject(answer);
    const response: ResponseLike = {
      status: answer.status,
      ok: answer.status >= 200 && answer.status < 300,
      text: async () => (typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)),
    };
    return Promise.resolve(response);
  };
  return { fetch, requests };
}

export const TOKEN_A = 'stb4c1d0e9a7b3f2c8d6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b7e';
export const TOKEN_B = 'stb0000000000000000000000000000000000000000000000001';
export const WS_TOKEN = 'cnr3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a';

export function controlTokenBody(token: string, expireTime: number) {
  return {
    data: {
      token,
      tmpWsToken: WS_TOKEN,
      wsURL: 'wss://198.51.100.27:443/',
      role: 1,
      expireTime,
      userID: 'u',
      orgID: 'o',
      confTokenExpireTime: 1800,
      vmrCurrentConfID: '',
      supportNotifyType: ['ParticipantsNotify'],
    },
    addressToken: 'x',
    gloablPublicIP: 'https://meeting.example.net',
  };
}
