/**
 * The browser build (package.json `exports["."].browser`): src/index.ts bundled by esbuild for the
 * browser platform with the same plugin tsup.config.ts uses, straight from source (no prior
 * `npm run build`). It must build, and leave no `ws` and no `node:` import behind.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build } from 'esbuild';
import type { Options } from 'tsup';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserRedirect } from '../../src/transport/browser-redirect.js';
import tsupConfig from '../../tsup.config.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The options tsup's browser build gives esbuild that matter here. */
const browserBuild = {
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  write: false,
  logLevel: 'silent',
  external: ['rxjs', 'io-ts', 'fp-ts'],
} satisfies BuildOptions;

/** Every module specifier the bundle still imports: static, re-export and dynamic. */
function importedSpecifiers(code: string): string[] {
  const found = [
    ...code.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\s*["']([^"']+)["']/g),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return [...new Set(found.map((m) => m[1]!))].sort();
}

describe('browser build of src/index.ts', () => {
  let code: string;

  beforeAll(async () => {
    const result = await build({
      ...browserBuild,
      entryPoints: [resolve(root, 'src/index.ts')],
      plugins: [browserRedirect()],
    });
    expect(result.errors).toEqual([]);
    code = result.outputFiles[0]!.text;
  });

  it('imports only the external runtime dependencies: no ws, no node: module', () => {
    const specifiers = importedSpecifiers(code);
    expect(specifiers.length).toBeGreaterThan(0); // the scan does find imports (rxjs at least)
    expect(specifiers.every((s) => /^(rxjs|io-ts|fp-ts)(\/|$)/.test(s))).toBe(true);
    expect(code).not.toMatch(/["']node:[a-z_/]+["']/);
    expect(code).not.toMatch(/["']ws["']/);
  });

  it('contains the browser twin of node-runtime.ts instead of the Node loaders', () => {
    expect(code).toContain("tls.ca is only supported on Node.js; in a browser the page's origin");
    expect(code).not.toContain('createNodeWebSocket');
    expect(code).not.toContain('createNodeHttpsFetch');
    expect(code).not.toContain('rootCertificates');
  });

  it('fails without the plugin: the Node loaders are what a browser bundler cannot resolve', async () => {
    await expect(build({ ...browserBuild, entryPoints: [resolve(root, 'src/index.ts')] })).rejects.toThrow(
      /Could not resolve "node:/,
    );
  });

  it('refuses a ws or node: import that reaches the browser path, naming the importer', async () => {
    const attempt = build({
      ...browserBuild,
      stdin: {
        contents:
          "import WebSocket from 'ws';\nimport { rootCertificates } from 'node:tls';\nexport { WebSocket, rootCertificates };",
        resolveDir: resolve(root, 'src/transport'),
        sourcefile: 'creeping-import.ts',
        loader: 'ts',
      },
      plugins: [browserRedirect()],
    });
    await expect(attempt).rejects.toThrow(/"ws" is Node-only .*creeping-import\.ts/);
    await expect(attempt).rejects.toThrow(/"node:tls" is Node-only/);
  });
});

describe('packaging of the browser build', () => {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    exports: Record<string, Record<string, { types: string; default: string }>>;
  };
  // tsup.config.ts exports a list of plain option objects (no function form).
  const configs: readonly Options[] = Array.isArray(tsupConfig) ? tsupConfig : [];

  it('lists the browser condition first under ".", typed like the ESM build; ./simulator stays Node-only', () => {
    const main = pkg.exports['.']!;
    expect(Object.keys(main)[0]).toBe('browser');
    expect(main['browser']).toEqual({ types: main['import']!.types, default: './dist/browser/index.js' });
    expect(Object.keys(pkg.exports['./simulator']!)).not.toContain('browser');
  });

  it('is what tsup builds: src/index.ts as ESM for the browser into dist/browser, with the plugin', () => {
    const browser = configs.filter((c) => c.platform === 'browser');
    expect(browser).toHaveLength(1);
    const config = browser[0]!;
    expect(config.entry).toEqual({ index: 'src/index.ts' });
    expect(config.outDir).toBe('dist/browser');
    expect(config.format).toEqual(['esm']);
    expect(config.external).toEqual(expect.arrayContaining(['rxjs', 'io-ts', 'fp-ts']));
    expect(config.external).not.toContain('ws');
    expect(config.esbuildPlugins?.map((p) => p.name)).toEqual([browserRedirect().name]);
  });
});
