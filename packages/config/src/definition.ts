/**
 * Settings given as text, as Kafka's are (`server.properties`, `--set`, topic configs,
 * AlterConfigs): one definition per setting gives its parsing, validation, DescribeConfigs
 * answer and documentation. The broker's and the topics' tables are made of these.
 */
import type { Validator } from './validators.ts';

export type ConfigType = 'boolean' | 'int' | 'long' | 'double' | 'string' | 'list';

/** Kafka's ConfigDef.Importance: how much a user should care about a setting. */
export type Importance = 'high' | 'medium' | 'low';

export interface ConfigDefinition {
  readonly name: string;
  readonly type: ConfigType;
  /** The default as Kafka writes it, or null for "no default". */
  readonly default: string | null;
  readonly importance: Importance;
  readonly doc: string;
  /** Extra check on the parsed value; returns a problem or undefined. */
  readonly validate?: Validator | ((value: unknown) => string | undefined);
  /** Kafka's other names for the same setting, e.g. log.dir for log.dirs. */
  readonly synonyms?: readonly string[];
  /** Changeable while running. */
  readonly dynamic?: boolean;
}

/** Codes of the configuration's errors (docs/errors.md lists every package's). */
export const ConfigErrorCode = {
  /** A setting is unknown, malformed or out of range; the message names it and what it accepts. */
  INVALID_CONFIG: 'INVALID_CONFIG',
} as const;
export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode];

/** Thrown for a setting that is unknown, malformed or out of range; the message names it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = ConfigErrorCode.INVALID_CONFIG;
  /** Kafka's INVALID_CONFIG (40), for responses; this package depends on no other, protocol's table included. */
  readonly errorCode = 40;
}

const LONG_MAX = 9223372036854775807n;

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
