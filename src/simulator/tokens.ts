/**
 * The simulator's token book-keeping: control tokens (§2, `stb` + 48 hex, 30 min) and one-shot
 * WebSocket tokens (§3, `cnr` + 48 hex, 60 s, consumed by the first upgrade that presents them).
 * Tokens come from `node:crypto`, never from the seeded script generator, so they are unguessable.
 */
import { randomBytes } from 'node:crypto';
import { tokenFromAuthorization } from '../protocol/client-frames.js';

/** A control token as the store knows it. */
export interface ControlTokenRecord {
  readonly conferenceId: string;
  readonly expiresAt: number;
}

/** Why a WebSocket token was refused. */
export type WsTokenVerdict = 'ok' | 'unknown' | 'expired' | 'used' | 'wrong-conference';

/** Store options: lifetimes in ms and the clock's `now`. */
export interface TokenStoreOptions {
  readonly now: () => number;
  readonly controlTokenTtlMs: number;
  readonly wsTokenTtlMs: number;
}

/** Issues and checks tokens for every meeting of one simulator. */
export interface TokenStore {
  issueControlToken(conferenceId: string): { token: string; expiresAt: number };
  /** The live record for a raw or `Basic <base64>` token (§2.3), or `undefined` if unknown/expired. */
  findControlToken(presented: string | undefined): ControlTokenRecord | undefined;
  issueWsToken(conferenceId: string): string;
  /** Checks and consumes a WebSocket token (any attempt consumes it, §3). */
  consumeWsToken(token: string, conferenceId: string): WsTokenVerdict;
}

/** A fresh unguessable token in the published format: `stb`/`cnr` + 48 lowercase hex (§2.2). */
export function mintToken(prefix: 'stb' | 'cnr'): string {
  return prefix + randomBytes(24).toString('hex');
}

/** Creates an empty token store. */
export function createTokenStore(options: TokenStoreOptions): TokenStore {
  const controlTokens = new Map<string, ControlTokenRecord>();
  const wsTokens = new Map<string, { conferenceId: string; expiresAt: number; used: boolean }>();

  return {
    issueControlToken(conferenceId) {
      const token = mintToken('stb');
      const expiresAt = options.now() + options.controlTokenTtlMs;
      controlTokens.set(token, { conferenceId, expiresAt });
      return { token, expiresAt };
    },
    findControlToken(presented) {
      if (presented === undefined || presented.trim() === '') return undefined;
      const record = controlTokens.get(tokenFromAuthorization(presented));
      if (record === undefined || options.now() >= record.expiresAt) return undefined;
      return record;
    },
    issueWsToken(conferenceId) {
      const token = mintToken('cnr');
      wsTokens.set(token, { conferenceId, expiresAt: options.now() + options.wsTokenTtlMs, used: false });
      return token;
    },
    consumeWsToken(token, conferenceId) {
      const record = wsTokens.get(token);
      if (record === undefined) return 'unknown';
      const wasUsed = record.used;
      record.used = true;
      if (wasUsed) return 'used';
      if (options.now() >= record.expiresAt) return 'expired';
      if (record.conferenceId !== conferenceId) return 'wrong-conference';
      return 'ok';
    },
  };
}
