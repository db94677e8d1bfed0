/**
 * The browser path must not load `ws` or any Node module (issue 3, "Browsers"; the browser-build
 * issue): follow the static imports from the library's entry, and check that all Node-only code
 * is reached through the one module a browser build replaces, `node-runtime.ts`, whose twin
 * imports no Node code at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browserRuntime from '../../src/transport/node-runtime.browser.js';
import * as nodeRuntime from '../../src/transport/node-runtime.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = (file: string) => resolve(root, 'src', file);

/** Static `import … from '…'` / `export … from '…'` specifiers of a file (not `import(…)`). */
function staticImports(file: string, options: { typesToo: boolean } = { typesToo: true }): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(import|export)\s(type\s)?[^;]*?from\s+'([^']+)'/gms)]
    .filter((m) => options.typesToo || m[2] === undefined)
    .map((m) => m[3]!);
}

/** Specifiers of `import('…')` in a file. */
function dynamicImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
}

function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const isNodeOnly = (spec: string) => spec === 'ws' || spec.startsWith('node:');

describe('browser path', () => {
  it('connectMeeting statically imports neither ws nor any node: module', () => {
    const { files, packages } = staticGraph(src('meeting/connect-meeting.ts'));
    expect(files.size).toBeGreaterThan(10);
    expect([...packages].filter(isNodeOnly)).toEqual([]);
    expect([...files].some((f) => f.endsWith('node-websocket.ts'))).toBe(false);
  });

  it('nor does anything src/index.ts exports, and node-runtime.ts is on that path', () => {
    const { files, packages } = staticGraph(src('index.ts'));
    expect([...packages].filter(isNodeOnly)).toEqual([]);
    expect(files.has(src('transport/node-runtime.ts'))).toBe(true);
    expect([...files].filter((f) => /node-(websocket|https-fetch)\.ts$/.test(f))).toEqual([]);
  });

  it('reaches Node-only code through dynamic imports in node-runtime.ts and nowhere else', () => {
    const { files } = staticGraph(src('index.ts'));
    const dynamic = [...files].flatMap((file) =>
      dynamicImports(file).map((spec) => `${relative(src('.'), file)} -> ${spec}`),
    );
    expect(dynamic.sort()).toEqual([
      'transport/node-runtime.ts -> ./node-https-fetch.js',
      'transport/node-runtime.ts -> ./node-websocket.js',
    ]);
    // …and those two are where ws and node:* actually live.
    expect(staticImports(src('transport/node-websocket.ts'))).toContain('ws');
    expect(staticImports(src('transport/node-https-fetch.ts'))).toContain('node:https');
  });

  it('no library file outside node-runtime.ts imports the Node transports, statically or not', () => {
    const offenders = sourceFiles(src('.'))
      .filter((file) => !/transport\/node-(runtime|websocket|https-fetch)\.ts$/.test(file))
      .filter((file) =>
        [...staticImports(file, { typesToo: false }), ...dynamicImports(file)].some((spec) =>
          /node-(websocket|https-fetch)\.js$/.test(spec),
        ),
      );
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('the browser twin imports types only, and exports the same names as node-runtime.ts', () => {
    const twin = src('transport/node-runtime.browser.ts');
    expect(staticImports(twin).length).toBeGreaterThan(0);
    expect(staticImports(twin, { typesToo: false })).toEqual([]);
    expect(dynamicImports(twin)).toEqual([]);
    expect(Object.keys(browserRuntime).sort()).toEqual(Object.keys(nodeRuntime).sort());
    // The signatures match too (checked by tsc): either module can stand in for the other.
    const asNode: typeof nodeRuntime = browserRuntime;
    const asBrowser: typeof browserRuntime = nodeRuntime;
    expect(typeof asNode.loadNodeWebSocket).toBe(typeof asBrowser.loadNodeWebSocket);
  });
});

describe('node-runtime.ts on Node', () => {
  it('honours tls and loads the ws socket and the node:https fetch on demand', async () => {
    expect(nodeRuntime.tlsUnsupportedReason).toBeUndefined();
    expect(typeof (await nodeRuntime.loadNodeWebSocket(1024))).toBe('function');
    expect(typeof (await nodeRuntime.loadNodeHttpsFetch({ ca: [] }))).toBe('function');
  });
});
