/**
 * Kafka's ConfigDef for connectors, tasks, converters, transforms and predicates: each plugin
 * declares its settings (type, default, validator, importance, documentation, group, order,
 * width, display name, dependents, recommender), `parse` turns the strings a user gave into
 * typed values or throws ConfigException, and `validate` finds every problem at once, giving
 * the ConfigValues that `configInfos` turns into the JSON Kafka Connect's
 * `/connector-plugins/{plugin}/config/validate` answers with.
 *
 * Built on @sluice/config (docs/decisions/013): the importance levels, the Validator contract
 * (a check that returns its complaint and says in words what it accepts) and ConfigError, whose
 * code is Kafka's INVALID_CONFIG. Connect keeps its own parsing because its settings have types
 * the broker's have not (CLASS, PASSWORD, SHORT) and because a Connect config can arrive as JSON
 * values as well as strings.
 */
import { validator, type Importance, type Validator } from '@sluice/config';
import { ConfigException } from './errors.ts';

export type ConfigDefType = 'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type ConfigDefWidth = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

/**
 * A @sluice/config Validator, which Connect also calls with the setting's name; one that must word
 * the whole message (as some of Kafka's do) throws ConfigException instead of returning a complaint.
 */
export type ConnectValidator = Validator | ((value: unknown, name: string) => string | undefined);

function check(validator: ConnectValidator, value: unknown, name: string): string | undefined {
  return (validator as (value: unknown, name: string) => string | undefined)(value, name);
}

/** Kafka's ConfigDef.NO_DEFAULT_VALUE: the setting is required. */
export const NO_DEFAULT_VALUE: unique symbol = Symbol('NO_DEFAULT_VALUE');

/** A secret: its text never appears in messages, logs or REST answers (Kafka's Password). */
export class Password {
  static readonly HIDDEN = '[hidden]';
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return Password.HIDDEN;
  }
  toJSON(): string {
    return Password.HIDDEN;
  }
}

/** Kafka's ConfigDef.Recommender: the values that make sense now, and whether the setting matters now. */
export interface Recommender {
  validValues(name: string, parsedConfig: Readonly<Record<string, unknown>>): unknown[];
  visible(name: string, parsedConfig: Readonly<Record<string, unknown>>): boolean;
}

export interface ConfigKey {
  readonly name: string;
  readonly type: ConfigDefType;
  /** The parsed default, or NO_DEFAULT_VALUE for a required setting. */
  readonly defaultValue: unknown;
  readonly validator: ConnectValidator | null;
  readonly importance: Importance;
  readonly documentation: string;
  readonly group: string | null;
  readonly orderInGroup: number;
  readonly width: ConfigDefWidth;
  readonly displayName: string;
  readonly dependents: readonly string[];
  readonly recommender: Recommender | null;
}

export interface ConfigKeyInit {
  name: string;
  type: ConfigDefType;
  /** As a string (parsed by type) or the typed value; leave out for a required setting. */
  defaultValue?: unknown;
  validator?: ConnectValidator | null;
  importance: Importance;
  documentation: string;
  group?: string | null;
  orderInGroup?: number;
  width?: ConfigDefWidth;
  displayName?: string;
  dependents?: readonly string[];
  recommender?: Recommender | null;
}

/** Kafka's ConfigValue: one setting's outcome of `validate`. */
export class ConfigValue {
  readonly errorMessages: string[] = [];
  recommendedValues: unknown[] = [];
  visible = true;
  readonly name: string;
  public value: unknown;

  constructor(name: string, value: unknown = null) {
    this.name = name;
    this.value = value;
  }
  addErrorMessage(message: string): void {
    this.errorMessages.push(message);
  }
}

export class ConfigDef {
  readonly #keys = new Map<string, ConfigKey>();
  readonly #groups: string[] = [];

