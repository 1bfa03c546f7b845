/**
 * Plugins by name, as Kafka Connect loads them: by full class name
 * (`org.apache.kafka.connect.transforms.InsertField$Value`) or by alias, the simple class name
 * (`InsertField$Value`) and that name without its kind's suffix (`JsonConverter` → `Json`,
 * `SimpleHeaderConverter` → `Simple`), an alias only when no other plugin has it. Kafka's
 * converters, transforms and predicates are registered; the runtime adds connectors and plugins
 * from npm packages with `register`.
 */
import { ConfigException, type Converter, type HeaderConverter, type Predicate, type Transformation } from '@sluice/connect-api';
import { JsonConverter } from './converters/json-converter.ts';
import { BooleanConverter, ByteArrayConverter, DoubleConverter, FloatConverter, IntegerConverter, LongConverter, ShortConverter, SimpleHeaderConverter, StringConverter } from './converters/simple-converters.ts';
import { Cast } from './transforms/cast.ts';
import { ExtractField } from './transforms/extract-field.ts';
import { Flatten } from './transforms/flatten.ts';
import { DropHeaders, HeaderFrom, InsertHeader } from './transforms/header-transforms.ts';
import { HoistField } from './transforms/hoist-field.ts';
import { InsertField } from './transforms/insert-field.ts';
import { MaskField } from './transforms/mask-field.ts';
import { HasHeaderKey, RecordIsTombstone, TopicNameMatches } from './transforms/predicates.ts';
import { ReplaceField } from './transforms/replace-field.ts';
import { RegexRouter, TimestampRouter } from './transforms/routers.ts';
import { Filter, SetSchemaMetadata } from './transforms/simple-transforms.ts';
import { TimestampConverter } from './transforms/timestamp-converter.ts';
import { ValueToKey } from './transforms/value-to-key.ts';

export type PluginType = 'converter' | 'header_converter' | 'transformation' | 'predicate' | 'source' | 'sink';

/** The suffix each kind's alias drops (Kafka's PluginType simple names). */
const SUFFIX: Record<PluginType, string> = { converter: 'Converter', header_converter: 'HeaderConverter', transformation: 'Transformation', predicate: 'Predicate', source: 'Connector', sink: 'Connector' };

export interface PluginDesc {
  readonly className: string;
  readonly type: PluginType;
  readonly version: string;
  readonly create: () => unknown;
}

/** The class name each plugin instance was made under (see pluginClassName). */
const classNames = new WeakMap<object, string>();

/**
 * The class name a plugin instance was made under by a registry, as Kafka's `getClass().getName()`
 * gives it (`org.apache.kafka.connect.json.JsonConverter`, `…transforms.ExtractField$Value`): what
 * the error log and the dead letter queue's `__connect.errors.class.name` name. An instance made
 * otherwise is named by its constructor.
 */
export function pluginClassName(instance: object): string {
  return classNames.get(instance) ?? instance.constructor.name;
}

export class Plugins {
  readonly #byClass = new Map<string, PluginDesc[]>();
  #aliases: Map<string, string> | null = null;

  /** Adds a plugin under its class name, for each of its kinds (a JsonConverter is a converter and a header converter). */
  register(className: string, types: PluginType[], create: () => unknown, version = '4.3.1'): this {
    const descs = this.#byClass.get(className) ?? [];
    for (const type of types) descs.push({ className, type, version, create });
    this.#byClass.set(className, descs);
    this.#aliases = null;
    return this;
  }

