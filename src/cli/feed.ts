/**
 * The view's inputs from a {@link Meeting}'s state streams: the connection status, the roster, the
 * current speakers and the merged meeting state, each stamped with the time it was seen.
 */
import { EMPTY, map, merge, type Observable } from 'rxjs';
import type { Meeting } from '../meeting/meeting.js';
import type { NotifyType } from '../protocol/notify-types.js';
import type { ViewInput } from './view/view-state.js';

/**
 * The meeting's state as {@link ViewInput}s. Only the streams that `types` carries are subscribed
 * (that decides the Subscribe frame, §5.1); the view shows what they deliver. Completes when the
 * meeting's streams do (the meeting ended or was closed).
 * @internal
 */
export function viewInputs(
  meeting: Meeting,
  types: ReadonlySet<NotifyType>,
  now: () => number = Date.now,
): Observable<ViewInput> {
  const has = (type: NotifyType): boolean => types.has(type);
  return merge(
    meeting.status$.pipe(map((status): ViewInput => ({ kind: 'status', status, atMs: now() }))),
    has('ParticipantsNotify')
      ? meeting.roster$.pipe(map((roster): ViewInput => ({ kind: 'roster', roster, atMs: now() })))
      : EMPTY,
    has('SpeakerChangeNotify')
      ? meeting.activeSpeakers$.pipe(
          map((speakers): ViewInput => ({ kind: 'speakers', speakers, atMs: now() })),
        )
      : EMPTY,
    has('ConfBasicInfoNotify') || has('ConfDynamicInfoNotify')
      ? meeting.meetingState$.pipe(
          map((state): ViewInput => ({ kind: 'meeting', meeting: state, atMs: now() })),
        )
      : EMPTY,
  );
}
