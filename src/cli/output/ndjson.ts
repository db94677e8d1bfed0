/**
 * `--json`: one decoded push per line (NDJSON), for `jq` and other pipes.
 */
import { map, merge, type Observable } from 'rxjs';
import type { Meeting } from '../../meeting/meeting.js';
import type { NotifyType } from '../../protocol/notify-types.js';
import { type AnyPush, streamOf } from '../streams.js';

/**
 * One push as one line of JSON. Secrets serialise as `[redacted]` (the Secret class sees to it),
 * Dates as ISO strings. Never throws: the library caps a push's nesting (`MAX_KEPT_DEPTH`), and
 * should `JSON.stringify` fail all the same (a stack overflow, a value it cannot serialise), the
 * line says so instead of ending the process (issue 14).
 * @internal
 */
export function toJsonLine(push: AnyPush): string {
  try {
    return `${JSON.stringify(push)}\n`;
  } catch (error) {
    const action = typeof push.action === 'string' ? push.action : 'unknown';
    const reason = error instanceof Error ? error.name : 'error';
    return `${JSON.stringify({ action, unserialisable: reason })}\n`;
  }
}

/**
 * The meeting's pushes of `types`, in arrival order, as NDJSON lines; with `includeUnknown`,
 * pushes of undocumented types too (§6.13). Completes when the meeting's streams do.
 * @internal
 */
export function ndjsonLines(
  meeting: Meeting,
  types: readonly NotifyType[],
  includeUnknown: boolean,
): Observable<string> {
  const streams = types.map((type) => streamOf(meeting, type));
  if (includeUnknown) streams.push(meeting.unknown$);
  return merge(...streams).pipe(map(toJsonLine));
}
