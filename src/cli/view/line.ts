/**
 * Lines of coloured pieces cut to a width: the building block of the live view's text.
 */
import { displayWidth, truncate } from './text.js';

/**
 * Colour functions; {@link PLAIN_STYLE} leaves text alone. `picocolors` fits this shape.
 * @internal
 */
export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

const same = (text: string): string => text;

/**
 * No colours.
 * @internal
 */
export const PLAIN_STYLE: Style = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };

/**
 * A piece of a line and its colour.
 * @internal
 */
export interface Segment {
  readonly text: string;
  readonly paint?: (text: string) => string;
}

/**
 * Joins segments into one line of at most `width` columns; what does not fit is cut with `…`.
 * Colours are applied after cutting, so they never change the layout.
 * @internal
 */
export function line(segments: readonly Segment[], width: number): string {
  let out = '';
  let room = width;
  for (const { text, paint } of segments) {
    if (room <= 0) break;
    const cut = truncate(text, room);
    if (cut !== '') out += paint === undefined ? cut : paint(cut);
    room -= displayWidth(cut);
    if (cut !== text) break;
  }
  return out;
}
