/**
 * Small statistics helpers for the benchmark suites.
 */

/** The value at quantile `q` (0–1) of `values`, nearest-rank on a sorted copy. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of `values`. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Rounds to `digits` decimals, for readable JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Latency summary in microseconds. */
export interface LatencySummary {
  readonly samples: number;
  readonly p50Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
}

/** Summarises latencies given in nanoseconds. */
export function summariseLatency(nanos: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(nanos).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return {
    samples: sorted.length,
    p50Us: round(at(0.5) / 1000, 1),
    p99Us: round(at(0.99) / 1000, 1),
    maxUs: round((sorted[sorted.length - 1] ?? Number.NaN) / 1000, 1),
  };
}
