/**
 * A `fetch` whose implementation is imported on its first call (Node-only clients stay out of
 * start-up and out of browser bundles).
 */
import type { FetchLike } from './fetch-like.js';

/**
 * A {@link FetchLike} that calls `load` once, at its first request, and hands every request to
 * what it resolved to.
 * @internal
 */
export function fetchLoadedOnFirstCall(load: () => Promise<FetchLike>): FetchLike {
  let loaded: Promise<FetchLike> | undefined;
  return async (url, init) => {
    loaded ??= load();
    return (await loaded)(url, init);
  };
}
