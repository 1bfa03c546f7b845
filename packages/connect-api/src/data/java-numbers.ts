/**
 * Numbers as Java's Double.toString and Float.toString write them (`1.0`, `1.0E10`, `4.7294E-4`):
 * Connect writes numbers this way in JSON, header text and StringConverter output. The digits are
 * the shortest that read back as the same value, as Java 19 and later choose them.
 */

/** Java's Double.toString: shortest digits; plain between 10^-3 and 10^7, else `d.dddE±n`. */
export function javaDouble(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  return javaFormat(d.toExponential());
}

/** Java's Float.toString of a float32 value: the shortest digits that read back as the same float. */
export function javaFloat(f: number): string {
  if (!Number.isFinite(f) || f === 0) return javaDouble(f);
  for (let p = 1; p <= 9; p++) {
    const text = f.toExponential(p - 1);
    if (Math.fround(Number(text)) === f) return javaFormat(text);
  }
  return javaFormat(f.toExponential());
}

function javaFormat(exponential: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exponential)!;
  const [, sign, first, rest = '', expText] = m;
  const exp = Number(expText);
  const digits = (first + rest).replace(/0+$/, '') || '0';
  if (exp >= -3 && exp < 7) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    const fraction = digits.slice(exp + 1) || '0';
    return `${sign}${whole}.${fraction}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exp}`;
}
