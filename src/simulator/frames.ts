/**
 * Builders for every frame the simulator sends, as plain objects in exactly the wire shape of §6
 * ("simulator: be conservative"). Callers `JSON.stringify` the result.
 */

/** The envelope of one push (§6.0). */
export interface PushMeta {
  readonly action: string;
  readonly confID: string;
  readonly msgMode: 0 | 1;
  readonly version: number;
  readonly createTime: number;
  readonly msgID: string;
}

/**
 * The envelope of a full message (msgMode 0): `version` and `createTime` are both `nowMs` (§6.0).
 */
export function fullPushMeta(action: string, confID: string, nowMs: number, msgID: string): PushMeta {
  return { action, confID, msgMode: 0, version: nowMs, createTime: nowMs, msgID };
}

/** A wire frame: a JSON object. */
export type WireFrame = Record<string, unknown>;

/**
 * One push: payload keys first, then the envelope, in the key order of the published examples.
 * For ConfBasicInfoNotify / ConfDynamicInfoNotify `body` holds the top-level fields (§6.3, §6.4);
 * for the list types it is `{ data }`; for InterpreterGroupNotify `{ interpreterGroups }` (§6.12).
 */
export function buildPush(meta: PushMeta, body: WireFrame): WireFrame {
  return {
    ...body,
    confID: meta.confID,
    msgID: meta.msgID,
    msgMode: meta.msgMode,
    version: meta.version,
    createTime: meta.createTime,
    action: meta.action,
  };
}

/**
 * A RealTimeSubtitleNotify push: `version` and `createTime` are decimal **strings** here (§6.10,
 * §6.0), and the example puts the envelope first. Keys are clean (no trailing spaces, §9.22).
 */
export function buildSubtitlePush(meta: Omit<PushMeta, 'action'>, data: WireFrame): WireFrame {
  return {
    action: 'RealTimeSubtitleNotify',
    version: String(meta.version),
    createTime: String(meta.createTime),
    msgID: meta.msgID,
    msgMode: meta.msgMode,
    confID: meta.confID,
    data,
  };
}

/** The SpeakerChangeNotify body: no `data` at all when nobody speaks (§6.7). */
export function speakerBody(speakers: readonly WireFrame[]): WireFrame {
  return speakers.length === 0 ? {} : { data: speakers };
}

/** The subscribe reply (§6.1). The key `"returnDesc "` really has a trailing space in every edition. */
export function buildSubscribeReply(sequence: unknown, returnCode: number, returnDesc: string): WireFrame {
  return { action: 'Subscribe', sequence, data: { returnCode, 'returnDesc ': returnDesc } };
}

/** The heartbeat echo: same two fields, same `sequence` (§6.2). */
export function buildHeartBeatReply(sequence: unknown): WireFrame {
  return { action: 'HeartBeat', sequence };
}

/** The simulator's reply to a ConfControl frame (§5.3, §5.4); here `returnDesc` has no trailing space. */
export function buildConfControlReply(sequence: unknown, type: string): WireFrame {
  return { action: 'ConfControl', sequence, type, data: { returnCode: 0, returnDesc: 'SUCCESS' } };
}

/** Failure causes of Subscribe and their codes (§6.1 table). */
export const SUBSCRIBE_FAILURES = {
  requestError: { code: 111070001, desc: 'REQUEST_ERROR' },
  authFailed: { code: 111070004, desc: 'AUTH_FAILED' },
  insufficientPermissions: { code: 111070002, desc: 'INSUFFICIENT_PERMISSIONS' },
} as const;
