/**
 * Turns io-ts failures into a {@link FrameDecodeError}: a code, the path of the first failure
 * (`data[2].pid`) and a message that names types, never values — so no password or token can end
 * up in an error, whatever field sits next to it (Appendix B).
 * @module
 */
import type * as t from 'io-ts';
import type { FrameDecodeError } from './decode-error.js';
import { redactSecrets } from './redact.js';

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/**
 * The path of an io-ts context: array indexes as `[i]`, identifiers as `.name`, anything else (a
 * key with a stray space) as `["name "]`. The root entry is skipped. The key pre-pass
 * (`wire-keys.ts`) has already removed the entries of intersection members and put back wire keys,
 * so every entry is a step into the frame: an index when its parent's value is an array.
 */
function contextPath(context: t.Context): string {
  let path = '';
  for (let i = 1; i < context.length; i++) {
    const entry = context[i];
    if (entry === undefined) continue;
    if (Array.isArray(context[i - 1]?.actual)) path += `[${entry.key}]`;
    else if (IDENTIFIER.test(entry.key)) path += path === '' ? entry.key : `.${entry.key}`;
    else path += `[${JSON.stringify(entry.key)}]`;
  }
  return path;
}

/** The JSON kind of a value, for messages: never the value itself. @internal */
export function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return value.length === 0 ? 'an empty string' : 'a string';
    case 'number':
      return Number.isFinite(value) ? 'a number' : 'a non-finite number';
    default:
      return `a ${typeof value}`;
  }
}

/**
 * The path and a readable, value-free message for the first of `errors`, prefixed with `label`.
 * @internal
 */
export function describeFailure(label: string, errors: t.Errors): { path: string; message: string } {
  const first = errors[0];
  if (first === undefined) return { path: '', message: `${label}: invalid` };
  const path = contextPath(first.context);
  const expected = first.context[first.context.length - 1]?.type.name ?? 'a valid value';
  const where = path === '' ? 'value' : path;
  // The key pre-pass turns `null` into absent, so a missing field always fails on `undefined`.
  const what =
    first.value === undefined
      ? `required field ${where} is missing`
      : first.message !== undefined
        ? `${where}: ${first.message}`
        : `${where}: expected ${expected}, got ${kindOf(first.value)}`;
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  // Keys are wire text too; redact in case a key itself looks like `token=…`.
  return { path, message: redactSecrets(`${label}: ${what}${more}`) };
}

/**
 * A `FRAME_INVALID` error for a known `action` whose fields do not fit, from io-ts errors.
 * @internal
 */
export function invalidFrame(action: string, errors: t.Errors): FrameDecodeError {
  return { code: 'FRAME_INVALID', action, ...describeFailure(action, errors) };
}
