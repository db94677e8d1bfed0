/**
 * The library as users run it: bundled by esbuild the way `tsup` builds `dist/` (ESM, node20, runtime
 * dependencies external, no `keepNames`), rather than transpiled file by file by `tsx`.
 *
 * Why it matters: `tsx` compiles with esbuild's `keepNames`, which wraps every named function in a
 * `__name(fn, "name")` call that redefines the function's `name` property. V8 then gives each such
 * closure a dictionary of properties (about 250 bytes) and spends a `defineProperty` on every closure
 * created at run time. Measured from source under `tsx`, the library would pay a cost its published
 * build does not. The baselines are unaffected: their hot code lives in `ws`, `rxjs` and `io-ts`,
 * which `tsx` does not transform. `--source` (see bench/run.ts) measures the `tsx` path instead.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
/** Inside node_modules, so the bundle's bare imports (rxjs, ws, io-ts, fp-ts) resolve as usual. */
const OUT_DIR = join(root, 'node_modules', '.cache', 'huawei-meeting-rx-bench');
const ENTRY = join(here, 'clients', 'library-client.ts');

/** Set by bench/run.ts for `--source`; inherited by the child processes through the environment. */
export const SOURCE_ENV = 'BENCH_LIBRARY_FROM_SOURCE';

const built = new Map<string, Promise<string>>();

/**
 * Bundles the module `entry` (a path) once per process and returns the URL to import; with
 * `BENCH_LIBRARY_FROM_SOURCE=1`, the source module itself (run through `tsx`).
 */
export function bundledModule(entry: string): Promise<string> {
  if (process.env[SOURCE_ENV] === '1') return Promise.resolve(pathToFileURL(entry).href);
  let url = built.get(entry);
  if (url === undefined) {
    url = (async () => {
      const { build } = await import('esbuild');
      mkdirSync(OUT_DIR, { recursive: true });
      // One file per process and entry: a scale child and the parent may build at the same time.
      const outfile = join(OUT_DIR, `${basename(entry, '.ts')}-${process.pid}.mjs`);
      await build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        // As tsup.config.ts: every runtime dependency stays external.
        packages: 'external',
        logLevel: 'error',
      });
      // The resolver checks the file on every import, so it stays until this process exits.
      process.once('exit', () => rmSync(outfile, { force: true }));
      return pathToFileURL(outfile).href;
    })();
    built.set(entry, url);
  }
  return url;
}

/** The library client (`clients/library-client.ts`), bundled as published. */
export function libraryClientModule(): Promise<string> {
  return bundledModule(ENTRY);
}
