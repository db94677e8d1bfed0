/**
 * The delay before a retry: exponential, capped, optionally with "full jitter".
 */

/**
 * How retry delays grow. Every field has a default in {@link retryWithBackoff}.
 * @category Transport
 */
export interface BackoffPolicy {
  /** Delay before the first retry, ms. */
  readonly initialDelayMs: number;
  /** Upper bound of any delay, ms. */
  readonly maxDelayMs: number;
  /** Growth per attempt. */
  readonly factor: number;
  /**
   * `'full'`: a uniformly random delay between 0 and the exponential value, so that many clients
   * dropped at once by one server do not all come back in the same instant; `'none'`: exact.
   */
  readonly jitter: 'full' | 'none';
}

/**
 * The delay before retry number `attempt` (1-based): `min(maxDelayMs, initialDelayMs × factor^(attempt−1))`,
 * scaled by `random()` (a number in [0, 1)) when `jitter` is `'full'`. Pure when `random` is.
 * @example
 * ```ts
 * backoffDelay(3, { initialDelayMs: 1000, maxDelayMs: 30000, factor: 2, jitter: 'none' }); // 4000
 * ```
 * @category Transport
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponential = policy.initialDelayMs * policy.factor ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  if (policy.jitter === 'none') return Math.round(capped);
  return Math.floor(random() * capped);
}
