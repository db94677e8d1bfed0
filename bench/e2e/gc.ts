/**
 * Forces a full garbage collection without needing `--expose-gc` on the command line (the bench runs
 * under `tsx`): the flag can be set at run time, and a fresh context then exposes `gc`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Runs a full GC twice (the second pass frees what finalizers of the first released). */
export function collectGarbage(): void {
  gc();
  gc();
}
