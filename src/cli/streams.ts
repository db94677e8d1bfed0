/**
 * Which of a {@link Meeting}'s streams carries each push type, so `--types` can pick them.
 */
import type { Observable } from 'rxjs';
import type { Meeting } from '../meeting/meeting.js';
import type { Notify, UnknownNotify } from '../protocol/messages.js';
import type { NotifyType } from '../protocol/notify-types.js';

/**
 * Any decoded push a Meeting delivers.
 * @internal
 */
export type AnyPush = Notify | UnknownNotify;

/**
 * The stream of `meeting` that delivers pushes of `type`.
 * @internal
 */
export function streamOf(meeting: Meeting, type: NotifyType): Observable<AnyPush> {
  switch (type) {
    case 'ConfBasicInfoNotify':
      return meeting.confBasicInfo$;
    case 'ConfDynamicInfoNotify':
      return meeting.confDynamicInfo$;
    case 'ParticipantsNotify':
      return meeting.participants$;
    case 'AttendeesNotify':
      return meeting.attendees$;
    case 'SpeakerChangeNotify':
      return meeting.speakers$;
    case 'NetConditionNotify':
      return meeting.netConditions$;
    case 'InviteResultNotify':
      return meeting.inviteResults$;
    case 'RealTimeSubtitleNotify':
      return meeting.subtitles$;
    case 'WaitingListNotify':
      return meeting.waitingList$;
    case 'InterpreterGroupNotify':
      return meeting.interpreterGroups$;
  }
}
