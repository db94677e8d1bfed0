import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

const entries: Record<string, string> = {
  index: 'src/index.ts',
  'simulator/index': 'src/simulator/index.ts',
  'cli/main': 'src/cli/main.ts',
};

export default defineConfig({
  entry: Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file))),
  format: ['esm', 'cjs'],
  target: 'node20',
  // TOOLCHAIN.md: TypeScript 6 needs this for tsup's .d.ts build.
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: true,
  clean: true,
  splitting: true,
  // io-ts / fp-ts are CommonJS; keep every runtime dependency external.
  external: ['rxjs', 'ws', 'io-ts', 'fp-ts', 'esbuild'],
});
