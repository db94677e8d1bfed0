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
export {
  createSecretRedactor,
  isSecretKey,
  MAX_REMEMBERED_SECRETS,
  MIN_KNOWN_SECRET_LENGTH,
  redactSecrets,
  SECRET_KEYS,
  type SecretRedactor,
} from './redact.js';
// REST answers (§2, §3)
export {
  decodeControlTokenResponse,
  decodeRestErrorBody,
  decodeWebSocketTokenResponse,
  type RestBodyError,
} from './rest.js';
// What a push keeps beyond its documented fields (issue 14)
export { CUT_MARKER, MAX_KEPT_DEPTH, type Sanitized, sanitizeKept } from './sanitize-kept.js';
