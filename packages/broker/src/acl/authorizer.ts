/**
 * The ACL authorizer, with the rules of Kafka's StandardAuthorizer: a super user may do anything;
 * otherwise the ACLs whose pattern applies to the resource (a literal name, the literal *, a
 * prefix) and whose principal (or User:*) and host (or *) match the caller decide: any DENY
 * covering the operation refuses, else any ALLOW covering it (with Kafka's implications) allows,
 * else it is refused. A resource without any ACL at all is allowed only with
 * allow.everyone.if.no.acl.found=true.
 *
 * ACLs are kept durably in the data folder, as Kafka keeps them in its metadata log: state file
 * `acls`, format version 1, JSON { version: 1, acls: [AclBinding...] } (version 0, without the
 * field, has the same layout), a DurableStateFile: written whole before CreateAcls or DeleteAcls
 * is answered, a newer version refused, not guessed at.
 */
import type { FileSystem } from '@sluice/storage';
import { type DurableStateFormat, DurableStateFile, unusableStateFile } from '../durable-state-file.ts';
import { type AclBinding, type AclBindingFilter, PermissionType, WILDCARD, WILDCARD_PRINCIPAL, filterMatches, invalidBinding, operationCovers, patternMatchesName } from './model.ts';

const ACLS_FORMAT: DurableStateFormat<readonly AclBinding[]> = {
  version: 1,
  startOver: 'remove it and create the ACLs again (kafka-acls --add)',
  empty: () => [],
  decode(json, _version, path) {
    if (!Array.isArray(json.acls)) throw unusableStateFile(`${path} has no acls list; restore it from a backup, or remove it and create the ACLs again`);
    return json.acls.map((acl, i) => storedBinding(path, i, acl));
  },
  encode: (acls) => ({ acls }),
};

/** Kafka's class name that turns ACLs on (authorizer.class.name); empty leaves every request allowed. */
export const STANDARD_AUTHORIZER_CLASS = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';

export interface AuthorizerSettings {
  /** Principals allowed everything (super.users: User:alice;User:bob). */
  readonly superUsers: readonly string[];
  readonly allowEveryoneIfNoAclFound: boolean;
}

export interface AuthorizeRequest {
  readonly principal: string;
  readonly host: string;
  readonly operation: number;
  readonly resourceType: number;
  readonly resourceName: string;
}

const sameBinding = (a: AclBinding, b: AclBinding) =>
  a.resourceType === b.resourceType && a.resourceName === b.resourceName && a.patternType === b.patternType && a.principal === b.principal &&
  a.host === b.host && a.operation === b.operation && a.permissionType === b.permissionType;

/** super.users as Kafka reads it: principals separated by semicolons. */
export function parseSuperUsers(value: string | null): string[] {
  return (value ?? '').split(';').map((p) => p.trim()).filter((p) => p !== '');
}

export class AclAuthorizer {
  private readonly file = new DurableStateFile(ACLS_FORMAT);

  private readonly settings: AuthorizerSettings;

  constructor(settings: AuthorizerSettings) {
    this.settings = settings;
  }

  open(fs: FileSystem, path: string): Promise<void> {
    return this.file.open(fs, path);
  }

  authorize(r: AuthorizeRequest): boolean {
    if (this.settings.superUsers.includes(r.principal)) return true;
    let resourceHasAcls = false;
    let allowed = false;
    for (const acl of this.file.value) {
      if (acl.resourceType !== r.resourceType || !patternMatchesName(acl.patternType, acl.resourceName, r.resourceName)) continue;
      resourceHasAcls = true;
      if (acl.principal !== r.principal && !(acl.principal === WILDCARD_PRINCIPAL && r.principal.startsWith('User:'))) continue;
      if (acl.host !== WILDCARD && acl.host !== r.host) continue;
      if (!operationCovers(acl.operation, acl.permissionType, r.operation)) continue;
      if (acl.permissionType === PermissionType.DENY) return false;
      allowed = true;
    }
    return allowed || (!resourceHasAcls && this.settings.allowEveryoneIfNoAclFound);
  }

  describe(filter: AclBindingFilter): AclBinding[] {
    return this.file.value.filter((acl) => filterMatches(filter, acl));
  }

  /**
   * Adds the bindings not stored yet (creating one twice is not an error), in force once on
   * disk: the change is made on a copy that replaces the ACLs only after the write, so a failed
   * write neither authorizes nor is acknowledged. Changes run one after another.
   */
  async create(bindings: readonly AclBinding[]): Promise<void> {
    await this.change((acls) => {
      const next = [...acls];
      for (const b of bindings) if (!next.some((a) => sameBinding(a, b))) next.push({ ...b });
      return { next, result: undefined };
    });
  }

  /** Removes what each filter matches, in force once on disk (as create), with each filter's removed bindings. */
  async delete(filters: readonly AclBindingFilter[]): Promise<AclBinding[][]> {
    return this.change((acls) => {
      const removed = filters.map((f) => acls.filter((a) => filterMatches(f, a)));
      const gone = new Set(removed.flat());
      return { next: acls.filter((a) => !gone.has(a)), result: removed };
    });
  }

  /** Runs `make` on the ACLs the last change left, writes its result, and only then puts it in force. */
  private change<T>(make: (acls: readonly AclBinding[]) => { next: AclBinding[]; result: T }): Promise<T> {
    return this.file.update(make);
  }
}

const BINDING_FIELDS = { resourceType: 'number', resourceName: 'string', patternType: 'number', principal: 'string', host: 'string', operation: 'number', permissionType: 'number' } as const;

/**
 * An ACL read from the file, checked as a creation is: one edited by hand into something else (an
 * operation "READ" for 3, a field missing) would match no request, so a DENY would silently deny
 * nothing.
 */
function storedBinding(path: string, index: number, acl: unknown): AclBinding {
  const fail = (why: string) => new Error(`${path} holds an ACL that cannot be used (entry ${index}, ${JSON.stringify(acl)}): ${why}; correct or remove it in the file, or remove the file and create the ACLs again (kafka-acls --add)`);
  if (typeof acl !== 'object' || acl === null) throw fail('not an object');
  for (const [field, type] of Object.entries(BINDING_FIELDS)) {
    const value = (acl as Record<string, unknown>)[field];
    if (typeof value !== type || (type === 'number' && !Number.isInteger(value))) throw fail(`${field} is not ${type === 'number' ? 'a whole number' : 'a string'}`);
  }
  const binding = acl as AclBinding;
  const reason = invalidBinding(binding);
  if (reason !== undefined) throw fail(reason);
  return binding;
}
