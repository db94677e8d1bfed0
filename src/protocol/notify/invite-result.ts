/**
 * InviteResultNotify (§6.9): invitation results and leave reasons.
 * @module
 */
import * as t from 'io-ts';
import { notifyCodec } from '../envelope.js';
import type { InviteResultNotify } from '../messages.js';
import { StringLike } from '../scalars.js';
import { wireKeys } from '../wire-keys.js';

/** One InviteResultDTO. */
const InviteResultItemCodec = wireKeys(
  t.exact(t.type({ callNumber: StringLike, resultCode: StringLike }), 'InviteResultDTO'),
  // §9.18: the example (and the simulator) send `resultCode`, the field table `errorCode`.
  { keys: { resultCode: ['resultCode', 'errorCode'] } },
);

/** InviteResultNotify frame codec. @internal */
export const InviteResultNotifyCodec: t.Type<InviteResultNotify, unknown, unknown> =
  notifyCodec<InviteResultNotify>('InviteResultNotify', t.array(InviteResultItemCodec));
