/**
 * Kafka's ACL model: an ACL binds a resource pattern (type, name, LITERAL or PREFIXED) to an
 * entry (principal, host, operation, ALLOW or DENY). The codes are Kafka's wire codes
 * (ResourceType, PatternType, AclOperation, AclPermissionType), so bindings travel unchanged
 * between CreateAcls, DescribeAcls, DeleteAcls and the state file.
 */

export const ResourceType = { UNKNOWN: 0, ANY: 1, TOPIC: 2, GROUP: 3, CLUSTER: 4, TRANSACTIONAL_ID: 5, DELEGATION_TOKEN: 6, USER: 7 } as const;
export const PatternType = { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 } as const;
export const AclOperation = {
  UNKNOWN: 0, ANY: 1, ALL: 2, READ: 3, WRITE: 4, CREATE: 5, DELETE: 6, ALTER: 7, DESCRIBE: 8, CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10, ALTER_CONFIGS: 11, IDEMPOTENT_WRITE: 12, CREATE_TOKENS: 13, DESCRIBE_TOKENS: 14, TWO_PHASE_COMMIT: 15,
} as const;
export const PermissionType = { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 } as const;

/** Kafka's name of the one CLUSTER resource. */
export const CLUSTER_RESOURCE_NAME = 'kafka-cluster';
/** The wildcard of a literal resource name, a principal (User:*) and a host. */
export const WILDCARD = '*';
export const WILDCARD_PRINCIPAL = 'User:*';

export interface AclBinding {
  readonly resourceType: number;
  readonly resourceName: string;
  readonly patternType: number;
  readonly principal: string;
  readonly host: string;
  readonly operation: number;
  readonly permissionType: number;
}

/** A filter of DescribeAcls and DeleteAcls: null strings and the ANY codes match everything. */
export interface AclBindingFilter {
  readonly resourceType: number;
  readonly resourceName: string | null;
  readonly patternType: number;
  readonly principal: string | null;
  readonly host: string | null;
  readonly operation: number;
  readonly permissionType: number;
}

const codeName = (codes: Record<string, number>, code: number) => Object.keys(codes).find((k) => codes[k] === code) ?? `code ${code}`;
export const operationName = (code: number) => codeName(AclOperation, code);
export const resourceTypeName = (code: number) => codeName(ResourceType, code);

/**
 * Why a new binding cannot be stored, or undefined when it can (CreateAcls answers
 * INVALID_REQUEST with this). Filters' ANY/MATCH codes and UNKNOWN are not ACLs.
 */
export function invalidBinding(b: AclBinding): string | undefined {
  if (b.resourceType <= ResourceType.ANY || b.resourceType > ResourceType.USER) return `Invalid resourceType ${b.resourceType}`;
  if (b.patternType !== PatternType.LITERAL && b.patternType !== PatternType.PREFIXED) return `Invalid patternType ${b.patternType}: an ACL is LITERAL (3) or PREFIXED (4)`;
  if (b.operation <= AclOperation.ANY || b.operation > AclOperation.TWO_PHASE_COMMIT) return `Invalid operation ${b.operation}`;
  if (b.permissionType !== PermissionType.ALLOW && b.permissionType !== PermissionType.DENY) return `Invalid permissionType ${b.permissionType}: an ACL is DENY (2) or ALLOW (3)`;
  if (b.resourceName === '') return 'Resource name should not be empty';
  if (b.resourceType === ResourceType.CLUSTER && b.resourceName !== CLUSTER_RESOURCE_NAME) return `The only valid name for the CLUSTER resource is ${CLUSTER_RESOURCE_NAME}`;
  const colon = b.principal.indexOf(':');
  if (colon <= 0) return `Could not parse principal from \`${b.principal}\` (no colon is present separating the principal type from the principal name)`;
  if (b.host === '') return 'Host should not be empty; use * for every host';
  return undefined;
}

/** Why a filter cannot be used, or undefined (DescribeAcls and DeleteAcls answer INVALID_REQUEST). */
export function invalidFilter(f: AclBindingFilter): string | undefined {
  if (f.resourceType === ResourceType.UNKNOWN || f.resourceType > ResourceType.USER) return `Invalid resource type filter ${f.resourceType}`;
  if (f.patternType === PatternType.UNKNOWN || f.patternType > PatternType.PREFIXED) return `Invalid pattern type filter ${f.patternType}`;
  if (f.operation === AclOperation.UNKNOWN || f.operation > AclOperation.TWO_PHASE_COMMIT) return `Invalid operation filter ${f.operation}`;
  if (f.permissionType === PermissionType.UNKNOWN || f.permissionType > PermissionType.ALLOW) return `Invalid permission type filter ${f.permissionType}`;
  if (f.patternType === PatternType.MATCH && f.resourceName === null) return 'A MATCH pattern type filter needs a resource name';
  return undefined;
}

/** Whether a stored pattern applies to a resource of this name (a literal *, a literal name, a prefix). */
export function patternMatchesName(patternType: number, patternName: string, name: string): boolean {
  if (patternType === PatternType.PREFIXED) return name.startsWith(patternName);
  return patternName === WILDCARD || patternName === name;
}

/** Kafka's AclBindingFilter.matches: MATCH takes every pattern that applies to the named resource. */
export function filterMatches(f: AclBindingFilter, b: AclBinding): boolean {
  if (f.resourceType !== ResourceType.ANY && f.resourceType !== b.resourceType) return false;
  if (f.patternType === PatternType.MATCH) {
    if (!patternMatchesName(b.patternType, b.resourceName, f.resourceName!)) return false;
  } else {
    if (f.patternType !== PatternType.ANY && f.patternType !== b.patternType) return false;
    if (f.resourceName !== null && f.resourceName !== b.resourceName) return false;
  }
  if (f.principal !== null && f.principal !== b.principal) return false;
  if (f.host !== null && f.host !== b.host) return false;
  if (f.operation !== AclOperation.ANY && f.operation !== b.operation) return false;
  if (f.permissionType !== PermissionType.ANY && f.permissionType !== b.permissionType) return false;
  return true;
}

/** Operations an ALLOW of DESCRIBE or DESCRIBE_CONFIGS is implied by (Kafka's implicit allowed operations). */
const IMPLIED_BY: Readonly<Record<number, readonly number[]>> = {
  [AclOperation.DESCRIBE]: [AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE, AclOperation.ALTER],
  [AclOperation.DESCRIBE_CONFIGS]: [AclOperation.ALTER_CONFIGS],
};

/**
 * Whether an entry's operation covers the one asked: ALL covers every operation; an ALLOW also
 * covers what its operation implies (READ allows DESCRIBE), a DENY only its own operation, as in
 * Kafka (a DENY of READ does not deny DESCRIBE).
 */
export function operationCovers(entryOperation: number, permissionType: number, asked: number): boolean {
  if (entryOperation === AclOperation.ALL || entryOperation === asked) return true;
  return permissionType === PermissionType.ALLOW && (IMPLIED_BY[asked] ?? []).includes(entryOperation);
}
