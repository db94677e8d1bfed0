import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PersistentMap } from '../../src/state/persistent-map.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 200);

function build(entries: [string, number][]): PersistentMap<string, number> {
  const edit = PersistentMap.empty<string, number>().edit();
  for (const [k, v] of entries) edit.set(k, v);
  return edit.commit();
}

describe('PersistentMap', () => {
  it('reads like a Map', () => {
    const m = build([
      ['a', 1],
      ['b', 2],
    ]);
    expect(m.size).toBe(2);
    expect(m.get('a')).toBe(1);
    expect(m.has('b')).toBe(true);
    expect(m.has('c')).toBe(false);
    expect([...m]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect([...m.keys()]).toEqual(['a', 'b']);
    expect([...m.values()]).toEqual([1, 2]);
    const seen: string[] = [];
    m.forEach((v, k, self) => {
      seen.push(`${k}=${v}`);
      expect(self).toBe(m);
    });
    expect(seen).toEqual(['a=1', 'b=2']);
    expect(Object.prototype.toString.call(m)).toBe('[object PersistentMap]');
  });

  it('keeps every old version intact after later edits', () => {
    const v1 = build([['a', 1]]);
    const e2 = v1.edit();
    e2.set('b', 2);
    e2.set('a', 10);
    const v2 = e2.commit();
    const e3 = v2.edit();
    e3.delete('a');
    const v3 = e3.commit();
    expect([...v3]).toEqual([['b', 2]]);
    expect(v1.get('a')).toBe(1);
    expect(v1.has('b')).toBe(false);
    expect(v1.size).toBe(1);
    expect(v2.get('a')).toBe(10);
    expect(v3.get('a')).toBeUndefined();
    expect(v2.size).toBe(2);
    expect(v3.size).toBe(1);
  });

  it('supports branching from an old version', () => {
    const v1 = build([['a', 1]]);
    const left = v1.edit();
    left.set('l', 1);
    const vl = left.commit();
    const right = v1.edit();
    right.set('r', 1);
    const vr = right.commit();
    expect(vl.has('r')).toBe(false);
    expect(vr.has('l')).toBe(false);
    expect(vl.has('l')).toBe(true);
    expect(v1.has('l') || v1.has('r')).toBe(false);
  });

  it('returns the same version when an edit changes nothing', () => {
    const v1 = build([['a', 1]]);
    const edit = v1.edit();
    edit.delete('missing');
    expect(edit.commit()).toBe(v1);
    expect(() => edit.commit()).toThrow(/already committed/);
  });

  it('an edit sees its own changes', () => {
    const edit = build([['a', 1]]).edit();
    edit.set('b', 2);
    expect(edit.get('b')).toBe(2);
    edit.delete('a');
    expect(edit.has('a')).toBe(false);
  });

  it('iteration is not disturbed by reading another version inside the loop', () => {
    const v1 = build([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    const edit = v1.edit();
    edit.delete('b');
    edit.set('d', 4);
    const v2 = edit.commit();
    const missingFromV2: string[] = [];
    for (const [key] of v1) if (!v2.has(key)) missingFromV2.push(key);
    expect(missingFromV2).toEqual(['b']);
    const newInV2: string[] = [];
    for (const key of v2.keys()) if (!v1.has(key)) newInV2.push(key);
    expect(newInV2).toEqual(['d']);
  });

  it('independent edits of one shared empty version do not share a lineage', () => {
    const empty = PersistentMap.empty<string, number>();
    const a = empty.edit();
    a.set('x', 1);
    const va = a.commit();
    const b = empty.edit();
    b.set('y', 2);
    const vb = b.commit();
    expect([...va]).toEqual([['x', 1]]);
    expect([...vb]).toEqual([['y', 2]]);
    expect(empty.size).toBe(0);
    expect([...empty]).toEqual([]);
  });

  it('edits of one empty version are independent even while both are open', () => {
    const empty = PersistentMap.empty<string, number>();
    const a = empty.edit();
    a.set('x', 1);
    const b = empty.edit();
    expect(b.has('x')).toBe(false);
    b.set('y', 2);
    expect(a.has('y')).toBe(false);
    expect([...a.commit()]).toEqual([['x', 1]]);
    expect([...b.commit()]).toEqual([['y', 2]]);
  });

  it('a committed edit refuses further changes', () => {
    const edit = build([['a', 1]]).edit();
    edit.set('b', 2);
    const v = edit.commit();
    expect(() => edit.set('c', 3)).toThrow('MapEdit already committed');
    expect(() => edit.delete('a')).toThrow('MapEdit already committed');
    expect([...v]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('matches plain Map copies for random histories, read back in random order', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('set' as const),
        key: fc.constantFrom('a', 'b', 'c', 'd'),
        value: fc.nat(9),
      }),
      fc.record({ kind: fc.constant('delete' as const), key: fc.constantFrom('a', 'b', 'c', 'd') }),
    );
    const step = fc.record({ from: fc.nat(), ops: fc.array(op, { maxLength: 4 }) });
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (steps, reads) => {
          const versions: PersistentMap<string, number>[] = [build([['a', 0]])];
          const expected: Map<string, number>[] = [new Map([['a', 0]])];
          for (const { from, ops } of steps) {
            // Edit any earlier version: exercises branching and rerooting over long distances.
            const index = from % versions.length;
            const edit = (versions[index] as PersistentMap<string, number>).edit();
            const model = new Map(expected[index]);
            for (const o of ops) {
              if (o.kind === 'set') {
                edit.set(o.key, o.value);
                model.set(o.key, o.value);
              } else {
                edit.delete(o.key);
                model.delete(o.key);
              }
            }
            versions.push(edit.commit());
            expected.push(model);
          }
          for (const r of reads) {
            const i = r % versions.length;
            const version = versions[i] as PersistentMap<string, number>;
            const want = expected[i] as Map<string, number>;
            expect(version.size).toBe(want.size);
            expect(new Map(version)).toEqual(want);
            for (const key of ['a', 'b', 'c', 'd']) expect(version.get(key)).toBe(want.get(key));
          }
        },
      ),
      { numRuns },
    );
  });
});
