/** A version range from Kafka's message definitions: "3", "3-7", "3+" or "none". */
export interface Versions {
  readonly lo: number;
  /** Infinity for open ranges ("3+"). */
  readonly hi: number;
}

export const NO_VERSIONS: Versions = { lo: 1, hi: 0 };

export function parseVersions(text: string | undefined, fallback: Versions | null = null): Versions | null {
  if (text === undefined) return fallback;
  const t = text.trim();
  if (t === 'none') return NO_VERSIONS;
  let m = /^(\d+)\+$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: Infinity };
  m = /^(\d+)-(\d+)$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: Number(m[2]) };
  m = /^(\d+)$/.exec(t);
  if (m) return { lo: Number(m[1]), hi: Number(m[1]) };
  throw new Error(`cannot parse version range ${JSON.stringify(text)}`);
}

export function isEmpty(v: Versions | null): boolean {
  return v === null || v.lo > v.hi;
}

export function intersect(a: Versions, b: Versions): Versions {
  return { lo: Math.max(a.lo, b.lo), hi: Math.min(a.hi, b.hi) };
}

export function contains(v: Versions | null, version: number): boolean {
  return v !== null && version >= v.lo && version <= v.hi;
}

export function formatVersions(v: Versions | null): string {
  if (isEmpty(v)) return 'none';
  if (v!.hi === Infinity) return `${v!.lo}+`;
  return v!.lo === v!.hi ? `${v!.lo}` : `${v!.lo}-${v!.hi}`;
}

/**
 * A JavaScript condition that is true for `version` within `v`, simplified against `scope` (the
 * versions the surrounding code can ever see): returns 'true' or 'false' when the answer does not
 * depend on the version.
 */
export function condition(v: Versions | null, scope: Versions, variable = 'version'): string {
  if (isEmpty(v)) return 'false';
  const r = intersect(v!, scope);
  if (r.lo > r.hi) return 'false';
  const needLo = r.lo > scope.lo;
  const needHi = r.hi < scope.hi;
  if (!needLo && !needHi) return 'true';
  if (needLo && needHi) return r.lo === r.hi ? `${variable} === ${r.lo}` : `(${variable} >= ${r.lo} && ${variable} <= ${r.hi})`;
  return needLo ? `${variable} >= ${r.lo}` : `${variable} <= ${r.hi}`;
}
