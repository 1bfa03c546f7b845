/**
 * The pluggable parts a connector's pipeline is made of (Kafka's Converter, HeaderConverter,
 * Transformation and Predicate). Each is configured from a map of settings (`configure`),
 * declares them (`config()`) and may hold resources (`close`).
 */
import type { ConfigDef } from './config-def.ts';
import type { SchemaAndValue } from './data/schema-and-value.ts';
import type { Schema } from './data/schema.ts';
import type { ConnectHeaders } from './header.ts';
import type { ConnectRecord } from './records.ts';

export type PluginConfig = Readonly<Record<string, unknown>>;

/** Kafka's Configurable and Closeable, with the ConfigDef every Connect plugin offers. */
export interface ConnectPlugin {
  configure(configs: PluginConfig): void;
  config(): ConfigDef;
  close(): void;
}

/** Kafka's Transformation: changes a record, or drops it by returning null. */
export interface Transformation<R extends ConnectRecord<R> = ConnectRecord<any>> extends ConnectPlugin {
  apply(record: R): R | null;
}

/** Kafka's Predicate: decides whether a transform applies to a record (`negate` flips it). */
export interface Predicate<R extends ConnectRecord<R> = ConnectRecord<any>> extends ConnectPlugin {
  test(record: R): boolean;
}

/** Kafka's ConverterType. */
export type ConverterType = 'KEY' | 'VALUE' | 'HEADER';

/** Kafka's Converter: between Connect data and the bytes of a record's key or value. */
export interface Converter {
  /** Sets it up; `isKey` says whether it converts keys or values. */
  configure(configs: PluginConfig, isKey: boolean): void;
  fromConnectData(topic: string, schema: Schema | null, value: unknown, headers?: ConnectHeaders): Uint8Array | null;
  toConnectData(topic: string, value: Uint8Array | null, headers?: ConnectHeaders): SchemaAndValue;
  config(): ConfigDef;
  close(): void;
}

/** Kafka's HeaderConverter: between a header's Connect data and its bytes. */
export interface HeaderConverter extends ConnectPlugin {
  toConnectHeader(topic: string, headerKey: string, value: Uint8Array | null): SchemaAndValue;
  fromConnectHeader(topic: string, headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null;
}
