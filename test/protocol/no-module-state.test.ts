/**
 * No module-level mutable state in src/protocol (issue 13): decoding one frame can never change how
 * the next decodes. Every top-level binding is a `const`, and every top-level array or object
 * literal and `new …` is typed read-only (or `as const`). A collection returned by a factory call is
 * not seen by this check; the "sequences of frames" property in fast-paths.test.ts covers behaviour.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../src/protocol');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * Initialisers that build something writable: literals of arrays and objects, `new …`. A literal
 * `as const` is an `as` expression, read-only by type, so it is not one of them.
 */
function buildsCollection(init: ts.Expression): boolean {
  return ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init) || ts.isNewExpression(init);
}

/** The top-level bindings of `file` that hold or could hold mutable state. */
function mutableBindings(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      const name = d.name.getText();
      if (!isConst) found.push(`${name} (let/var)`);
      else if (d.initializer !== undefined && buildsCollection(d.initializer)) {
        const type = d.type?.getText() ?? '';
        if (!/readonly|Readonly/.test(type)) found.push(`${name} (writable ${type || 'untyped'} collection)`);
      }
    }
  }
  return found;
}

describe('src/protocol has no module-level mutable state', () => {
  it.each(sources(ROOT).map((f) => [relative(ROOT, f), f]))('%s', (_, file) => {
    expect(mutableBindings(file)).toEqual([]);
  });

  it('the check finds the shapes it looks for (a sanity check of the check)', () => {
    const dir = join(import.meta.dirname, 'fixtures');
    const probe = join(dir, 'module-state-probe.ts.txt');
    expect(mutableBindings(probe)).toEqual([
      'counter (let/var)',
      'pending (writable unknown[] collection)',
      'memo (writable untyped collection)',
    ]);
  });
});
