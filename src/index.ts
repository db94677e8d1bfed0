/**
 * huawei-meeting-rx: Huawei Cloud Meeting's conference-control event push as RxJS Observables.
 * @packageDocumentation
 */

export type { FrameDecodeError, FrameDecodeErrorCode } from './protocol/decode-error.js';
export type * from './protocol/messages.js';
// Protocol
export { DOCUMENTED_NOTIFY_TYPES, isNotifyType, type NotifyType } from './protocol/notify-types.js';
// Security
export { REDACTED, Secret, toSecret } from './security/secret.js';
