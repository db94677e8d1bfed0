/**
 * The push types documented by Huawei (PROTOCOL.md §5.1). `NetConditionNotify` was dropped from the
 * 2025 editions but is still served by older deployments (§9.3), so it stays in the list.
 * @category Protocol
 */
export const DOCUMENTED_NOTIFY_TYPES = [
  'ConfBasicInfoNotify',
  'ConfDynamicInfoNotify',
  'ParticipantsNotify',
  'AttendeesNotify',
  'SpeakerChangeNotify',
  'NetConditionNotify',
  'InviteResultNotify',
  'RealTimeSubtitleNotify',
  'WaitingListNotify',
  'InterpreterGroupNotify',
] as const;

/**
 * One documented push type, as named in a Subscribe frame and in a push's `action`.
 * @category Protocol
 */
export type NotifyType = (typeof DOCUMENTED_NOTIFY_TYPES)[number];

/**
 * Whether `action` names a documented push type.
 * @category Protocol
 */
export function isNotifyType(action: string): action is NotifyType {
  return (DOCUMENTED_NOTIFY_TYPES as readonly string[]).includes(action);
}
