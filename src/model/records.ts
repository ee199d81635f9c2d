// Records keyed by ids the user chose. An id may be any lowercase word, `constructor` included,
// so such records have no prototype: reading an id that is absent gives undefined, never a
// property that every object inherits, and `id in record` means the record holds it.
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

export function recordOf<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const record = emptyRecord<V>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}
