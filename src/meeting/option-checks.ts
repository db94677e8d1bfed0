/**
 * The checks of {@link connectMeeting}'s numeric options, in one place (issue 14): a number the
 * library turns into a timer or a loop bound must be finite and in range, or a careless option
 * (`Number(process.env.X)` of a missing variable is `NaN`) becomes a busy loop.
 */

/** The rule for one numeric option: its allowed range, both ends inclusive. */
export interface NumberRule {
  readonly min: number;
  /** @defaultValue Infinity, but never an infinite value unless `allowInfinity` */
  readonly max?: number;
  /** Whether `Infinity` itself is allowed (`reconnect.maxAttempts`). */
  readonly allowInfinity?: boolean;
  /** Whether the value must be a whole number. */
  readonly integer?: boolean;
}

/**
 * Returns `value` (or `fallback` when it is `undefined`) if it is a number within `rule`; throws a
 * `TypeError` naming `name` otherwise. The message quotes the value, which is never a secret.
 */
export function checkedNumber(name: string, value: unknown, fallback: number, rule: NumberRule): number {
  if (value === undefined) return fallback;
  const max = rule.max ?? Number.POSITIVE_INFINITY;
  const ok =
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    (Number.isFinite(value) || (rule.allowInfinity === true && value === Number.POSITIVE_INFINITY)) &&
    value >= rule.min &&
    value <= max &&
    (rule.integer !== true || !Number.isFinite(value) || Number.isInteger(value));
  if (ok) return value;
  const kind = rule.integer === true ? 'a whole number' : 'a finite number';
  const upper = max === Number.POSITIVE_INFINITY ? '' : ` and at most ${max}`;
  const infinity = rule.allowInfinity === true ? ' (or Infinity)' : '';
  const range = `${kind} of at least ${rule.min}${upper}${infinity}`;
  throw new TypeError(`connectMeeting: ${name} must be ${range}, got ${describe(value)}`);
}

/** `value` for an error message: numbers as written, other types by their type only. */
function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : typeof value;
}

/** Throws a `TypeError` naming `name` unless `value` is `undefined` or one of `allowed`. */
export function checkedChoice<T extends string>(
  name: string,
  value: unknown,
  fallback: T,
  allowed: readonly T[],
): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new TypeError(`connectMeeting: ${name} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
}
