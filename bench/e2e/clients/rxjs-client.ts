/**
 * Baseline (b): what a user writes with RxJS and io-ts and no library — `webSocket()` from
 * `rxjs/webSocket` on top of `ws`, one `t.type` codec per message written from the §6 examples,
 * `filter` by action, `decode`, drop failures, `share()`.
 */
import { isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { filter, interval, map, type Observable, share } from 'rxjs';
import { webSocket } from 'rxjs/webSocket';
import WebSocket from 'ws';
import { BENCH_NOTIFY_TYPES, fetchSocketAccess, sequence, subscribeFrame } from './rest.js';
import type { ClientFactory } from './types.js';

const Envelope = t.type({
  action: t.string,
  version: t.number,
  createTime: t.number,
  msgID: t.string,
  msgMode: t.number,
  confID: t.string,
});

const Participant = t.intersection([
  t.type({ pid: t.string, mode: t.number }),
  t.partial({ pinfoMap: t.record(t.string, t.string) }),
]);
const ParticipantsNotify = t.intersection([Envelope, t.type({ data: t.array(Participant) })]);

const Speaker = t.intersection([
  t.type({ pid: t.string }),
  t.partial({ speakingVolume: t.number, name: t.string }),
]);
const SpeakerChangeNotify = t.intersection([Envelope, t.partial({ data: t.array(Speaker) })]);

const PicInfo = t.partial({ index: t.number, id: t.array(t.string), share: t.number });
const ConfDynamicInfoNotify = t.intersection([
  Envelope,
  t.partial({
    state: t.string,
    endTime: t.string,
    mode: t.string,
    vas: t.number,
    lock: t.number,
    mute: t.number,
    lockSharing: t.number,
    canUnmute: t.number,
    chairView: t.number,
    picNum: t.union([t.number, t.string]),
    partViewNum: t.number,
    maxPartViewNum: t.number,
    recState: t.number,
    multiPic: t.partial({ picInfos: t.array(PicInfo), picNum: t.number, period: t.number }),
    confIMGroupId: t.string,
    forbiddenChat: t.number,
    recOccurred: t.number,
    realTimeSubtitle: t.number,
  }),
]);

type Frame = { action?: string };

function decoded<C extends t.Mixed>(
  frames$: Observable<Frame>,
  action: string,
  codec: C,
): Observable<t.TypeOf<C>> {
  return frames$.pipe(
    filter((f) => f.action === action),
    map((f) => codec.decode(f)),
    filter(isRight),
    map((r) => r.right),
  );
}

/** Heartbeat period of the baselines (§7 recommends 60 s). */
const HEARTBEAT_MS = 60_000;

/** Connects the RxJS + io-ts baseline. */
export const connectRxjsClient: ClientFactory = async ({ baseUrl, confID }, consumers) => {
  const { controlToken, socketUrl } = await fetchSocketAccess(baseUrl, confID);
  let opened!: () => void;
  const open = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const socket$ = webSocket<unknown>({
    url: socketUrl,
    // rxjs types the constructor as the DOM one; ws is close enough for webSocket() to drive it.
    WebSocketCtor: WebSocket as unknown as typeof globalThis.WebSocket,
    openObserver: { next: () => opened() },
  });
  const frames$ = (socket$ as Observable<Frame>).pipe(share());
  const subscriptions = [
    decoded(frames$, 'ParticipantsNotify', ParticipantsNotify).subscribe(consumers.participants),
    decoded(frames$, 'SpeakerChangeNotify', SpeakerChangeNotify).subscribe(consumers.speakers),
    decoded(frames$, 'ConfDynamicInfoNotify', ConfDynamicInfoNotify).subscribe(consumers.dynamicInfo),
    interval(HEARTBEAT_MS).subscribe(() => socket$.next({ action: 'HeartBeat', sequence: sequence() })),
  ];
  socket$.next(subscribeFrame(confID, controlToken, BENCH_NOTIFY_TYPES));
  await open;
  return {
    async close() {
      for (const s of subscriptions) s.unsubscribe();
      socket$.complete();
    },
  };
};
