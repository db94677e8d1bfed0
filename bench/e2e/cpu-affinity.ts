/**
 * Pins a child process (all its threads) to one CPU with util-linux `taskset`, for the latency
 * suite: its server and both clients on one CPU get the same treatment from the scheduler, and the
 * kernel's own threads run elsewhere (see bench/suites/latency.ts and docs/benchmarks.md, Latency).
 */
import { execFileSync } from 'node:child_process';

/**
 * Pins every thread of process `pid` to CPU `cpu` (threads it starts later inherit the mask).
 * @returns false when it could not (no `taskset`, no such CPU): the caller runs unpinned.
 */
export function pinToCpu(pid: number, cpu: number): boolean {
  try {
    execFileSync('taskset', ['--all-tasks', '--pid', '--cpu-list', String(cpu), String(pid)], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}
