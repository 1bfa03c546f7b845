/**
 * Option tables. Each component (producer, consumer, admin, and what they share) defines its
 * options once: name, type, default, Kafka's name for the setting, and a line of doc. The table
 * gives the TypeScript option types, the validation with defaults filled in, and the README's
 * option table (`optionRows`), so the three cannot drift apart.
 */
import { ClientErrorCode, KafkaError } from './errors.js';

export interface OptionSpec<T, R extends boolean = false> {
  readonly type: string;
  readonly default: T | undefined;
  readonly required: R;
  /** Kafka's name for the setting (`linger.ms`), or '' where Kafka has none. */
  readonly kafka: string;
  readonly doc: string;
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

/** What the client works with: every option present (undefined only where the default is). */
export type ResolvedOf<S extends OptionTable> = { readonly [K in keyof S]: ValueOf<S[K]> };

interface IntLimits {
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

export const opt = {
  int(def: number, kafka: string, doc: string, limits: IntLimits = { min: 0 }): OptionSpec<number> {
    return { type: 'number', default: def, required: false, kafka, doc, check: intCheck(limits) };
  },
  optionalInt(kafka: string, doc: string, limits: IntLimits = {}): OptionSpec<number | undefined> {
    const check = intCheck(limits);
    return { type: 'number', default: undefined, required: false, kafka, doc, check: (v) => (v === undefined ? undefined : check(v)) };
  },
  bool(def: boolean, kafka: string, doc: string): OptionSpec<boolean> {
    return { type: 'boolean', default: def, required: false, kafka, doc, check: (v) => (typeof v === 'boolean' ? undefined : 'must be true or false') };
  },
  string(def: string, kafka: string, doc: string): OptionSpec<string> {
    return { type: 'string', default: def, required: false, kafka, doc, check: (v) => (typeof v === 'string' ? undefined : 'must be a string') };
  },
  optionalString(kafka: string, doc: string): OptionSpec<string | undefined> {
    return {
      type: 'string',
      default: undefined,
      required: false,
      kafka,
      doc,
      check: (v) => (v === undefined || (typeof v === 'string' && v.length > 0) ? undefined : 'must be a non-empty string'),
    };
  },
  oneOf<const V extends string | number>(values: readonly V[], def: V, kafka: string, doc: string): OptionSpec<V> {
    return {
      type: values.map((v) => JSON.stringify(v)).join(' \\| '),
      default: def,
      required: false,
      kafka,
      doc,
      check: (v) => (values.includes(v as V) ? undefined : `must be one of ${values.map((x) => JSON.stringify(x)).join(', ')}`),
    };
  },
  /** An option of any type, checked by `check`. */
  custom<T>(type: string, def: T, kafka: string, doc: string, check: (v: unknown) => string | undefined = () => undefined): OptionSpec<T> {
    return { type, default: def, required: false, kafka, doc, check };
  },
  required<T>(type: string, kafka: string, doc: string, check: (v: unknown) => string | undefined): OptionSpec<T, true> {
    return { type, default: undefined, required: true, kafka, doc, check };
  },
};

/** Validates options against a table, fills defaults, and refuses unknown names (a typo is a bug). */
export function resolveOptions<S extends OptionTable>(table: S, input: object | undefined, component: string): ResolvedOf<S> {
  const given = (input ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of Object.keys(given)) {
    if (!(name in table) && given[name] !== undefined) problems.push(`unknown option '${name}'`);
  }
  for (const [name, spec] of Object.entries(table)) {
    const v = given[name];
    if (v === undefined) {
      if (spec.required) problems.push(`'${name}' is required`);
      out[name] = spec.default;
      continue;
    }
    const complaint = spec.check(v);
    if (complaint) problems.push(`'${name}' ${complaint} (got ${describe(v)})`);
    out[name] = v;
  }
  if (problems.length > 0) {
    throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `invalid ${component} options: ${problems.join('; ')}`);
  }
  return out as ResolvedOf<S>;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  return String(v);
}

export interface OptionRow {
  name: string;
  type: string;
  default: string;
  kafka: string;
  doc: string;
}

/** The rows of a README table for a component's options. */
export function optionRows(table: OptionTable): OptionRow[] {
  return Object.entries(table).map(([name, s]) => ({
    name,
    type: s.type,
    default: s.required ? '(required)' : s.default === undefined ? '' : typeof s.default === 'object' ? s.type : JSON.stringify(s.default),
    kafka: s.kafka,
    doc: s.doc,
  }));
}