  /** Adds a setting; a second definition of one name is a mistake in the plugin. */
  define(init: ConfigKeyInit): this {
    if (this.#keys.has(init.name)) throw new ConfigException(`Configuration ${init.name} is defined twice.`);
    const defaultValue = init.defaultValue === undefined || init.defaultValue === NO_DEFAULT_VALUE ? NO_DEFAULT_VALUE : init.defaultValue === null ? null : parseType(init.name, init.defaultValue, init.type);
    if (defaultValue !== NO_DEFAULT_VALUE && init.validator) {
      const problem = check(init.validator, defaultValue, init.name);
      if (problem !== undefined) throw new ConfigException(init.name, show(defaultValue), problem);
    }
    const group = init.group ?? null;
    if (group !== null && !this.#groups.includes(group)) this.#groups.push(group);
    this.#keys.set(init.name, {
      name: init.name,
      type: init.type,
      defaultValue,
      validator: init.validator ?? null,
      importance: init.importance,
      documentation: init.documentation,
      group,
      orderInGroup: init.orderInGroup ?? -1,
      width: init.width ?? 'NONE',
      displayName: init.displayName ?? init.name,
      dependents: init.dependents ?? [],
      recommender: init.recommender ?? null,
    });
    return this;
  }

  configKeys(): ReadonlyMap<string, ConfigKey> {
    return this.#keys;
  }

