/**
 * One online participant, read from its merged `pinfoMap` (PROTOCOL.md §6.5, §10.1).
 * @module
 */

import type { ClientType } from './pinfo-record.js';
import { PinfoRecord, toDate } from './pinfo-record.js';
import { PinfoView } from './pinfo-view.js';

/**
 * `ROLE`: `"1"` host, `"0"` ordinary participant, `"2"` webinar audience (§6.5, §9.16).
 * `'unknown'` when absent or any other value: an unexpected role is never silently treated as an
 * ordinary participant; the raw value stays in `raw.get('ROLE')`.
 * @category State
 */
export type ParticipantRole = 'host' | 'participant' | 'audience' | 'unknown';

/**
 * `STATE`: `"0"` in the meeting, `"1"` being called, `"2"` joining (documented only for the REST
 * resync call, §10.1); `'unknown'` when absent or any other value.
 * @category State
 */
export type ParticipantState = 'in-meeting' | 'calling' | 'joining' | 'unknown';

/**
 * `VIEW_TYPE`: `"0"` or absent: nothing selected; `"1"` watching the multi-picture; `"2"` watching a
 * selected site; `'unknown'` for any other value.
 * @category State
 */
export type ViewType = 'none' | 'multi-picture' | 'selected-site' | 'unknown';

/**
 * One participant (a site: one account on two devices is two participants). Every documented
 * `pinfoMap` key has a typed field; boolean fields are `true` only when the key's value is `"1"`
 * (absent counts as `false`). `raw` keeps every key received, merged, including unknown ones.
 * Immutable: a change yields a new object.
 * @category State
 * @example
 * ```ts
 * for (const p of roster.values()) if (p.role === 'host' && p.muted) console.log(`${p.name} is muted`);
 * ```
 */
export interface Participant {
  readonly pid: string;
  /** `NAME`. */
  readonly name: string | undefined;
  /** `TEL`. */
  readonly tel: string | undefined;
  /** `ROLE`. */
  readonly role: ParticipantRole;
  /** `STATE`. */
  readonly state: ParticipantState;
  /** `HAND`. */
  readonly handRaised: boolean;
  /** `MUTE`: microphone muted. */
  readonly muted: boolean;
  /** `VIDEO`: a video site (`false`: audio only). */
  readonly video: boolean;
  /** `SHARE`: sharing data or screen. */
  readonly sharing: boolean;
  /** `BROADCAST`: being broadcast. */
  readonly broadcast: boolean;
  /** `ROLLCALL`: has been given the floor. */
  readonly rollCall: boolean;
  /** `ADDTIME` (ms since the epoch). */
  readonly joinedAtMs: number | undefined;
  /** `ADDTIME` as a Date (a new Date on each read). */
  readonly joinedAt: Date | undefined;
  /** `CLIENT_LOGIN_TYPE`. */
  readonly clientType: ClientType;
  /** `IS_COHOST`. */
  readonly isCoHost: boolean;
  /** `ANONYMOUS`. */
  readonly anonymous: boolean;
  /** `LOCALREC`: recording locally. */
  readonly localRecording: boolean;
  /** `VIEW_TYPE`. */
  readonly viewType: ViewType;
  /** `M`: the site's M number (MCU numbering). */
  readonly m: string | undefined;
  /** `T`: the site's T number. */
  readonly t: string | undefined;
  /** `ACCOUNT_ID`: user UUID. */
  readonly accountId: string | undefined;
  /** `ACCOUNT`: login account. */
  readonly account: string | undefined;
  /** `THIRDACCOUNT`. */
  readonly thirdAccount: string | undefined;
  /** `ORG_ID`. */
  readonly orgId: string | undefined;
  /** `CAMERASTATE` is `"1"` (seen only in an example; presumably camera on). */
  readonly camera: boolean;
  /** `LOCKED_VIEW` is `"1"` (seen only in an example). */
  readonly lockedView: boolean;
  /** `RTC_USER_ID` (seen only in an example). */
  readonly rtcUserId: string | undefined;
  /** `USER_AGENT` (read by a third-party client). */
  readonly userAgent: string | undefined;
  /** Every key received, merged; unknown keys kept. */
  readonly raw: ReadonlyMap<string, string>;
  /** A plain copy with every field. */
  toJSON(): Record<string, unknown>;
}

