/**
 * InterpreterGroupNotify (§6.12): simultaneous-interpretation groups (always the complete list).
 * @module
 */
import { lenientArray, lenientObject } from '../combinators.js';
import { notifyCodec } from '../envelope.js';
import { type LenientType, StringLike } from '../lenient.js';
import type { InterpreterGroup, InterpreterGroupNotify, InterpreterInfo } from '../messages.js';

const interpreter = lenientObject<InterpreterInfo>(
  'InterpreterInfo',
  {
    loginAccount: { codec: StringLike },
    userID: { codec: StringLike },
    callNumber: { codec: StringLike },
    name: { codec: StringLike },
    interpreterType: { codec: StringLike },
    interpreterId: { codec: StringLike },
  },
  { unknownKeys: 'keep' },
);

/** One InterpreterGroupInfo. */
const InterpreterGroupCodec: LenientType<InterpreterGroup> = lenientObject<InterpreterGroup>(
  'InterpreterGroupInfo',
  {
    // §9.19: the example says `groupID`, the table `groupId`.
    groupID: { codec: StringLike, required: true, keys: ['groupID', 'groupId'] },
    groupName: { codec: StringLike },
    firstLanguage: { codec: StringLike, required: true },
    secondLanguage: { codec: StringLike, required: true },
    groupType: { codec: StringLike },
    interpreters: { codec: lenientArray(interpreter), fallback: () => [] },
  },
  { unknownKeys: 'keep' },
);

/**
 * InterpreterGroupNotify frame codec: §6.12/§9.19 the example carries the list in top-level
 * `interpreterGroups`, the table in `data`; neither present means an empty list.
 * @internal
 */
export const InterpreterGroupNotifyCodec: LenientType<InterpreterGroupNotify> =
  notifyCodec<InterpreterGroupNotify>('InterpreterGroupNotify', {
    codec: lenientArray(InterpreterGroupCodec),
    keys: ['interpreterGroups', 'data'],
    fallback: () => [],
  });