  names(): string[] {
    return [...this.#keys.keys()];
  }

  groups(): readonly string[] {
    return this.#groups;
  }

  defaultValues(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of this.#keys.values()) if (k.defaultValue !== NO_DEFAULT_VALUE) out[k.name] = k.defaultValue;
    return out;
  }

  /** Every setting of `other` added to these (Kafka's ConfigDef(ConfigDef base)). */
  withAll(other: ConfigDef): this {
    for (const k of other.#keys.values()) this.define({ ...k, defaultValue: k.defaultValue });
    return this;
  }

  /**
   * The typed value of every defined setting (Kafka's ConfigDef.parse); throws ConfigException at
   * the first setting that is missing or invalid. Settings this definition lacks are ignored.
   */
  parse(props: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of this.#keys.values()) {
      let value: unknown;
      if (props[key.name] !== undefined) value = parseType(key.name, props[key.name], key.type);
      else if (key.defaultValue === NO_DEFAULT_VALUE) throw new ConfigException(missing(key.name));
      else value = key.defaultValue;
      // As Kafka's, a validator also sees null (an unset setting whose default is null) and decides.
      if (key.validator) {
        const problem = check(key.validator, value, key.name);
        if (problem !== undefined) throw new ConfigException(key.name, show(value), problem);
      }
      out[key.name] = value;
    }
    return out;
  }

  /** Every problem of every setting (Kafka's ConfigDef.validate), in definition order. */
  validate(props: Readonly<Record<string, unknown>>): ConfigValue[] {
    return [...this.validateAll(props).values()];
  }

  validateAll(props: Readonly<Record<string, unknown>>): Map<string, ConfigValue> {
    const parsed: Record<string, unknown> = {};
    const results = new Map<string, ConfigValue>();
    for (const key of this.#keys.values()) {
      const result = new ConfigValue(key.name);
      results.set(key.name, result);
      try {
        if (props[key.name] !== undefined) parsed[key.name] = parseType(key.name, props[key.name], key.type);
        else if (key.defaultValue === NO_DEFAULT_VALUE) result.addErrorMessage(missing(key.name));
        else parsed[key.name] = key.defaultValue;
      } catch (e) {
        result.addErrorMessage((e as Error).message);
      }
      result.value = parsed[key.name] ?? null;
      parsed[key.name] ??= null;
    }
    for (const key of this.#keys.values()) {
      const result = results.get(key.name)!;
      const value = parsed[key.name];
      if (key.recommender) {
        result.recommendedValues = key.recommender.validValues(key.name, parsed);
        result.visible = key.recommender.visible(key.name, parsed);
        if (value != null && result.recommendedValues.length > 0 && !result.recommendedValues.includes(value)) result.addErrorMessage(`Invalid value ${show(value)} for configuration ${key.name}`);
      }
      if (key.validator) {
        try {
          const problem = check(key.validator, value, key.name);
          if (problem !== undefined) result.addErrorMessage(new ConfigException(key.name, show(value), problem).message);
        } catch (e) {
          result.addErrorMessage((e as Error).message);
        }
      }
    }
    return results;
  }
}

function missing(name: string): string {
  return `Missing required configuration "${name}" which has no default value.`;
}

/** A value in a message, as Java prints it (a list as `[a, b]`). */
function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

const INT_RANGE: Record<string, [bigint, bigint]> = { SHORT: [-32768n, 32767n], INT: [-2147483648n, 2147483647n], LONG: [-(2n ** 63n), 2n ** 63n - 1n] };

/**
 * Parses one value by type as Kafka's ConfigDef.parseType does: strings are trimmed (except
 * passwords), and typed values are taken as they are when they have the right type.
 */
export function parseType(name: string, value: unknown, type: ConfigDefType): unknown {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value.trim() : null;
  const fail = (why: string): never => {
    throw new ConfigException(name, typeof value === 'string' ? value : show(value), why);
  };
  switch (type) {
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      if (text !== null && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
      return fail(text !== null ? 'Expected value to be either true or false' : `Expected value to be either true or false`);
    case 'PASSWORD':
      if (value instanceof Password) return value;
      if (typeof value === 'string') return new Password(value);
      return fail(`Expected value to be a string, but it was a ${typeof value}`);
    case 'STRING':
    case 'CLASS':
      if (text !== null) return text;
      if (type === 'CLASS' && typeof value === 'function') return value;
      return fail(`Expected value to be a string, but it was a ${typeof value}`);
    case 'SHORT':
    case 'INT':
    case 'LONG': {
      const bits = type === 'SHORT' ? '16-bit' : type === 'INT' ? '32-bit' : '64-bit';
      let big: bigint;
      if (typeof value === 'number' && Number.isInteger(value)) big = BigInt(value);
      else if (typeof value === 'bigint') big = value;
      else if (text !== null && /^[+-]?\d+$/.test(text)) big = BigInt(text);
      else return fail(text !== null ? `Not a number of type ${type}` : `Expected value to be a ${bits} integer, but it was a ${typeof value}`);
      const [min, max] = INT_RANGE[type];
      if (big < min || big > max) fail(`Not a number of type ${type}`);
      return Number(big);
    }
    case 'DOUBLE': {
      if (typeof value === 'number') return value;
      const n = text === null || text === '' ? NaN : Number(text);
      return Number.isNaN(n) ? fail(text !== null ? `Not a number of type ${type}` : `Expected value to be a double, but it was a ${typeof value}`) : n;
    }
    case 'LIST':
      if (Array.isArray(value)) return value.map(String);
      if (text !== null) return text === '' ? [] : text.split(/\s*,\s*/);
      return fail(`Expected a comma separated list.`);
  }
}

/** Kafka's ConfigDef.convertToString: how a typed value is written back (REST answers, properties). */
export function convertToString(value: unknown, type: ConfigDefType | null): string | null {
  if (value === null || value === undefined || value === NO_DEFAULT_VALUE) return null;
  if (type === 'LIST' && Array.isArray(value)) return value.join(',');
  if (type === 'CLASS' && typeof value === 'function') return value.name;
  if (value instanceof Password) return Password.HIDDEN;
  return String(value);
}

/** Kafka's validators, with Kafka's words, as @sluice/config Validators. */
export const ConfigValidators = Object.freeze({
  atLeast: (min: number): Validator => validator(`[${min},...]`, (v) => (v === null ? 'Value must be non-null' : typeof v === 'number' && v < min ? `Value must be at least ${min}` : undefined)),
  between: (min: number, max: number): Validator =>
    validator(`[${min},...,${max}]`, (v) =>
      v === null ? 'Value must be non-null' : typeof v === 'number' && v < min ? `Value must be at least ${min}` : typeof v === 'number' && v > max ? `Value must be no more than ${max}` : undefined,
    ),
  in: (...values: string[]): Validator => validator(`[${values.join(', ')}]`, (v) => (values.includes(String(v)) ? undefined : `String must be one of: ${values.join(', ')}`)),
  caseInsensitiveIn: (...values: string[]): Validator =>
    validator(`[${values.join(', ')}]`, (v) => (values.some((x) => x.toLowerCase() === String(v).toLowerCase()) ? undefined : `String must be one of (case insensitive): ${values.join(', ')}`)),
  nonEmptyString: (): Validator => validator('non-empty string', (v) => (v === null || (typeof v === 'string' && v.length > 0) ? undefined : 'String must be non-empty')),
  /** Kafka's NonEmptyStringWithoutControlChars: set, not empty, no ASCII control characters. */
  nonEmptyStringWithoutControlChars: (): Validator =>
    validator('non-empty string without ISO control characters', (v) => {
      if (v === null) return 'entry must be non null';
      const s = String(v);
      if (s === '') return 'String may not be empty';
      const control = [...s].map((c) => c.charCodeAt(0)).filter((c) => c < 0x20 || (c >= 0x7f && c <= 0x9f));
      return control.length > 0 ? `String may not contain control sequences but had the following ASCII chars: ${control.join(', ')}` : undefined;
    }),
  /** Kafka's transforms' NonEmptyListValidator, with its own message. */
  nonEmptyList: (): ConnectValidator =>
    Object.assign(
      (v: unknown, name: string): undefined => {
        if (v === null) throw new ConfigException(`Configuration '${name}' values must not be null.`);
        if (!Array.isArray(v) || v.length === 0) throw new ConfigException(`Configuration '${name}' must not be empty. Valid values include: any non-empty value`);
        return undefined;
      },
      { valid: 'any non-empty value' },
    ),
  listIn: (...values: string[]): Validator =>
    validator(`[${values.join(', ')}]`, (v) => {
      if (v === null) return undefined;
      const bad = (v as string[]).find((x) => !values.includes(x));
      return bad === undefined ? undefined : `Invalid value ${bad} for configuration: String must be one of: ${values.join(', ')}`;
    }),
});

/** The JSON of Kafka Connect's ConfigInfos, as `/connector-plugins/{plugin}/config/validate` answers. */
export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: { definition: ConfigKeyInfo | null; value: ConfigValueInfo | null }[];
}
export interface ConfigKeyInfo {
  name: string;
  type: ConfigDefType;
  required: boolean;
  default_value: string | null;
  importance: 'HIGH' | 'MEDIUM' | 'LOW';
  documentation: string;
  group: string | null;
  order_in_group: number;
  width: ConfigDefWidth;
  display_name: string;
  dependents: string[];
}
export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}

