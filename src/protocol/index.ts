/**
 * `huawei-meeting-rx/protocol`: the wire format (PROTOCOL.md §2–§6) as codecs: decoding server
 * frames and REST answers into the typed messages, encoding the client's frames, and the notify
 * types the service documents.
 * @packageDocumentation
 */

// §8 (simulator): the close code that means the conference is over.
export { CLOSE_CODE_CONFERENCE_ENDED } from '../errors.js';
// Client frames (§5)
export {
  basicAuthorization,
  type ConfControlSubtitleInput,
  encodeConfControlSubtitle,
  encodeHeartBeat,
  encodeSubscribe,
  type SubscribeFrameInput,
} from './client-frames.js';
// Server frames (§6)
export { decodeServerFrame, formatDecodeError } from './decode-server-frame.js';
export { DOCUMENTED_NOTIFY_TYPES, isNotifyType, type NotifyType } from './notify-types.js';
// Secrets in text (security)
export { redactSecrets, SECRET_KEYS } from './redact.js';
// REST answers (§2, §3)
export {
  decodeControlTokenResponse,
  decodeRestErrorBody,
  decodeWebSocketTokenResponse,
  type RestBodyError,
} from './rest.js';
