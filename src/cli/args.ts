/**
 * Command-line arguments of `watch`, `demo` and `simulate`, parsed with `node:util` `parseArgs`.
 * Pure: no I/O; a bad argument throws a {@link CliError} with exit code 2.
 */
import { parseArgs } from 'node:util';
import { DOCUMENTED_NOTIFY_TYPES, type NotifyType } from '../protocol/notify-types.js';
import { usageError } from './exit-codes.js';

/**
 * The environment variable that holds the host password for `watch`.
 * @internal
 */
export const PASSWORD_ENV = 'HWM_HOST_PASSWORD';

/**
 * Parsed `watch` arguments.
 * @internal
 */
export interface WatchArgs {
  readonly help: boolean;
  readonly conferenceId: string;
  /** `undefined`: the library's default (the public service). */
  readonly baseUrl: string | undefined;
  /** The push types to subscribe to; all documented ones unless `--types` narrows them. */
  readonly types: readonly NotifyType[];
  readonly json: boolean;
  /** Where the host password comes from. */
  readonly passwordFrom: 'env' | 'stdin';
}

/**
 * Parsed `demo` arguments.
 * @internal
 */
export interface DemoArgs {
  readonly help: boolean;
  /** `undefined`: a new meeting each run. */
  readonly seed: number | undefined;
  readonly speed: number;
  readonly json: boolean;
  readonly web: boolean;
  /** Port of the browser dashboard (`--web` only); 0 picks a free one. */
  readonly port: number;
}

/**
 * Parsed `simulate` arguments.
 * @internal
 */
export interface SimulateArgs {
  readonly help: boolean;
  readonly port: number;
  readonly seed: number;
  readonly speed: number;
  readonly meetings: number;
}

/**
 * The demo's default speed: the simulator script's pauses (1.5–6 s between events) shortened to
 * a lively pace that a person can still follow.
 * @internal
 */
export const DEMO_SPEED = 4;

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** `parseArgs` with its errors turned into exit-code-2 errors with short messages. */
function parse<O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // Node's messages go on with advice about `--`; the first sentence names the problem.
    throw usageError(command, text.split('. ')[0] ?? text);
  }
}

/**
 * `text` as a number, or `fallback` when absent; throws exit-code-2 for a value that fails `check`.
 * @internal
 */
export function parseNumber(
  command: string,
  name: string,
  text: string | undefined,
  fallback: number,
  check: (n: number) => boolean,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw usageError(command, `--${name}: invalid value "${text}"`);
  }
  return value;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isPort = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 65_535;

const TYPE_BY_NAME = new Map<string, NotifyType>(
  DOCUMENTED_NOTIFY_TYPES.flatMap((type) => [
    [type.toLowerCase(), type],
    [type.replace(/Notify$/, '').toLowerCase(), type],
  ]),
);

/**
 * `--types` values (repeatable, comma- or space-separated; case-insensitive; `Notify` optional) as
 * documented push types in the documented order. Unknown names are refused: a typo would
 * otherwise silently watch nothing.
 * @internal
 */
export function parseTypes(values: readonly string[] | undefined): readonly NotifyType[] {
  if (values === undefined || values.length === 0) return DOCUMENTED_NOTIFY_TYPES;
  const wanted = new Set<NotifyType>();
  for (const name of values.flatMap((v) => v.split(/[\s,]+/)).filter((n) => n !== '')) {
    const type = TYPE_BY_NAME.get(name.toLowerCase());
    if (type === undefined) {
      throw usageError(
        'watch',
        `--types: unknown push type "${name}"; known: ${DOCUMENTED_NOTIFY_TYPES.join(', ')}`,
      );
    }
    wanted.add(type);
  }
  if (wanted.size === 0) throw usageError('watch', '--types: give at least one push type');
  return DOCUMENTED_NOTIFY_TYPES.filter((type) => wanted.has(type));
}

/**
 * Refuses a password on the command line before anything else looks at the arguments: argv is
 * visible to every user of the machine (`ps`), so the value must not be used, nor echoed.
 * @internal
 */
export function refusePasswordArgument(command: string, args: readonly string[]): void {
  for (const arg of args) {
    if (arg === '--') return;
    const name = arg.split('=')[0];
    if (name === '--password' || name === '--host-password') {
      throw usageError(
        command,
        `--password is not accepted: command-line arguments are visible to other users (ps). ` +
          `Set ${PASSWORD_ENV} or pipe the password to --password-stdin`,
      );
    }
  }
}

/**
 * Parses `watch` arguments.
 * @internal
 * @example
 * ```ts
 * parseWatchArgs(['--conference', '913570246', '--json']).json; // true
 * ```
 */
export function parseWatchArgs(args: readonly string[]): WatchArgs {
  refusePasswordArgument('watch', args);
  const values = parse('watch', args, {
    conference: { type: 'string' },
    'base-url': { type: 'string' },
    types: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    'password-stdin': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const help = values.help === true;
  const conferenceId = typeof values.conference === 'string' ? values.conference.trim() : '';
  if (!help && conferenceId === '') throw usageError('watch', '--conference ID is required');
  if (!help && /\s/.test(conferenceId)) throw usageError('watch', '--conference: an ID has no spaces');
  const baseUrl = typeof values['base-url'] === 'string' ? values['base-url'] : undefined;
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    throw usageError('watch', `--base-url: not an http(s) URL: "${baseUrl}"`);
  }
  const types = values.types;
  return {
    help,
    conferenceId,
    baseUrl,
    types: parseTypes(
      Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : undefined,
    ),
    json: values.json === true,
    passwordFrom: values['password-stdin'] === true ? 'stdin' : 'env',
  };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Parses `demo` arguments.
 * @internal
 */
export function parseDemoArgs(args: readonly string[]): DemoArgs {
  const values = parse('demo', args, {
    seed: { type: 'string' },
    speed: { type: 'string' },
    json: { type: 'boolean' },
    web: { type: 'boolean' },
    port: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const web = values.web === true;
  if (values.port !== undefined && !web)
    throw usageError('demo', '--port is for the browser dashboard: add --web');
  if (web && values.json === true) throw usageError('demo', '--web and --json do not go together');
  const seedText = str(values.seed);
  return {
    help: values.help === true,
    seed: seedText === undefined ? undefined : parseNumber('demo', 'seed', seedText, 1, Number.isInteger),
    speed: parseNumber('demo', 'speed', str(values.speed), DEMO_SPEED, (n) => n > 0 && n <= 1000),
    json: values.json === true,
    web,
    port: parseNumber('demo', 'port', str(values.port), 0, isPort),
  };
}

/**
 * Parses `simulate` arguments.
 * @internal
 */
export function parseSimulateArgs(args: readonly string[]): SimulateArgs {
  const values = parse('simulate', args, {
    port: { type: 'string' },
    seed: { type: 'string' },
    speed: { type: 'string' },
    meetings: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  return {
    help: values.help === true,
    port: parseNumber('simulate', 'port', str(values.port), 0, isPort),
    seed: parseNumber('simulate', 'seed', str(values.seed), 1, Number.isInteger),
    speed: parseNumber('simulate', 'speed', str(values.speed), 1, (n) => n > 0),
    meetings: parseNumber(
      'simulate',
      'meetings',
      str(values.meetings),
      1,
      (n) => Number.isInteger(n) && n >= 1 && n <= 100,
    ),
  };
}