/**
 * Kafka Connect's answer to a validation (AbstractHerder.generateResult): a value without a
 * definition comes first (definition null), then every definition with its value.
 */
export function configInfos(name: string, def: ConfigDef, values: Iterable<ConfigValue>, groups: readonly string[] = def.groups()): ConfigInfos {
  const keys = def.configKeys();
  const byName = new Map<string, ConfigValue>();
  const configs: ConfigInfos['configs'] = [];
  let errorCount = 0;
  const valueInfo = (v: ConfigValue, type: ConfigDefType | null): ConfigValueInfo => ({
    name: v.name,
    value: convertToString(v.value, type),
    recommended_values: v.recommendedValues.map((r) => convertToString(r, type) ?? ''),
    errors: [...v.errorMessages],
    visible: v.visible,
  });
  for (const v of values) {
    errorCount += v.errorMessages.length;
    byName.set(v.name, v);
    if (!keys.has(v.name)) configs.push({ definition: null, value: valueInfo(v, null) });
  }
  for (const key of keys.values()) {
    const v = byName.get(key.name);
    configs.push({
      definition: {
        name: key.name,
        type: key.type,
        required: key.defaultValue === NO_DEFAULT_VALUE,
        default_value: convertToString(key.defaultValue, key.type),
        importance: key.importance.toUpperCase() as ConfigKeyInfo['importance'],
        documentation: key.documentation,
        group: key.group,
        order_in_group: key.orderInGroup,
        width: key.width,
        display_name: key.displayName,
        dependents: [...key.dependents],
      },
      value: v ? valueInfo(v, key.type) : null,
    });
  }
  return { name, error_count: errorCount, groups: [...groups], configs };
}