  /** Every plugin of a kind, by class name (for `/connector-plugins`). */
  list(type?: PluginType): PluginDesc[] {
    return [...this.#byClass.values()].flat().filter((d) => type === undefined || d.type === type);
  }

  /** The full class name a name or alias stands for, or null. */
  resolve(name: string): string | null {
    if (this.#byClass.has(name)) return name;
    return this.#aliasMap().get(name) ?? null;
  }

  /** A new instance of the plugin of this kind named `name`; ConfigException naming `setting` when there is none. */
  create<T>(name: string, type: PluginType, setting: string): T {
    const className = this.resolve(name.trim());
    const desc = className === null ? undefined : this.#byClass.get(className)!.find((d) => d.type === type);
    if (desc === undefined) {
      if (className !== null) throw new ConfigException(setting, name, `Class ${className} is not a ${type.replace('_', ' ')}`);
      throw new ConfigException(setting, name, `Class ${name} could not be found.`);
    }
    const instance = desc.create();
    if (instance !== null && typeof instance === 'object') classNames.set(instance, desc.className);
    return instance as T;
  }

  newConverter(name: string, setting = 'converter'): Converter {
    return this.create<Converter>(name, 'converter', setting);
  }

  newHeaderConverter(name: string, setting = 'header.converter'): HeaderConverter {
    return this.create<HeaderConverter>(name, 'header_converter', setting);
  }

  newTransformation(name: string, setting = 'type'): Transformation {
    return this.create<Transformation>(name, 'transformation', setting);
  }

  newPredicate(name: string, setting = 'type'): Predicate {
    return this.create<Predicate>(name, 'predicate', setting);
  }

  #aliasMap(): Map<string, string> {
    if (this.#aliases !== null) return this.#aliases;
    const candidates = new Map<string, Set<string>>();
    const offer = (alias: string, className: string) => {
      if (alias === '' || alias === className) return;
      const set = candidates.get(alias) ?? new Set();
      set.add(className);
      candidates.set(alias, set);
    };
    for (const [className, descs] of this.#byClass) {
      const simple = className.slice(className.lastIndexOf('.') + 1);
      offer(simple, className);
      for (const d of descs) if (simple.endsWith(SUFFIX[d.type]) && simple.length > SUFFIX[d.type].length) offer(simple.slice(0, -SUFFIX[d.type].length), className);
    }
    this.#aliases = new Map([...candidates].filter(([, classes]) => classes.size === 1).map(([alias, classes]) => [alias, [...classes][0]]));
    return this.#aliases;
  }
}

const STORAGE = 'org.apache.kafka.connect.storage.';
const CONVERTERS = 'org.apache.kafka.connect.converters.';
const TRANSFORMS = 'org.apache.kafka.connect.transforms.';
const PREDICATES = 'org.apache.kafka.connect.transforms.predicates.';

type Sided = { Key: new () => Transformation; Value: new () => Transformation };

/** Kafka's converters, header converters, transforms and predicates under Kafka's class names. */
export function builtinPlugins(): Plugins {
  const plugins = new Plugins();
  const both: PluginType[] = ['converter', 'header_converter'];
  plugins.register('org.apache.kafka.connect.json.JsonConverter', both, () => new JsonConverter());
  plugins.register(`${STORAGE}StringConverter`, both, () => new StringConverter());
  plugins.register(`${STORAGE}SimpleHeaderConverter`, ['header_converter'], () => new SimpleHeaderConverter());
  plugins.register(`${CONVERTERS}ByteArrayConverter`, both, () => new ByteArrayConverter());
  plugins.register(`${CONVERTERS}ShortConverter`, both, () => new ShortConverter());
  plugins.register(`${CONVERTERS}IntegerConverter`, both, () => new IntegerConverter());
  plugins.register(`${CONVERTERS}LongConverter`, both, () => new LongConverter());
  plugins.register(`${CONVERTERS}FloatConverter`, both, () => new FloatConverter());
  plugins.register(`${CONVERTERS}DoubleConverter`, both, () => new DoubleConverter());
  plugins.register(`${CONVERTERS}BooleanConverter`, both, () => new BooleanConverter());
  const sided: [string, Sided][] = [
    ['InsertField', InsertField],
    ['ReplaceField', ReplaceField],
    ['MaskField', MaskField],
    ['ExtractField', ExtractField],
    ['HoistField', HoistField],
    ['Cast', Cast],
    ['TimestampConverter', TimestampConverter],
    ['Flatten', Flatten],
    ['SetSchemaMetadata', SetSchemaMetadata],
    ['HeaderFrom', HeaderFrom],
  ];
  for (const [name, cls] of sided) {
    plugins.register(`${TRANSFORMS}${name}$Key`, ['transformation'], () => new cls.Key());
    plugins.register(`${TRANSFORMS}${name}$Value`, ['transformation'], () => new cls.Value());
  }
  const plain: [string, new () => Transformation][] = [
    ['ValueToKey', ValueToKey],
    ['TimestampRouter', TimestampRouter],
    ['RegexRouter', RegexRouter],
    ['Filter', Filter],
    ['InsertHeader', InsertHeader],
    ['DropHeaders', DropHeaders],
  ];
  for (const [name, cls] of plain) plugins.register(`${TRANSFORMS}${name}`, ['transformation'], () => new cls());
  plugins.register(`${PREDICATES}TopicNameMatches`, ['predicate'], () => new TopicNameMatches());
  plugins.register(`${PREDICATES}HasHeaderKey`, ['predicate'], () => new HasHeaderKey());
  plugins.register(`${PREDICATES}RecordIsTombstone`, ['predicate'], () => new RecordIsTombstone());
  return plugins;
}
