/**
 * Fitting plain text into terminal columns. Widths are display columns, not string lengths: a CJK
 * name takes two columns per character, a combining accent none (real meetings carry such names).
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The ellipsis that marks cut text. */
const ELLIPSIS = '…';

/**
 * How many terminal columns `text` takes (plain text, no escape codes).
 * @internal
 */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * `text` cut to at most `width` columns, ending in `…` when something was cut. Never splits a
 * grapheme (an emoji with modifiers, a letter with its accent).
 * @internal
 */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ELLIPSIS);
  let used = 0;
  let kept = '';
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    kept += segment;
    used += w;
  }
  return kept + ELLIPSIS;
}

/**
 * `text` cut or padded with spaces to exactly `width` columns.
 * @internal
 */
export function padTo(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}
