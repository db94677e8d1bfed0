/**
 * Random mutations of valid frames for property tests: drop, replace or insert a value (`__proto__`
 * and the §9 alternate keys among the inserted ones), pad a key, or turn a number into a string and
 * back.
 */
import fc from 'fast-check';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every (container, key) pair inside a JSON value. */
export function slots(value: Json, out: Array<[Json[] | { [key: string]: Json }, string | number]> = []) {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([value, i]);
      slots(v, out);
    });
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push([value, k]);
      slots(v, out);
    }
  return out;
}

export type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'insert'; at: number; key: string; value: Json }
  | { kind: 'pad'; at: number }
  | { kind: 'stringify'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('__proto__', 'pid ', 'errorCode', 'orgId', 'groupId', 'data'),
    ),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant('pad' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('stringify' as const), at: fc.nat() }),
);

export function mutate(frame: Json, m: Mutation): Json {
  const all = slots(frame);
  if (all.length === 0) return frame;
  const [container, key] = all[m.at % all.length] as [Record<string | number, Json>, string | number];
  const current = container[key] as Json;
  const isArray = Array.isArray(container);
  switch (m.kind) {
    case 'drop':
      if (isArray) (container as unknown as Json[]).splice(key as number, 1);
      else delete container[key];
      break;
    case 'replace':
      container[key] = m.value;
      break;
    case 'insert':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
        Object.defineProperty(current, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else container[key] = m.value;
      break;
    case 'pad':
      if (!isArray) {
        delete container[key];
        container[`${String(key)} `] = current;
      }
      break;
    case 'stringify':
      if (typeof current === 'number' || typeof current === 'boolean') container[key] = String(current);
      else if (typeof current === 'string' && current !== '' && Number.isFinite(Number(current)))
        container[key] = Number(current);
      break;
  }
  return frame;
}

/** Frames made from `texts` by one to four mutations each. */
export function mutatedFrames(texts: readonly string[]): fc.Arbitrary<Json> {
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([text, ms]) => ms.reduce<Json>((f, m) => mutate(f, m), JSON.parse(text) as Json));
}
