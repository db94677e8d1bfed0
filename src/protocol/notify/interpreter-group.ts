/**
 * InterpreterGroupNotify (§6.12): simultaneous-interpretation groups (always the complete list).
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import { withFallback } from '../extra-codecs.js';
import type { InterpreterGroupNotify } from '../messages.js';
import { StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** One InterpreterInfo; unknown keys are kept (no `t.exact`). */
const InterpreterCodec = wireKeys(
  t.partial(
    {
      loginAccount: StringLike,
      userID: StringLike,
      callNumber: StringLike,
      name: StringLike,
      interpreterType: StringLike,
      interpreterId: StringLike,
    },
    'InterpreterInfo',
  ),
);

/** One InterpreterGroupInfo; unknown keys are kept. Members in the table's field order. */
const InterpreterGroupCodec = wireKeys(
  t.intersection(
    [
      t.type({ groupID: StringLike }),
      t.partial({ groupName: StringLike }),
      t.type({ firstLanguage: StringLike, secondLanguage: StringLike }),
      t.partial({ groupType: StringLike }),
      t.type({ interpreters: withFallback(t.array(InterpreterCodec), () => []) }),
    ],
    'InterpreterGroupInfo',
  ),
  // §9.19: the example says `groupID`, the table `groupId`.
  { keys: { groupID: ['groupID', 'groupId'] } },
);

/**
 * InterpreterGroupNotify frame codec: §6.12/§9.19 the example carries the list in top-level
 * `interpreterGroups`, the table in `data`; neither present means an empty list.
 * @internal
 */
export const InterpreterGroupNotifyCodec: t.Type<InterpreterGroupNotify, unknown, unknown> =
  notifyCodec<InterpreterGroupNotify>(
    'InterpreterGroupNotify',
    withFallback(t.array(InterpreterGroupCodec), () => []),
    { keys: { data: ['interpreterGroups', 'data'] } },
  );
