/**
 * What one watched meeting holds, from two heap snapshots of the scale bench
 * (`BENCH_HEAP_SNAPSHOT=dir npx tsx bench/e2e/run-suite.ts scale --meetings=1000`):
 *
 *   npx tsx bench/tools/heap-diff.ts dir/scale-bare-1000.heapsnapshot dir/scale-lib-1000.heapsnapshot 1000
 *
 * Prints, per meeting, the difference in bytes and in object count by object kind (V8's node type
 * and name), then the functions with the most closures per meeting by source location. The
 * snapshots are read whole: a 1,000-meeting one takes about 1 GiB of memory to parse.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: string[];
      readonly node_types: [string[], ...unknown[]];
      readonly location_fields: string[];
      readonly edge_fields: string[];
      readonly edge_types: [string[], ...unknown[]];
    };
  };
  readonly nodes: number[];
  readonly edges: number[];
  readonly strings: string[];
  readonly locations: number[];
}

type Tally = Map<string, { count: number; bytes: number }>;

function read(path: string): Snapshot {
  return JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
}

function add(tally: Tally, key: string, bytes: number): void {
  const entry = tally.get(key) ?? { count: 0, bytes: 0 };
  entry.count += 1;
  entry.bytes += bytes;
  tally.set(key, entry);
}

/** Bytes and count by "type | name"; strings are one kind whatever their text. */
function byKind(s: Snapshot): Tally {
  const { meta } = s.snapshot;
  const width = meta.node_fields.length;
  const typeAt = meta.node_fields.indexOf('type');
  const nameAt = meta.node_fields.indexOf('name');
  const sizeAt = meta.node_fields.indexOf('self_size');
  const types = meta.node_types[0];
  const tally: Tally = new Map();
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + typeAt]!]!;
    const name = type.includes('string') ? '' : s.strings[s.nodes[i + nameAt]!]!.slice(0, 60);
    add(tally, `${type} | ${name}`, s.nodes[i + sizeAt]!);
  }
  return tally;
}

/**
 * The name of each script (the short end of its URL), from the closures' shared function infos;
 * `script <id>` for one no closure leads to.
 */
function scriptNames(s: Snapshot): (scriptId: number) => string {
  const { meta } = s.snapshot;
  const width = meta.node_fields.length;
  const edgeCountAt = meta.node_fields.indexOf('edge_count');
  const nameAt = meta.node_fields.indexOf('name');
  const edgeWidth = meta.edge_fields.length;
  const edgeNameAt = meta.edge_fields.indexOf('name_or_index');
  const edgeTypeAt = meta.edge_fields.indexOf('type');
  const edgeToAt = meta.edge_fields.indexOf('to_node');
  const edgeTypes = meta.edge_types[0];
  const firstEdge = new Map<number, number>();
  for (let i = 0, e = 0; i < s.nodes.length; i += width) {
    firstEdge.set(i, e);
    e += s.nodes[i + edgeCountAt]! * edgeWidth;
  }
  const child = (node: number, name: string): number | undefined => {
    const start = firstEdge.get(node)!;
    for (let e = start; e < start + s.nodes[node + edgeCountAt]! * edgeWidth; e += edgeWidth) {
      const type = edgeTypes[s.edges[e + edgeTypeAt]!];
      if (type !== 'element' && type !== 'hidden' && s.strings[s.edges[e + edgeNameAt]!] === name) {
        return s.edges[e + edgeToAt]!;
      }
    }
    return undefined;
  };
  // Objects with a location (a class instance) do not lead to their script; closures do.
  const known = new Map<number, string>();
  const step = meta.location_fields.length;
  const scriptAt = meta.location_fields.indexOf('script_id');
  for (let i = 0; i < s.locations.length; i += step) {
    const scriptId = s.locations[i + scriptAt]!;
    if (known.has(scriptId)) continue;
    const shared = child(s.locations[i]!, 'shared');
    const script = shared === undefined ? undefined : child(shared, 'script_or_debug_info');
    const url = script === undefined ? '' : s.strings[s.nodes[script + nameAt]!]!;
    if (url !== '') known.set(scriptId, url.split('/').slice(-2).join('/'));
  }
  return (scriptId) => known.get(scriptId) ?? `script ${scriptId}`;
}

/** Closures and objects with a source location, by "name @script:line". */
function byLocation(s: Snapshot): Tally {
  const { meta } = s.snapshot;
  const nameAt = meta.node_fields.indexOf('name');
  const sizeAt = meta.node_fields.indexOf('self_size');
  const step = meta.location_fields.length;
  const scriptAt = meta.location_fields.indexOf('script_id');
  const lineAt = meta.location_fields.indexOf('line');
  const scriptOf = scriptNames(s);
  const tally: Tally = new Map();
  for (let i = 0; i < s.locations.length; i += step) {
    const node = s.locations[i]!;
    const name = s.strings[s.nodes[node + nameAt]!] || '(anonymous)';
    const key = `${name} @ ${scriptOf(s.locations[i + scriptAt]!)}:${s.locations[i + lineAt]! + 1}`;
    add(tally, key, s.nodes[node + sizeAt]!);
  }
  return tally;
}

function printDiff(title: string, base: Tally, subject: Tally, meetings: number, rows: number): void {
  const keys = new Set([...base.keys(), ...subject.keys()]);
  const diffs = [...keys].map((key) => {
    const a = base.get(key) ?? { count: 0, bytes: 0 };
    const b = subject.get(key) ?? { count: 0, bytes: 0 };
    return { key, bytes: (b.bytes - a.bytes) / meetings, count: (b.count - a.count) / meetings };
  });
  const total = diffs.reduce((sum, d) => sum + d.bytes, 0);
  console.log(`\n${title}: ${total.toFixed(0)} bytes per meeting in all`);
  for (const d of diffs.sort((x, y) => y.bytes - x.bytes).slice(0, rows)) {
    console.log(`${d.bytes.toFixed(1).padStart(9)} B ${d.count.toFixed(2).padStart(7)}  ${d.key}`);
  }
}

const [basePath, subjectPath, meetingsArg = '1000'] = process.argv.slice(2);
if (basePath === undefined || subjectPath === undefined) {
  console.error('usage: tsx bench/tools/heap-diff.ts <base.heapsnapshot> <subject.heapsnapshot> [meetings]');
  process.exit(2);
}
const meetings = Number(meetingsArg);
const base = read(basePath);
const subject = read(subjectPath);
printDiff('by object kind', byKind(base), byKind(subject), meetings, 30);
// Script ids differ between processes, so locations are compared only within the subject.
printDiff('by source location (subject only)', new Map(), byLocation(subject), meetings, 40);
