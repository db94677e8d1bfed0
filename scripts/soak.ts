/**
 * `npm run soak`: the chaos soak (70 s of faults, ≈2.5 hours of meeting) and the fuzz properties at 100,000 runs each
 * (issue 6), and the hostile-server secrets scan (issue 14). `--quick`: ≈15 s of chaos and 10,000 fuzz runs. `--seed N` picks another seeded run.
 * Exits non-zero when a property fails; prints a summary either way.
 */
import fc from 'fast-check';
import { formatReport, runSoak, type SoakReport } from '../test/reliability/chaos-soak.js';
import { fuzzProperties, numRunsFromEnv } from '../test/reliability/fuzz-properties.js';
import { runHostileSecretScan } from '../test/reliability/hostile-secret-scan.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const seedArg = args.indexOf('--seed');
const seed = seedArg >= 0 ? Number(args[seedArg + 1]) : 20260101;

/** The properties of issue 6 §1 that the report must show; each failure is one line. */
function failures(report: SoakReport): string[] {
  const out: string[] = [];
  if (report.mismatches > 0) out.push(`${report.mismatches} roster mismatches`);
  if ((report.rosterStreamMismatches ?? 0) > 0)
    out.push(`${report.rosterStreamMismatches} roster$ mismatches`);
  if (report.notLiveAgain > 0) out.push(`${report.notLiveAgain} times not live again`);
  if (report.unhandled.length > 0) out.push(`unhandled: ${report.unhandled.slice(0, 3).join(' | ')}`);
  if (report.streamsNotCompleted.length > 0) out.push(`streams not completed: ${report.streamsNotCompleted}`);
  if (report.socketsAfterClose > 0) out.push(`${report.socketsAfterClose} sockets open after close`);
  const afterClose = Object.values(report.handles.afterClose).reduce((a, b) => a + b, 0);
  if (afterClose > 0) out.push(`${afterClose} handles open after close`);
  if (report.secrets.found > 0) out.push(`${report.secrets.found} secrets found`);
  // Growth: the last quarter may not hold much more than the first (GC noise allowed).
  if (report.heap.lastQuarterMb > report.heap.firstQuarterMb * 1.5 + 5) out.push('heap grew');
  if (report.handles.lastQuarterMax > report.handles.firstQuarterMax + 8) out.push('handles grew');
  return out;
}

async function main(): Promise<number> {
  const started = Date.now();
  console.log(`chaos soak, seed ${seed}${quick ? ' (quick)' : ''}`);
  const report = await runSoak({
    durationMs: quick ? 12_000 : 70_000,
    seed,
    speed: 120,
    settleMs: 3000,
    pauseMs: [100, 600],
    log: (line) => console.log(line),
  });
  console.log(`\n${formatReport(report)}`);
  const problems = failures(report);

  // Issue 14: a server that echoes the password and every token into every text field it has.
  const hostile = await runHostileSecretScan(`soak-${seed}-Host!pw`);
  console.log(
    `\nhostile echo server: ${hostile.watched} secret forms watched, codes ${hostile.codes.join(', ')}; ${hostile.found.length} found`,
  );
  if (hostile.found.length > 0)
    problems.push(`hostile echo: secrets in ${hostile.found.slice(0, 3).join(' | ')}`);

  const numRuns = numRunsFromEnv(quick ? 10_000 : 100_000);
  console.log(`\nfuzz: ${numRuns} runs per property`);
  for (const { name, property } of fuzzProperties()) {
    const t0 = Date.now();
    const result = await fc.check(property, { numRuns, seed });
    const line = `  ${result.failed ? 'FAIL' : 'ok  '} ${name} (${result.numRuns} runs, ${((Date.now() - t0) / 1000).toFixed(1)} s)`;
    console.log(line);
    if (result.failed) problems.push(`fuzz: ${name}: ${fc.defaultReportMessage(result) ?? ''}`);
  }

  console.log(
    `\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s; ${problems.length === 0 ? 'all properties held' : `FAILED: ${problems.join('; ')}`}`,
  );
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
