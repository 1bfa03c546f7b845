/**
 * Configuration tables: one definition per setting (name, type, default, doc, validation) that
 * yields parsing, validation, DescribeConfigs answers and docs. Shared by the topic configs here
 * and by the broker's own table.
 */

export type ConfigType = 'boolean' | 'int' | 'long' | 'double' | 'string' | 'list';

export interface ConfigDefinition {
  readonly name: string;
  readonly type: ConfigType;
  /** The default as Kafka writes it, or null for "no default". */
  readonly default: string | null;
  readonly doc: string;
  /** Extra check on the parsed value; returns a problem or undefined. */
  readonly validate?: (value: unknown) => string | undefined;
  /** Kafka's other names for the same setting, e.g. log.dir for log.dirs. */
  readonly synonyms?: readonly string[];
  /** Changeable while running. */
  readonly dynamic?: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'SLUICE_CONFIG_INVALID';
  /** Kafka's INVALID_CONFIG, for responses. */
  readonly errorCode = 40;
}

const LONG_MAX = 9223372036854775807n;

export const atLeast = (min: number) => (v: unknown) => (typeof v === 'number' && v < min ? `must be at least ${min}` : undefined);
export const between = (min: number, max: number) => (v: unknown) => (typeof v === 'number' && (v < min || v > max) ? `must be between ${min} and ${max}` : undefined);
export const oneOf = (...values: string[]) => (v: unknown) => (values.includes(String(v)) ? undefined : `must be one of ${values.join(', ')}`);
export const listOf = (...values: string[]) => (v: unknown) => {
  const bad = (v as string[]).filter((x) => !values.includes(x));
  return bad.length > 0 ? `${bad.join(', ')} not allowed; use ${values.join(', ')}` : undefined;
};

/**
 * Parses a value of a setting. Longs become numbers, with Kafka's Long.MAX_VALUE ("never")
 * mapped to Infinity, since no duration or size in this code base gets near 2^53.
 */
export function parseConfigValue(def: ConfigDefinition, raw: string): unknown {
  const text = raw.trim();
  const fail = (why: string): never => {
    throw new ConfigError(`Invalid value ${JSON.stringify(raw)} for configuration ${def.name}: ${why}`);
  };
  let value: unknown;
  switch (def.type) {
    case 'boolean':
      if (!/^(true|false)$/i.test(text)) fail('expected true or false');
      value = text.toLowerCase() === 'true';
      break;
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(text)) fail('expected a whole number');
      const big = BigInt(text);
      if (def.type === 'int' && (big < -2147483648n || big > 2147483647n)) fail('out of the int range');
      if (big > LONG_MAX || big < -LONG_MAX - 1n) fail('out of the long range');
      value = big === LONG_MAX ? Infinity : Number(big);
      break;
    }
    case 'double': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) fail('expected a number');
      value = n;
      break;
    }
    case 'list':
      value = text === '' ? [] : text.split(',').map((s) => s.trim());
      break;
    default:
      value = text;
  }
  const problem = def.validate?.(value);
  if (problem !== undefined) fail(problem);
  return value;
}
