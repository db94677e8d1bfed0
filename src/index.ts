/**
 * huawei-meeting-rx: Huawei Cloud Meeting's conference-control event push as RxJS Observables.
 * @packageDocumentation
 */

export {
  basicAuthorization,
  type ConfControlSubtitleInput,
  encodeConfControlSubtitle,
  encodeHeartBeat,
  encodeSubscribe,
  makeSequence,
  type SubscribeFrameInput,
  tokenFromAuthorization,
} from './protocol/client-frames.js';
export {
  type ClientFrame,
  type ConfControlData,
  type ConfControlRequest,
  decodeClientFrame,
  type HeartBeatRequest,
  type SubscribeData,
  type SubscribeRequest,
} from './protocol/decode-client-frame.js';
export type { FrameDecodeError, FrameDecodeErrorCode } from './protocol/decode-error.js';
export { decodeServerFrame, decodeServerMessage, formatDecodeError } from './protocol/decode-server-frame.js';
export type * from './protocol/messages.js';
// Protocol: notify types, decoding, encoding
export { DOCUMENTED_NOTIFY_TYPES, isNotifyType, type NotifyType } from './protocol/notify-types.js';
export { redactSecrets, SECRET_KEYS } from './protocol/redact.js';
export {
  decodeControlTokenResponse,
  decodeRestErrorBody,
  decodeWebSocketTokenResponse,
  type RestBodyError,
} from './protocol/rest.js';
// Security
export { REDACTED, Secret, toSecret } from './security/secret.js';
