const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * What every secret prints as, wherever it ends up.
 * @category Security
 */
export const REDACTED = '[redacted]';

/**
 * A string that must never be printed: the host password, a control token, a WebSocket token,
 * a meeting password.
 *
 * `toString`, `toJSON`, template literals, `JSON.stringify` and Node's `util.inspect` all show
 * `[redacted]`; only {@link Secret.reveal} returns the text. Wrapping secrets in this type is how
 * the library keeps them out of logs, errors and `status$` values by construction rather than by care.
 *
 * @example
 * ```ts
 * const password = new Secret(process.env.HWM_HOST_PASSWORD ?? '');
 * console.log(`${password}`);      // [redacted]
 * headers['X-Password'] = password.reveal();
 * ```
 * @category Security
 */
export class Secret {
  readonly #value: string;

  /** Wraps `value`; the text is held in a private field that enumeration and inspection cannot see. */
  constructor(value: string) {
    this.#value = value;
  }

  /** The secret text. Call it only at the point where the text leaves the process (a header, a frame). */
  reveal(): string {
    return this.#value;
  }

  /** Whether the secret is the empty string. */
  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  /** Always `[redacted]`. */
  toString(): string {
    return REDACTED;
  }

  /** Always `[redacted]`, so `JSON.stringify` cannot leak the value. */
  toJSON(): string {
    return REDACTED;
  }

  /** Node's `util.inspect` and `console.log` show `[redacted]`. */
  [inspectSymbol](): string {
    return REDACTED;
  }
}

/**
 * Wraps a string as a {@link Secret}, or passes a Secret through unchanged.
 * @category Security
 */
export function toSecret(value: string | Secret): Secret {
  return value instanceof Secret ? value : new Secret(value);
}
