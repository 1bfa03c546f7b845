/**
 * An exact decimal number, as Java's BigDecimal: an unscaled integer and a scale (the value is
 * unscaled × 10^-scale). Connect's Decimal logical type carries one; JavaScript's numbers would
 * round money. Only what Connect's data model needs: construction, text forms, comparison.
 */
export class BigDecimal {
  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this.scale = scale;
    if (!Number.isInteger(scale)) throw new RangeError(`a BigDecimal's scale is a whole number, not ${scale}`);
  }

  /** Parses Java's forms: `12.50`, `-0.001`, `1E+3`, `1.5e-7`. */
  static parse(text: string): BigDecimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    const fraction = m[3] ?? '';
    const digits = BigInt((m[2] || '0') + fraction);
    return new BigDecimal(m[1] === '-' ? -digits : digits, fraction.length - Number(m[4] ?? '0'));
  }

  /** The exact value of a finite JavaScript number, by its shortest decimal form (Java's BigDecimal.valueOf(double)). */
  static fromNumber(n: number): BigDecimal {
    if (!Number.isFinite(n)) throw new RangeError(`${n} has no decimal value`);
    return BigDecimal.parse(String(n));
  }

  /** This value with another scale; throws when digits would be lost (Java's setScale without rounding). */
  setScale(scale: number): BigDecimal {
    if (scale >= this.scale) return new BigDecimal(this.unscaled * 10n ** BigInt(scale - this.scale), scale);
    const divisor = 10n ** BigInt(this.scale - scale);
    if (this.unscaled % divisor !== 0n) throw new RangeError(`Rounding necessary to set the scale of ${this.toString()} to ${scale}`);
    return new BigDecimal(this.unscaled / divisor, scale);
  }

  /** The whole part, truncated toward zero (Java's toBigInteger). */
  toBigInt(): bigint {
    return this.scale <= 0 ? this.unscaled * 10n ** BigInt(-this.scale) : this.unscaled / 10n ** BigInt(this.scale);
  }

  /** Java's toPlainString: no exponent. */
  toPlainString(): string {
    const negative = this.unscaled < 0n;
    let digits = (negative ? -this.unscaled : this.unscaled).toString();
    if (this.scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-this.scale);
    digits = digits.padStart(this.scale + 1, '0');
    return (negative ? '-' : '') + digits.slice(0, -this.scale) + '.' + digits.slice(-this.scale);
  }

  /** Java's toString: plain unless the scale is negative or the value is below 10^-6, then scientific. */
  toString(): string {
    const negative = this.unscaled < 0n;
    const digits = (negative ? -this.unscaled : this.unscaled).toString();
    const adjusted = -this.scale + (digits.length - 1);
    if (this.scale >= 0 && adjusted >= -6) return this.toPlainString();
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${negative ? '-' : ''}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** Same value and same scale, as Java's BigDecimal.equals. */
  equals(other: unknown): boolean {
    return other instanceof BigDecimal && other.unscaled === this.unscaled && other.scale === this.scale;
  }

  /** -1, 0 or 1, ignoring scale (Java's compareTo). */
  compareTo(other: BigDecimal): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.setScale(scale).unscaled;
    const b = other.setScale(scale).unscaled;
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
