/**
 * The esbuild plugin that makes a browser build of the library (build tooling, not part of the
 * library: used by tsup.config.ts, the example page's bundler in src/cli/web.ts and the browser
 * build test, so all three build the same thing).
 *
 * It does two things:
 * - redirects every import of `node-runtime.js` to its twin `node-runtime.browser.ts`, the one
 *   place where the library reaches Node-only code;
 * - refuses `ws` and `node:*` outright, so a Node import that creeps onto the browser path fails the
 *   build with the importer's name, instead of being silently marked external (tsup does that for
 *   every dependency) and breaking in the user's browser.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';

/** An import of the Node runtime module, from any folder (`./node-runtime.js`, `../transport/…`). */
const NODE_RUNTIME = /^\.{1,2}\/(?:.*\/)?node-runtime\.js$/;
/** What may never be imported by code that runs in a browser. */
const NODE_ONLY = /^(?:ws|node:.*)$/;

/**
 * An esbuild plugin that builds the library for browsers: `node-runtime.js` becomes
 * `node-runtime.browser.ts`, and `ws` or any `node:` module is a build error.
 * @example
 * ```ts
 * await esbuild.build({ entryPoints: ['src/index.ts'], bundle: true, platform: 'browser', plugins: [browserRedirect()] });
 * ```
 */
export function browserRedirect(): Plugin {
  return {
    name: 'huawei-meeting-rx-browser-redirect',
    setup(build) {
      build.onResolve({ filter: NODE_RUNTIME }, (args) => ({
        path: resolve(args.resolveDir, args.path.replace(/node-runtime\.js$/, 'node-runtime.browser.ts')),
      }));
      build.onResolve({ filter: NODE_ONLY }, (args) => ({
        errors: [
          {
            text: `"${args.path}" is Node-only and must not be imported on the browser path (from ${args.importer}); reach it through node-runtime.ts`,
          },
        ],
      }));
    },
  };
}
