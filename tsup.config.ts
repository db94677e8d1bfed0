import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { browserRedirect } from './src/transport/browser-redirect.js';

const entries: Record<string, string> = {
  index: 'src/index.ts',
  'operators/index': 'src/operators/index.ts',
  'protocol/index': 'src/protocol/index.ts',
  'simulator/index': 'src/simulator/index.ts',
  'cli/main': 'src/cli/main.ts',
};

/** Runtime dependencies that users' bundlers resolve (io-ts / fp-ts are CommonJS). */
const BROWSER_EXTERNAL = ['rxjs', 'io-ts', 'fp-ts'];

export default defineConfig([
  // Node: ESM + CJS of every entry, with the `.d.ts` / `.d.cts` files every build shares.
  {
    entry: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
    format: ['esm', 'cjs'],
    target: 'node20',
    // TOOLCHAIN.md: TypeScript 6 needs this for tsup's .d.ts build.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    // dist/browser belongs to the build below, which runs at the same time and cleans it itself.
    clean: ['!browser/**'],
    splitting: true,
    // io-ts / fp-ts are CommonJS; keep every runtime dependency external.
    external: ['rxjs', 'ws', 'io-ts', 'fp-ts', 'esbuild'],
  },
  // Browser (package.json `exports["."].browser`): the main entry only, ESM, with node-runtime.ts
  // replaced by its browser twin, so no `ws` or `node:` import is left for a bundler to trip on.
  // Types: the `import` build's index.d.ts (the API is the same).
  {
    entry: { index: 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    platform: 'browser',
    target: 'es2022',
    dts: false,
    sourcemap: true,
    clean: true,
    splitting: false,
    external: BROWSER_EXTERNAL,
    // tsup marks every dependency external on its own, `ws` included; let the plugin see `ws`, so
    // that reaching it from the browser path fails the build instead of leaving an import behind.
    noExternal: ['ws'],
    esbuildPlugins: [browserRedirect()],
  },
]);
