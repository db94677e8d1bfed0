/**
 * Baseline (a), the floor: `ws`, `JSON.parse` and a switch on `action` calling three callbacks —
 * the twenty lines a user would write instead of using a library.
 */
import WebSocket from 'ws';
import { BENCH_NOTIFY_TYPES, fetchSocketAccess, sequence, subscribeFrame } from './rest.js';
import type { ClientFactory } from './types.js';

/** Heartbeat period of the baselines (§7 recommends 60 s). */
const HEARTBEAT_MS = 60_000;

/** Connects the raw baseline. */
export const connectRawClient: ClientFactory = async ({ baseUrl, confID }, consumers) => {
  const { controlToken, socketUrl } = await fetchSocketAccess(baseUrl, confID);
  const ws = new WebSocket(socketUrl);
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    switch (message.action) {
      case 'ParticipantsNotify':
        consumers.participants(message);
        break;
      case 'SpeakerChangeNotify':
        consumers.speakers(message);
        break;
      case 'ConfDynamicInfoNotify':
        consumers.dynamicInfo(message);
        break;
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify(subscribeFrame(confID, controlToken, BENCH_NOTIFY_TYPES)));
  const heartbeat = setInterval(
    () => ws.send(JSON.stringify({ action: 'HeartBeat', sequence: sequence() })),
    HEARTBEAT_MS,
  );
  return {
    async close() {
      clearInterval(heartbeat);
      if (ws.readyState === WebSocket.CLOSED) return;
      const closed = new Promise((r) => ws.once('close', r));
      ws.close();
      // A close handshake the server never finishes must not stall the benchmark.
      const timer = setTimeout(() => ws.terminate(), 1000);
      await closed;
      clearTimeout(timer);
    },
  };
};
