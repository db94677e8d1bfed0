/**
 * What participants and waiting-room members share: an id and a merged `pinfoMap`, read through
 * typed accessors (PROTOCOL.md §6.5, §6.11).
 * @module
 */
import type { PinfoView } from './pinfo-view.js';

/**
 * Device kinds of `CLIENT_LOGIN_TYPE` (§6.5): `Desktop`, `Mobile`, `Pad`, `OtherType`;
 * `'unknown'` when absent or any other value (the raw value stays in `raw`).
 * @category State
 */
export type ClientType = 'desktop' | 'mobile' | 'pad' | 'other' | 'unknown';

/** Node's hook for `console.log`/`util.inspect`, reached without importing `node:util`. */
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Base of the immutable records folded from `pinfoMap` lists. Typed fields are getters computed
 * from `raw` on each read, so building a record costs one small object whatever the number of keys
 * (a full 10,000-person snapshot stays close to the cost of a plain `Map` build). Because they are
 * getters, object spread and `Object.keys` see only `pid` and `raw`; use `toJSON()` for a plain copy.
 * @category State
 */
export abstract class PinfoRecord {
  /** Site id, stable for the person's session (§6.5). */
  readonly pid: string;
  /** Every key received for this person, merged, unknown keys kept (values are strings). */
  readonly raw: PinfoView;

  protected constructor(pid: string, raw: PinfoView) {
    this.pid = pid;
    this.raw = raw;
  }

  /** `NAME`: display name or nickname. */
  get name(): string | undefined {
    return this.raw.get('NAME');
  }

  /** `TEL`: the person's number (SIP or phone). */
  get tel(): string | undefined {
    return this.raw.get('TEL');
  }

  /** `ANONYMOUS` is `"1"`. */
  get anonymous(): boolean {
    return this.raw.get('ANONYMOUS') === '1';
  }

  /** `CLIENT_LOGIN_TYPE` (or the documented typo `CLICENT_LOGIN_TYPE`, §9.15). */
  get clientType(): ClientType {
    switch (this.raw.get('CLIENT_LOGIN_TYPE') ?? this.raw.get('CLICENT_LOGIN_TYPE')) {
      case 'Desktop':
        return 'desktop';
      case 'Mobile':
        return 'mobile';
      case 'Pad':
        return 'pad';
      case 'OtherType':
        return 'other';
      default:
        return 'unknown';
    }
  }

  /** `ORG_ID`: enterprise id. */
  get orgId(): string | undefined {
    return this.raw.get('ORG_ID');
  }

  /** `ACCOUNT_ID`: user UUID. */
  get accountId(): string | undefined {
    return this.raw.get('ACCOUNT_ID');
  }

  /** `ACCOUNT`: login account. */
  get account(): string | undefined {
    return this.raw.get('ACCOUNT');
  }

  /** `THIRDACCOUNT`: third-party account. */
  get thirdAccount(): string | undefined {
    return this.raw.get('THIRDACCOUNT');
  }

  /** `ADDTIME` as ms since the epoch; `undefined` when absent or not a number. */
  protected addTimeMs(): number | undefined {
    const text = this.raw.get('ADDTIME');
    if (text === undefined || text.trim() === '') return undefined;
    const ms = Number(text);
    return Number.isFinite(ms) ? ms : undefined;
  }

  /** A plain object with every typed field and `raw` as a prototype-free object. */
  abstract toJSON(): Record<string, unknown>;

  [inspectSymbol](): Record<string, unknown> {
    return this.toJSON();
  }
}

/** A new Date for `ms` (Dates are mutable, so each read gets its own), or `undefined`. */
export function toDate(ms: number | undefined): Date | undefined {
  return ms === undefined ? undefined : new Date(ms);
}
