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
});
