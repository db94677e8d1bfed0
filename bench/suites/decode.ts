/**
 * decodeServerFrame against JSON.parse alone, on the same representative mix (issue 2: parse+decode
 * must keep at least half the throughput of parsing alone; issue 5: the library must cost almost
 * nothing over hand-written code, so the goal is 0.88 for the mix and 0.8 for each kind). Also
 * reports each frame kind, and the full liberal io-ts path on its own, to show what the fast path
 * saves.
 */

import { fileURLToPath } from 'node:url';
import { isLeft } from 'fp-ts/lib/Either.js';
import { bundledModule } from '../e2e/library-build.js';
import { mixCycle, representativeMix, separateKinds } from '../fixtures.js';
import {
  type BenchSuite,
  comparePair,
  formatRate,
  type MeasureOptions,
  measure,
  type SuiteResult,
} from '../harness.js';

/**
 * The decoder bundled as published (`bench/e2e/decoder-entry.ts`; `--source` runs the .ts files
 * through `tsx` instead, whose CommonJS transform turns every imported binding into a getter call).
 */
const DECODER_ENTRY = fileURLToPath(new URL('../e2e/decoder-entry.ts', import.meta.url));
type Decoder = typeof import('../e2e/decoder-entry.js');

/** Frames/s of JSON.parse, decodeServerFrame and the io-ts path alone, over `frames` in turn. */
function compare(decoder: Decoder, frames: readonly string[], options: MeasureOptions) {
  const { decodeServerFrame, decodeServerMessage } = decoder;
  const n = frames.length;
  let i = 0;
  const next = (): string => frames[i++ % n] ?? '';
  const pair = comparePair(
    () => JSON.parse(next()),
    () => decodeServerFrame(next()),
    options,
  );
  const ioTsOnly = measure(() => decodeServerMessage(JSON.parse(next())), { ...options, rounds: 3 });
  return {
    jsonParsePerSec: Math.round(pair.a.perSec),
    decodePerSec: Math.round(pair.b.perSec),
    ratio: Number(pair.ratio.toFixed(3)),
    ioTsOnlyPerSec: Math.round(ioTsOnly.perSec),
  };
}

async function run(options: MeasureOptions): Promise<SuiteResult> {
  const decoder = (await import(await bundledModule(DECODER_ENTRY))) as Decoder;
  const { decodeServerFrame } = decoder;
  const parts = representativeMix();
  const cycle = mixCycle(parts);
  const separate = separateKinds();
  // A benchmark of failures would be meaningless: every frame must decode.
  for (const text of [...cycle, ...separate.flatMap((p) => p.frames)]) {
    const r = decodeServerFrame(text);
    if (isLeft(r)) throw new Error(`bench frame does not decode: ${r.left.message}`);
  }
  const mix = compare(decoder, cycle, options);
  const kinds: Record<string, ReturnType<typeof compare> & { bytes: number }> = {};
  for (const part of [...parts, ...separate]) {
    const bytes = Math.round(part.frames.reduce((sum, f) => sum + f.length, 0) / part.frames.length);
    kinds[part.kind] = {
      bytes,
      ...compare(decoder, part.frames, { ...options, rounds: Math.max(3, (options.rounds ?? 7) - 2) }),
    };
  }
  const lines = [
    `decode: mix of ${cycle.length} frames per cycle (${parts.map((p) => `${p.weight}× ${p.kind}`).join(', ')})`,
    `  JSON.parse alone      ${formatRate(mix.jsonParsePerSec).padStart(12)} frames/s`,
    `  decodeServerFrame     ${formatRate(mix.decodePerSec).padStart(12)} frames/s   ratio ${mix.ratio} (≥ 0.5 required; goal ≥ 0.88, each kind ≥ 0.8)`,
    `  parse + io-ts only    ${formatRate(mix.ioTsOnlyPerSec).padStart(12)} frames/s   (no fast path)`,
    ...Object.entries(kinds).map(
      ([kind, k]) =>
        `  ${(separate.some((p) => p.kind === kind) ? `${kind}*` : kind).padEnd(22)}${String(k.bytes).padStart(6)} B: parse ${formatRate(k.jsonParsePerSec)}/s, decode ${formatRate(k.decodePerSec)}/s, ratio ${k.ratio}, io-ts only ${formatRate(k.ioTsOnlyPerSec)}/s`,
    ),
    `  (* measured on its own, not part of the mix)`,
  ];
  return { json: { ...mix, framesPerCycle: cycle.length, kinds }, lines };
}

/** The decode suite. */
export const decodeSuite: BenchSuite = { name: 'decode', run };
