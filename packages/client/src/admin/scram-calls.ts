/**
 * The admin client's SCRAM user calls, as Kafka's Admin.describeUserScramCredentials and
 * alterUserScramCredentials: the password is salted here (PBKDF2, RFC 5802's Hi) with a random
 * salt, and only the salt, the iteration count and the salted password are sent.
 */
import { pbkdf2, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { Apis } from '@sluice/protocol';
import { brokerError } from '../errors.ts';
import type { CallOptions } from './admin-types.ts';
import type { AdminCallContext } from './group-calls.ts';

const pbkdf2Async = promisify(pbkdf2);

export type ScramMechanismName = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

const MECHANISMS: Record<ScramMechanismName, { code: number; hash: string; bytes: number }> = {
  'SCRAM-SHA-256': { code: 1, hash: 'sha256', bytes: 32 },
  'SCRAM-SHA-512': { code: 2, hash: 'sha512', bytes: 64 },
};

export interface UserScramCredentials {
  user: string;
  credentials: { mechanism: ScramMechanismName; iterations: number }[];
}

/** Add or replace (upsert) a user's password for a mechanism, or delete the user's credential for it. */
export type UserScramCredentialAlteration =
  | { user: string; mechanism: ScramMechanismName; password: string; /** Default 4096, the least Kafka accepts. */ iterations?: number }
  | { user: string; mechanism: ScramMechanismName; delete: true };

type ScramDeletion = { name: string; mechanism: number };
type ScramUpsertion = { name: string; mechanism: number; iterations: number; salt: Buffer; saltedPassword: Buffer };
/** One alteration as sent: a deletion or a salted upsertion. */
type ScramChange = { deletion: ScramDeletion } | { upsertion: ScramUpsertion };

export class ScramCalls {
  private readonly admin: AdminCallContext;

  constructor(admin: AdminCallContext) {
    this.admin = admin;
  }

  /** The users' SCRAM mechanisms and iteration counts; every user without `users`. */
  describeUserScramCredentials(users?: readonly string[], options: CallOptions = {}): Promise<UserScramCredentials[]> {
    return this.admin.retry('describing SCRAM users', options, async () => {
      const conn = await this.admin.cluster.anyConnection(options.signal);
      const res = await conn.request(Apis.DescribeUserScramCredentials, { users: users === undefined ? null : users.map((name) => ({ name })) }, { version: conn.requireVersion(Apis.DescribeUserScramCredentials), signal: options.signal });
      if (res.errorCode !== 0) throw brokerError(res.errorCode, 'DescribeUserScramCredentials', { message: res.errorMessage });
      return res.results.map((r) => {
        if (r.errorCode !== 0) throw brokerError(r.errorCode, `describing the SCRAM credentials of ${r.user}`, { message: r.errorMessage });
        const name = (code: number) => (Object.keys(MECHANISMS) as ScramMechanismName[]).find((m) => MECHANISMS[m].code === code)!;
        return { user: r.user, credentials: r.credentialInfos.map((c) => ({ mechanism: name(c.mechanism), iterations: c.iterations })) };
      });
    });
  }

  /** Applies the alterations; rejects with the first refusal (what earlier requests changed stays). */
  async alterUserScramCredentials(alterations: readonly UserScramCredentialAlteration[], options: CallOptions = {}): Promise<void> {
    // Each alteration in the order given: its deletion or its salted upsertion.
    const changes = await Promise.all(
      alterations.map(async (a): Promise<ScramChange> => {
        const m = MECHANISMS[a.mechanism];
        if ('delete' in a) return { deletion: { name: a.user, mechanism: m.code } };
        const iterations = a.iterations ?? 4096;
        const salt = randomBytes(32);
        const saltedPassword = await pbkdf2Async(a.password, salt, Math.max(1, iterations), m.bytes, m.hash);
        return { upsertion: { name: a.user, mechanism: m.code, iterations, salt, saltedPassword } };
      }),
    );
    // Kafka's controller takes one change per user and request (a second one, even of another
    // mechanism, is DUPLICATE_RESOURCE): a user's changes go in successive requests.
    for (const round of oncePerUser(changes)) {
      await this.admin.retry('altering SCRAM users', options, async () => {
        const conn = await this.admin.cluster.anyConnection(options.signal);
        const res = await conn.request(Apis.AlterUserScramCredentials, round, { version: conn.requireVersion(Apis.AlterUserScramCredentials), signal: options.signal });
        const failed = res.results.find((r) => r.errorCode !== 0);
        if (failed !== undefined) throw brokerError(failed.errorCode, `altering the SCRAM credentials of ${failed.user}`, { message: failed.errorMessage });
      });
    }
  }
}

/**
 * Splits the changes into requests that name each user at most once: a user's changes go in
 * successive requests in the order given (an upsertion then a deletion of one user ends deleted).
 */
function oncePerUser(changes: readonly ScramChange[]): { deletions: ScramDeletion[]; upsertions: ScramUpsertion[] }[] {
  const rounds: { deletions: ScramDeletion[]; upsertions: ScramUpsertion[]; users: Set<string> }[] = [];
  const roundFor = (user: string) => {
    // The first request without this user comes after every request holding its earlier changes.
    let round = rounds.find((r) => !r.users.has(user));
    if (round === undefined) rounds.push((round = { deletions: [], upsertions: [], users: new Set() }));
    round.users.add(user);
    return round;
  };
  for (const change of changes) {
    if ('deletion' in change) roundFor(change.deletion.name).deletions.push(change.deletion);
    else roundFor(change.upsertion.name).upsertions.push(change.upsertion);
  }
  return rounds.map(({ deletions, upsertions }) => ({ deletions, upsertions }));
}
