/**
 * Validators: a check that returns a complaint (or undefined when the value is fine) and says in
 * words which values it accepts, for the documentation tables (Kafka's `Validator.toString`).
 */

export interface Validator {
  (value: unknown): string | undefined;
  /** The accepted values in words, e.g. `[1,...]`; shown in the documentation. */
  readonly valid?: string;
}

/** Gives a check the words that describe what it accepts. */
export function validator(valid: string, check: (value: unknown) => string | undefined): Validator {
  return Object.assign((value: unknown) => check(value), { valid });
}

export const atLeast = (min: number): Validator => validator(`[${min},...]`, (v) => (typeof v === 'number' && v < min ? `must be at least ${min}` : undefined));

export const between = (min: number, max: number): Validator =>
  validator(`[${min},...,${max}]`, (v) => (typeof v === 'number' && (v < min || v > max) ? `must be between ${min} and ${max}` : undefined));

export const oneOf = (...values: string[]): Validator => validator(`[${values.join(', ')}]`, (v) => (values.includes(String(v)) ? undefined : `must be one of ${values.join(', ')}`));

export const listOf = (...values: string[]): Validator =>
  validator(`[${values.join(', ')}]`, (v) => {
    const bad = (v as string[]).filter((x) => !values.includes(x));
    return bad.length > 0 ? `${bad.join(', ')} not allowed; use ${values.join(', ')}` : undefined;
  });
