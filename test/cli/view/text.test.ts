import { describe, expect, it } from 'vitest';
import { displayWidth, padTo, truncate } from '../../../src/cli/view/text.js';

describe('displayWidth', () => {
  it('counts terminal columns: two per CJK character, none for a combining accent', () => {
    expect(displayWidth('Lena')).toBe(4);
    expect(displayWidth('李小龙')).toBe(6);
    expect(displayWidth('Zoe\u0308')).toBe(3);
  });
});

describe('truncate', () => {
  it('keeps text that fits and cuts the rest to the width, ending in …', () => {
    expect(truncate('Kenji Sato', 10)).toBe('Kenji Sato');
    expect(truncate('Kenji Sato', 6)).toBe('Kenji…');
    expect(truncate('Kenji Sato', 0)).toBe('');
  });

  it('never splits a wide character or a grapheme', () => {
    // 李小龙 is 6 columns; in 4 columns only 李 (2) and … (1) fit.
    expect(truncate('李小龙', 4)).toBe('李…');
    expect(truncate('Zoe\u0308 Nair', 4)).toBe('Zoe\u0308…');
    expect(truncate('👩🏽‍💻 Priya', 3)).toBe('👩🏽‍💻…');
  });
});

describe('padTo', () => {
  it('pads or cuts to exactly the width, left or right aligned', () => {
    expect(padTo('ab', 5)).toBe('ab   ');
    expect(padTo('ab', 5, 'right')).toBe('   ab');
    expect(padTo('李小龙', 4)).toBe('李… ');
    expect(padTo('李小龙', 5)).toBe('李小…');
    expect(displayWidth(padTo('李小龙', 5))).toBe(5);
  });
});
