// The records every capture client sends, so that a stored batch's fixture can list exactly what
// went in. Small and repetitive on purpose: small fixtures, and every codec actually shrinks them
// (a client may send a batch uncompressed when compression does not pay).
export interface SentRecord {
  key: string | null;
  value: string | null;
  /** In order; a name may repeat. */
  headers: Array<[string, string]>;
}

const filler = 'sluice golden bytes '.repeat(4).trim();

export const RECORDS: SentRecord[] = [
  { key: 'key-0', value: `value-0 ${filler}`, headers: [['trace', 't-0']] },
  { key: 'key-1', value: `value-1 ${filler}`, headers: [['trace', 't-1'], ['origin', 'capture']] },
  { key: null, value: `value-2 ${filler}`, headers: [] },
  { key: 'key-3', value: null, headers: [['tombstone', 'yes']] },
];

/** kcat reads records from lines (key:value) and applies the same -H headers to all of them;
 * a line without the delimiter has a null key. It cannot send a null value here. */
export const KCAT_HEADERS: Array<[string, string]> = [['trace', 'kcat'], ['origin', 'capture']];
export const KCAT_RECORDS: SentRecord[] = [
  { key: 'key-0', value: `value-0 ${filler}`, headers: KCAT_HEADERS },
  { key: 'key-1', value: `value-1 ${filler}`, headers: KCAT_HEADERS },
  { key: null, value: `value-2 ${filler}`, headers: KCAT_HEADERS },
];

/** The records as the Java and Python programs read them: one a line, tab-separated key, value,
 * then header name=value pairs; `\N` is null. */
export function toTsv(records: SentRecord[]): string {
  const f = (s: string | null) => (s === null ? '\\N' : s);
  return records.map((r) => [f(r.key), f(r.value), ...r.headers.map(([k, v]) => `${k}=${v}`)].join('\t')).join('\n') + '\n';
}
