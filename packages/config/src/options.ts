/**
 * Settings given as JavaScript values, as the client's and streams' options are: each option is
 * defined once (its camelCase name as the table's key, type, default, Kafka's dotted name,
 * importance, doc, check), and the table gives the TypeScript option types, the validation with
 * defaults filled in, and the documentation rows, so the three cannot drift apart.
 */
import type { Importance } from './definition.ts';

export interface OptionSpec<T, R extends boolean = false> {
  /** The type in TypeScript's words, for the documentation. */
  readonly type: string;
  readonly default: T | undefined;
  readonly required: R;
  /** Kafka's name for the setting (`linger.ms`), or '' where Kafka has none. */
  readonly kafka: string;
  readonly importance: Importance;
  readonly doc: string;
  /** The accepted values in words (`[1,...]`), for the documentation; '' when the type says it all. */
  readonly valid: string;
  /** The default in words where it is computed or not a plain value (`<application.id>-<random>`). */
  readonly defaultText?: string;
  /** Returns a complaint about a value, or undefined when it is fine. */
  readonly check: (value: unknown) => string | undefined;
}

type AnySpec = OptionSpec<any, boolean>;
export type OptionTable = Readonly<Record<string, AnySpec>>;

type ValueOf<S> = S extends OptionSpec<infer T, boolean> ? T : never;
type RequiredKeys<S extends OptionTable> = { [K in keyof S]: S[K] extends OptionSpec<any, true> ? K : never }[keyof S];
type OptionalKeys<S extends OptionTable> = Exclude<keyof S, RequiredKeys<S>>;

/** What a user passes: required options required, the rest optional. */
export type OptionsOf<S extends OptionTable> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & { [K in OptionalKeys<S>]?: ValueOf<S[K]> };

/** What a component works with: every option present (undefined only where the default is). */
export type ResolvedOf<S extends OptionTable> = { readonly [K in keyof S]: ValueOf<S[K]> };

export interface IntLimits {
  min?: number;
  max?: number;
}

function intCheck(limits: IntLimits) {
  return (v: unknown): string | undefined => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return 'must be an integer';
    if (limits.min !== undefined && v < limits.min) return `must be at least ${limits.min}`;
    if (limits.max !== undefined && v > limits.max) return `must be at most ${limits.max}`;
    return undefined;
  };
}

function intRange(limits: IntLimits): string {
  if (limits.min === undefined && limits.max === undefined) return '';
  return `[${limits.min ?? '...'},...${limits.max === undefined ? '' : `,${limits.max}`}]`;
}

const MEDIUM: Importance = 'medium';

export const opt = {
  int(def: number, kafka: string, doc: string, limits: IntLimits = { min: 0 }): OptionSpec<number> {
    return { type: 'number', default: def, required: false, kafka, importance: MEDIUM, doc, valid: intRange(limits), check: intCheck(limits) };
  },
  optionalInt(kafka: string, doc: string, limits: IntLimits = {}): OptionSpec<number | undefined> {
    const check = intCheck(limits);
    return { type: 'number', default: undefined, required: false, kafka, importance: MEDIUM, doc, valid: intRange(limits), check: (v) => (v === undefined ? undefined : check(v)) };
  },
  bool(def: boolean, kafka: string, doc: string): OptionSpec<boolean> {
    return { type: 'boolean', default: def, required: false, kafka, importance: MEDIUM, doc, valid: '', check: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false') };
  },
  string(def: string, kafka: string, doc: string): OptionSpec<string> {
    return { type: 'string', default: def, required: false, kafka, importance: MEDIUM, doc, valid: '', check: (v) => (typeof v === 'string' ? undefined : 'must be a string') };
  },
  optionalString(kafka: string, doc: string): OptionSpec<string | undefined> {
    return {
      type: 'string',
      default: undefined,
      required: false,
      kafka,
      importance: MEDIUM,
      doc,
      valid: 'non-empty',
      check: (v) => (v === undefined || (typeof v === 'string' && v.length > 0) ? undefined : 'must be a non-empty string'),
    };
  },
  oneOf<const V extends string | number>(values: readonly V[], def: V, kafka: string, doc: string): OptionSpec<V> {
    return {
      type: values.map((v) => JSON.stringify(v)).join(' \\| '),
      default: def,
      required: false,
      kafka,
      importance: MEDIUM,
      doc,
      valid: '',
      check: (v) => (values.includes(v as V) ? undefined : `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`),
    };
  },
  /** An option of any type, checked by `check`. */
  custom<T>(type: string, def: T, kafka: string, doc: string, check: (v: unknown) => string | undefined = () => undefined): OptionSpec<T> {
    return { type, default: def, required: false, kafka, importance: MEDIUM, doc, valid: '', check };
  },
  required<T>(type: string, kafka: string, doc: string, check: (v: unknown) => string | undefined): OptionSpec<T, true> {
    return { type, default: undefined, required: true, kafka, importance: 'high', doc, valid: '', check };
  },
};

/**
 * Sets what the builders leave at their usual value: importance (medium unless required), the
 * accepted values in words, the default in words.
 */
export function tuned<S extends AnySpec>(spec: S, extra: { importance?: Importance; valid?: string; defaultText?: string }): S {
  return { ...spec, ...extra };
}

export type OptionProblem =
  | { readonly kind: 'unknown'; readonly name: string; readonly value: unknown }
  | { readonly kind: 'required'; readonly name: string; readonly spec: AnySpec }
  | { readonly kind: 'invalid'; readonly name: string; readonly spec: AnySpec; readonly value: unknown; readonly complaint: string };

/**
 * Checks options against a table and fills defaults. Returns every problem rather than throwing,
 * so that each package raises its own error with its own wording.
 */
export function checkOptions<S extends OptionTable>(table: S, input: object | undefined): { values: ResolvedOf<S>; problems: OptionProblem[] } {
  const given = (input ?? {}) as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  const problems: OptionProblem[] = [];
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(table, name)) problems.push({ kind: 'unknown', name, value: given[name] });
  }
  for (const [name, spec] of Object.entries(table)) {
    const value = given[name];
    if (value === undefined) {
      if (spec.required) problems.push({ kind: 'required', name, spec });
      values[name] = spec.default;
      continue;
    }
    const complaint = spec.check(value);
    if (complaint) problems.push({ kind: 'invalid', name, spec, value, complaint });
    values[name] = value;
  }
  return { values: values as ResolvedOf<S>, problems };
}

/** A value as an error message shows it: strings quoted, objects by kind. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  return String(v);
}