/**
 * The record behind {@link Participant}: typed fields are computed from `raw` when read.
 * @category State
 */
export class ParticipantRecord extends PinfoRecord implements Participant {
  /** @internal Use {@link createParticipant} or the folds. */
  constructor(pid: string, raw: PinfoView) {
    super(pid, raw);
  }

  get role(): ParticipantRole {
    switch (this.raw.get('ROLE')) {
      case '0':
        return 'participant';
      case '1':
        return 'host';
      case '2':
        return 'audience';
      default:
        return 'unknown';
    }
  }

  get state(): ParticipantState {
    switch (this.raw.get('STATE')) {
      case '0':
        return 'in-meeting';
      case '1':
        return 'calling';
      case '2':
        return 'joining';
      default:
        return 'unknown';
    }
  }

  get handRaised(): boolean {
    return this.raw.get('HAND') === '1';
  }

  get muted(): boolean {
    return this.raw.get('MUTE') === '1';
  }

  get video(): boolean {
    return this.raw.get('VIDEO') === '1';
  }

  get sharing(): boolean {
    return this.raw.get('SHARE') === '1';
  }

  get broadcast(): boolean {
    return this.raw.get('BROADCAST') === '1';
  }

  get rollCall(): boolean {
    return this.raw.get('ROLLCALL') === '1';
  }

  get joinedAtMs(): number | undefined {
    return this.addTimeMs();
  }

  get joinedAt(): Date | undefined {
    return toDate(this.addTimeMs());
  }

  get isCoHost(): boolean {
    return this.raw.get('IS_COHOST') === '1';
  }

  get localRecording(): boolean {
    return this.raw.get('LOCALREC') === '1';
  }

  get viewType(): ViewType {
    switch (this.raw.get('VIEW_TYPE')) {
      case undefined:
      case '0':
        return 'none';
      case '1':
        return 'multi-picture';
      case '2':
        return 'selected-site';
      default:
        return 'unknown';
    }
  }

  get m(): string | undefined {
    return this.raw.get('M');
  }

  get t(): string | undefined {
    return this.raw.get('T');
  }

  get camera(): boolean {
    return this.raw.get('CAMERASTATE') === '1';
  }

  get lockedView(): boolean {
    return this.raw.get('LOCKED_VIEW') === '1';
  }

  get rtcUserId(): string | undefined {
    return this.raw.get('RTC_USER_ID');
  }

  get userAgent(): string | undefined {
    return this.raw.get('USER_AGENT');
  }

  toJSON(): Record<string, unknown> {
    return {
      pid: this.pid,
      name: this.name,
      tel: this.tel,
      role: this.role,
      state: this.state,
      handRaised: this.handRaised,
      muted: this.muted,
      video: this.video,
      sharing: this.sharing,
      broadcast: this.broadcast,
      rollCall: this.rollCall,
      joinedAtMs: this.joinedAtMs,
      joinedAt: this.joinedAt,
      clientType: this.clientType,
      isCoHost: this.isCoHost,
      anonymous: this.anonymous,
      localRecording: this.localRecording,
      viewType: this.viewType,
      m: this.m,
      t: this.t,
      accountId: this.accountId,
      account: this.account,
      thirdAccount: this.thirdAccount,
      orgId: this.orgId,
      camera: this.camera,
      lockedView: this.lockedView,
      rtcUserId: this.rtcUserId,
      userAgent: this.userAgent,
      raw: this.raw.toJSON(),
    };
  }
}

/**
 * A participant from a complete `pinfoMap` (e.g. one built from the REST resync call, §10.1).
 * The map is referenced, not copied: do not mutate it afterwards.
 * @category State
 * @example
 * ```ts
 * const p = createParticipant('k7m2…', { NAME: 'Kenji Sato', ROLE: '1', STATE: '0' });
 * p.role; // 'host'
 * ```
 */
export function createParticipant(pid: string, pinfoMap: Readonly<Record<string, string>>): Participant {
  return new ParticipantRecord(pid, PinfoView.of(pinfoMap));
}
