/**
 * The browser path must not load `ws` (issue 3, "Browsers"): follow the static imports from
 * connectMeeting and check that `ws` is reached only through the dynamic import of node-websocket.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Static `import … from '…'` / `export … from '…'` specifiers of a file (not `import(…)`). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
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

describe('browser path', () => {
  it('connectMeeting statically imports neither ws nor any node: module', () => {
    const { files, packages } = staticGraph(resolve(root, 'src/meeting/connect-meeting.ts'));
    expect(files.size).toBeGreaterThan(10);
    expect([...packages].filter((p) => p === 'ws' || p.startsWith('node:'))).toEqual([]);
    expect([...files].some((f) => f.endsWith('node-websocket.ts'))).toBe(false);
  });

  it('reaches ws only through a dynamic import in default-websocket.ts', () => {
    const text = readFileSync(resolve(root, 'src/transport/default-websocket.ts'), 'utf8');
    expect(text).toContain("await import('./node-websocket.js')");
    expect(staticImports(resolve(root, 'src/transport/node-websocket.ts'))).toContain('ws');
  });
});
