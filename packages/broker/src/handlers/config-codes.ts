/** Numeric codes of DescribeConfigs: resource types, config sources and config types. */
import type { ConfigType } from '../config/definitions.ts';

export const ResourceType = { Unknown: 0, Topic: 2, Group: 32, Broker: 4, BrokerLogger: 8 } as const;

const SOURCES = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
  DYNAMIC_GROUP_CONFIG: 8,
} as const;

export function configSourceCode(source: keyof typeof SOURCES): number {
  return SOURCES[source];
}

const TYPES: Record<string, number> = { boolean: 1, string: 2, int: 3, short: 4, long: 5, double: 6, list: 7, class: 8, password: 9 };

export function configTypeCode(type: ConfigType | string): number {
  return TYPES[type] ?? 0;
}
