import { describe, expect, it } from 'vitest';
import { PinfoView } from '../../src/state/pinfo-view.js';

describe('PinfoView', () => {
  it('reads own string keys of the source and ignores inherited ones', () => {
    const source = Object.create({ INHERITED: 'x' }) as Record<string, string>;
    source.NAME = 'Ann';
    const view = PinfoView.of(source);
    expect(view.get('NAME')).toBe('Ann');
    expect(view.get('INHERITED')).toBeUndefined();
    expect(view.get('toString')).toBeUndefined();
    expect(view.get('constructor')).toBeUndefined();
    expect(view.has('NAME')).toBe(true);
    expect([...view]).toEqual([['NAME', 'Ann']]);
  });

  it('merges layers newest first, keeping untouched keys', () => {
    const base = PinfoView.of({ NAME: 'Ann', HAND: '0' });
    const merged = PinfoView.merge(base, { HAND: '1', NEW_KEY: 'v' });
    expect(merged.get('HAND')).toBe('1');
    expect(merged.get('NAME')).toBe('Ann');
    expect(merged.size).toBe(3);
    expect(Object.fromEntries(merged)).toEqual({ NAME: 'Ann', HAND: '1', NEW_KEY: 'v' });
    // The base view is unchanged.
    expect(base.get('HAND')).toBe('0');
    expect(base.size).toBe(2);
  });

  it('stays correct across many layers (flattening past the depth limit)', () => {
    let view = PinfoView.of({ NAME: 'Ann', N: '0' });
    const views = [view];
    for (let i = 1; i <= 30; i++) {
      view = PinfoView.merge(view, { N: String(i), [`K${i}`]: 'x' });
      views.push(view);
    }
    views.forEach((v, i) => {
      expect(v.get('N')).toBe(String(i));
      expect(v.get('NAME')).toBe('Ann');
      expect(v.size).toBe(2 + i);
    });
  });

  it('treats __proto__, constructor and prototype as plain data', () => {
    const source = JSON.parse('{"__proto__":"p","constructor":"c","prototype":"q","NAME":"Ann"}');
    const view = PinfoView.merge(PinfoView.of(source), JSON.parse('{"__proto__":"p2"}'));
    expect(view.get('__proto__')).toBe('p2');
    expect(view.get('constructor')).toBe('c');
    const json = view.toJSON();
    expect(Object.getPrototypeOf(json)).toBeNull();
    expect(Object.keys(json).sort()).toEqual(['NAME', '__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(json, '__proto__')?.value).toBe('p2');
    expect(({} as Record<string, unknown>).NAME).toBeUndefined();
  });

  it('skips values that are not strings', () => {
    const view = PinfoView.of({ A: 'a', B: 1 as unknown as string });
    expect(view.get('B')).toBeUndefined();
    expect([...view.keys()]).toEqual(['A']);
  });

  it('reads like a ReadonlyMap', () => {
    const view = PinfoView.merge(PinfoView.of({ NAME: 'Ann', HAND: '0' }), { HAND: '1' });
    expect([...view.values()]).toEqual(['Ann', '1']);
    expect([...view.keys()]).toEqual(['NAME', 'HAND']);
    const seen: string[] = [];
    const context = { prefix: '>' };
    view.forEach(function (this: typeof context, value, key, map) {
      seen.push(`${this.prefix}${key}=${value}`);
      expect(map).toBe(view);
    }, context);
    expect(seen).toEqual(['>NAME=Ann', '>HAND=1']);
    expect(Object.prototype.toString.call(view)).toBe('[object PinfoView]');
  });

  it('toJSON gives an ordinary, writable copy', () => {
    const json = PinfoView.of({ NAME: 'Ann' }).toJSON();
    expect(Object.getOwnPropertyDescriptor(json, 'NAME')).toEqual({
      value: 'Ann',
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
});

describe('PinfoView.diffKeys', () => {
  const of = PinfoView.of;
  const diff = (before: PinfoView, after: PinfoView) => PinfoView.diffKeys(before, after);

  it('reports changed, added and dropped keys between two single maps', () => {
    expect(diff(of({ A: '1', B: '1' }), of({ A: '1', B: '2', C: '3' }))).toEqual(['B', 'C']);
    expect(diff(of({ X: '1' }), of({}))).toEqual(['X']);
    expect(diff(of({ X: '1', Y: '1' }), of({ X: '2' }))).toEqual(['X', 'Y']);
    expect(diff(of({ A: '1', B: '2' }), of({ B: '2', A: '1' }))).toEqual([]);
  });

  it('ignores values that are not strings on either side', () => {
    const odd = (layer: Record<string, unknown>) => of(layer as Record<string, string>);
    expect(diff(of({ A: 'a' }), odd({ A: 'a', B: 1 }))).toEqual([]);
    expect(diff(odd({ A: 'a', B: 1, C: 'c' }), of({ A: 'a' }))).toEqual(['C']);
  });

  it('compares merged views by their merged contents', () => {
    const layered = PinfoView.merge(of({ A: '1' }), { B: '2' });
    expect(diff(layered, of({ A: '1', B: '2' }))).toEqual([]);
    expect(diff(of({ A: '1', B: '2' }), layered)).toEqual([]);
    expect(diff(of({ A: '1' }), PinfoView.merge(of({ A: '1' }), { A: '2' }))).toEqual(['A']);
    expect(diff(layered, of({ A: '1' }))).toEqual(['B']);
    // Two merged views with the same newest layer still differ by what lies under it.
    const sameTop = (a: string) => PinfoView.merge(of({ A: a }), { B: '2' });
    expect(diff(sameTop('1'), sameTop('9'))).toEqual(['A']);
  });
});
