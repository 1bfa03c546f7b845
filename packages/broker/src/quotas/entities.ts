/**
 * Client quota entities and what may be set on them, with Kafka 4.3's rules (its
 * ClientQuotaControlManager for alterations, ClientQuotasImage for describe filters):
 *
 * - An entity is a set of (type, name) components, types `user`, `client-id` and `ip`; a null
 *   name is the type's default entity (`<default>` in kafka-configs). `ip` stands alone; `user`
 *   and `client-id` alone or together.
 * - user and client-id entities take producer_byte_rate, consumer_byte_rate (whole numbers),
 *   request_percentage and controller_mutation_rate; an ip entity takes connection_creation_rate
 *   (a whole number). Every value must be greater than 0.
 * - A describe filter lists components that match a name exactly, the default entity, or any
 *   entity of that type ("specified"); strict means nothing else may be in the entity.
 */
import type { HostResolver } from './host-resolver.ts';
import { isValidIpEntityName } from './ip-entity.ts';

/** In the order Kafka lists an entity's components (its HashMap's order of these three names). */
export const ENTITY_TYPES = ['ip', 'client-id', 'user'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A quota entity: each present type with its name, null for the default entity. */
export type QuotaEntity = Partial<Record<EntityType, string | null>>;

export const USER_AND_CLIENT_QUOTA_KEYS = {
  producer_byte_rate: 'long',
  consumer_byte_rate: 'long',
  request_percentage: 'double',
  controller_mutation_rate: 'double',
} as const;
export const IP_QUOTA_KEYS = { connection_creation_rate: 'int' } as const;
export type QuotaKey = keyof typeof USER_AND_CLIENT_QUOTA_KEYS | keyof typeof IP_QUOTA_KEYS;

/** A stable key for maps: the components in ENTITY_TYPES order. */
export function entityKey(entity: QuotaEntity): string {
  return JSON.stringify(ENTITY_TYPES.filter((t) => t in entity).map((t) => [t, entity[t]]));
}

export function entityComponents(entity: QuotaEntity): { entityType: EntityType; entityName: string | null }[] {
  return ENTITY_TYPES.filter((t) => t in entity).map((t) => ({ entityType: t, entityName: entity[t] ?? null }));
}

/**
 * Items in the order a java.util.HashMap of their keys iterates them (buckets by the string's hash
 * over a table sized by the map's initial capacity and growth, arrival order within a bucket), so
 * that what Kafka answers from such a map reads the same from Sluice.
 */
export function inJavaHashMapOrder<T>(items: readonly T[], keyOf: (item: T) => string, initialCapacity = 16): T[] {
  return inJavaHashOrder(items, (item) => javaStringHash(keyOf(item)), initialCapacity);
}

/** Java's String.hashCode (over UTF-16 code units, as charCodeAt gives them). */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** inJavaHashMapOrder for keys whose Java hashCode is given: distinct keys, in arrival order. */
export function inJavaHashOrder<T>(items: readonly T[], hashOf: (item: T) => number, initialCapacity = 16): T[] {
  let table = 1;
  while (table < Math.max(1, initialCapacity)) table *= 2;
  for (let size = 1; size <= items.length; size++) if (size > Math.floor(table * 0.75)) table *= 2;
  const bucket = (h: number) => (h ^ (h >>> 16)) & (table - 1);
  return items.map((item, i) => ({ item, i, b: bucket(hashOf(item)) })).sort((x, y) => x.b - y.b || x.i - y.i).map((x) => x.item);
}

/**
 * The hashCode of Kafka's ClientQuotaEntity for these components (Objects.hash of its map of
 * type to name: 31 plus the sum of each entry's key hash XOR value hash, a null name hashing to 0).
 */
export function entityHashCode(components: readonly { entityType: string; entityName: string | null }[]): number {
  let sum = 0;
  for (const c of components) sum = (sum + (javaStringHash(c.entityType) ^ (c.entityName === null ? 0 : javaStringHash(c.entityName)))) | 0;
  return (31 + sum) | 0;
}

/**
 * An entity's components in Kafka's order: it describes entities built with the default capacity
 * (16) and echoes those of AlterClientQuotas with the number of components as capacity.
 */
export function inKafkaOrder<T extends { entityType: string }>(components: readonly T[], initialCapacity = 16): T[] {
  return inJavaHashMapOrder(components, (c) => c.entityType, initialCapacity);
}

/** Kafka's text for an entity in its messages (ClientQuotaEntity.toString). */
export function describeEntity(entity: QuotaEntity): string {
  return `ClientQuotaEntity(entries={${entityComponents(entity).map((c) => `${c.entityType}=${c.entityName}`).join(', ')}})`;
}

/** Thrown for an entity or value Kafka refuses with INVALID_REQUEST; the message is Kafka's. */
export class InvalidQuotaRequest extends Error {}

/**
 * Checks an entity as sent in AlterClientQuotas (components already collapsed by type, as Kafka's
 * request parsing does) and gives the keys it may carry. An ip entity's name may be a host name,
 * looked up by `hosts` as Kafka's controller looks it up (ip-entity.ts).
 */
export async function keysForEntity(components: readonly { entityType: string; entityName: string | null }[], hosts: HostResolver): Promise<Readonly<Record<string, 'long' | 'double' | 'int'>>> {
  if (components.length === 0) throw new InvalidQuotaRequest('Invalid empty client quota entity');
  for (const c of components) {
    if (!(ENTITY_TYPES as readonly string[]).includes(c.entityType)) throw new InvalidQuotaRequest(`Unhandled client quota entity type: ${c.entityType}`);
    if (c.entityName !== null && c.entityName === '') throw new InvalidQuotaRequest(`Empty ${c.entityType} not supported`);
  }
  const types = new Set(components.map((c) => c.entityType));
  if (types.has('ip')) {
    if (types.has('user') || types.has('client-id')) throw new InvalidQuotaRequest('Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId');
    const ip = components.find((c) => c.entityType === 'ip')!.entityName;
    if (!(await isValidIpEntityName(ip, hosts))) throw new InvalidQuotaRequest(`${ip} is not a valid IP or resolvable host.`);
    return IP_QUOTA_KEYS;
  }
  return USER_AND_CLIENT_QUOTA_KEYS;
}

/** Checks one value to set, as Kafka's validateQuotaKeyValue. */
export function checkQuotaValue(keys: Readonly<Record<string, 'long' | 'double' | 'int'>>, key: string, value: number): void {
  const type = Object.hasOwn(keys, key) ? keys[key] : undefined;
  if (type === undefined) throw new InvalidQuotaRequest(`Invalid configuration key ${key}`);
  // As Kafka's check: NaN is not <= 0 and passes (a quota of NaN limits nothing, there too).
  if (value <= 0) throw new InvalidQuotaRequest(`Quota ${key} must be greater than 0`);
  if (type === 'double') return;
  if (type === 'int' && value > 2147483647) throw new InvalidQuotaRequest(`Proposed value for ${key} is too large for an INT.`);
  if (type === 'long' && value > 9223372036854775807) throw new InvalidQuotaRequest(`Proposed value for ${key} is too large for a LONG.`);
  if (Math.abs(value % 1) > 1e-6) throw new InvalidQuotaRequest(`${key} cannot be a fractional value.`);
}

export const MATCH_EXACT = 0;
export const MATCH_DEFAULT = 1;
export const MATCH_SPECIFIED = 2;

export interface QuotaFilter {
  /** Types that must have this name (null: the default entity). */
  exact: Map<string, string | null>;
  /** Types that must be present, with any name. */
  specified: Set<string>;
  strict: boolean;
}

/** Thrown for a filter Kafka refuses with UNSUPPORTED_VERSION (an unknown entity type). */
export class UnsupportedQuotaFilter extends Error {}

/** A DescribeClientQuotas filter, checked as Kafka checks it. */
export function parseFilter(components: readonly { entityType: string; matchType: number; match: string | null }[], strict: boolean): QuotaFilter {
  const filter: QuotaFilter = { exact: new Map(), specified: new Set(), strict };
  for (const c of components) {
    if (c.entityType === '') throw new InvalidQuotaRequest('Invalid empty entity type.');
    if (filter.exact.has(c.entityType) || filter.specified.has(c.entityType)) throw new InvalidQuotaRequest(`Entity type ${c.entityType} cannot appear more than once in the filter.`);
    if (!(ENTITY_TYPES as readonly string[]).includes(c.entityType)) throw new UnsupportedQuotaFilter(`Unsupported entity type ${c.entityType}`);
    switch (c.matchType) {
      case MATCH_EXACT:
        if (c.match === null) throw new InvalidQuotaRequest('Request specified MATCH_TYPE_EXACT, but set match string to null.');
        filter.exact.set(c.entityType, c.match);
        break;
      case MATCH_DEFAULT:
        if (c.match !== null) throw new InvalidQuotaRequest('Request specified MATCH_TYPE_DEFAULT, but also specified a match string.');
        filter.exact.set(c.entityType, null);
        break;
      case MATCH_SPECIFIED:
        if (c.match !== null) throw new InvalidQuotaRequest('Request specified MATCH_TYPE_SPECIFIED, but also specified a match string.');
        filter.specified.add(c.entityType);
        break;
      default:
        throw new InvalidQuotaRequest(`Unknown match type ${c.matchType}`);
    }
  }
  const has = (t: string) => filter.exact.has(t) || filter.specified.has(t);
  if (has('ip') && (has('user') || has('client-id'))) {
    throw new InvalidQuotaRequest('Invalid entity filter component combination. IP filter component should not be used with user or clientId filter component.');
  }
  return filter;
}

export function matchesFilter(entity: QuotaEntity, filter: QuotaFilter): boolean {
  const types = ENTITY_TYPES.filter((t) => t in entity);
  if (filter.strict && types.length !== filter.exact.size + filter.specified.size) return false;
  for (const [type, name] of filter.exact) if (!(type in entity) || entity[type as EntityType] !== name) return false;
  for (const type of filter.specified) if (!(type in entity)) return false;
  return true;
}
