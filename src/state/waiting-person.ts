/**
 * One waiting-room member, read from its merged `pinfoMap` (PROTOCOL.md §6.11).
 * @module
 */

import type { ClientType } from './pinfo-record.js';
import { PinfoRecord, toDate } from './pinfo-record.js';
import { PinfoView } from './pinfo-view.js';

/**
 * `WAITINGSTATE`: `"0"` waiting, `"1"` admitted and joining; `'unknown'` when absent or any other
 * value.
 * @category State
 */
export type WaitingState = 'waiting' | 'admitted' | 'unknown';

/**
 * One person in the waiting room. Boolean fields are `true` only for `"1"`; `raw` keeps every key.
 * @category State
 */
export interface WaitingPerson {
  readonly pid: string;
  /** `NAME`. */
  readonly name: string | undefined;
  /** `TEL` (seen only in an example). */
  readonly tel: string | undefined;
  /** `ANONYMOUS`. */
  readonly anonymous: boolean;
  /** `CLIENT_LOGIN_TYPE`. */
  readonly clientType: ClientType;
  /** `ADDTIME` (ms since the epoch): when the person entered the waiting room. */
  readonly addedAtMs: number | undefined;
  /** `ADDTIME` as a Date (a new Date on each read). */
  readonly addedAt: Date | undefined;
  /** `WAITINGSTATE`. */
  readonly waitingState: WaitingState;
  /** `ORG_ID`. */
  readonly orgId: string | undefined;
  /** `ACCOUNT_ID`: user UUID. */
  readonly accountId: string | undefined;
  /** `ACCOUNT`. */
  readonly account: string | undefined;
  /** `THIRDACCOUNT`. */
  readonly thirdAccount: string | undefined;
  /** Every key received, merged; unknown keys kept. */
  readonly raw: ReadonlyMap<string, string>;
  /** A plain copy with every field. */
  toJSON(): Record<string, unknown>;
}

/**
 * The record behind {@link WaitingPerson}.
 * @category State
 */
export class WaitingPersonRecord extends PinfoRecord implements WaitingPerson {
  /** @internal Use the folds. */
  constructor(pid: string, raw: PinfoView) {
    super(pid, raw);
  }

  get addedAtMs(): number | undefined {
    return this.addTimeMs();
  }

  get addedAt(): Date | undefined {
    return toDate(this.addTimeMs());
  }

  get waitingState(): WaitingState {
    const value = this.raw.get('WAITINGSTATE');
    return value === '0' ? 'waiting' : value === '1' ? 'admitted' : 'unknown';
  }

  toJSON(): Record<string, unknown> {
    return {
      pid: this.pid,
      name: this.name,
      tel: this.tel,
      anonymous: this.anonymous,
      clientType: this.clientType,
      addedAtMs: this.addedAtMs,
      addedAt: this.addedAt,
      waitingState: this.waitingState,
      orgId: this.orgId,
      accountId: this.accountId,
      account: this.account,
      thirdAccount: this.thirdAccount,
      raw: this.raw.toJSON(),
    };
  }
}

/**
 * A waiting person from a complete `pinfoMap` (referenced, not copied).
 * @category State
 */
export function createWaitingPerson(pid: string, pinfoMap: Readonly<Record<string, string>>): WaitingPerson {
  return new WaitingPersonRecord(pid, PinfoView.of(pinfoMap));
}
