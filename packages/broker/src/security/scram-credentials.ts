/**
 * SCRAM credentials (RFC 5802), kept durably in the data folder as Kafka keeps them in its
 * metadata: per user and mechanism the salt, the iteration count, StoredKey and ServerKey, never
 * the password nor the salted password. Changed by AlterUserScramCredentials (the `sluice user`
 * command, Kafka's kafka-configs --alter --add-config 'SCRAM-SHA-256=[...]'), each change written
 * (a DurableStateFile) before it is in force or acknowledged.
 *
 * File `scram-credentials`, format version 1: JSON { version: 1, users: { name: { mechanism:
 * { salt, iterations, storedKey, serverKey } } } }, the keys in base64 (version 0, without the
 * field, has the same layout).
 */
import { createHash, createHmac } from 'node:crypto';
import type { FileSystem } from '@sluice/storage';
import { type DurableStateFormat, DurableStateFile, unusableStateFile } from '../durable-state-file.ts';

export const SCRAM_MECHANISMS = { 'SCRAM-SHA-256': { code: 1, hash: 'sha256', minIterations: 4096 }, 'SCRAM-SHA-512': { code: 2, hash: 'sha512', minIterations: 4096 } } as const;
export type ScramMechanismName = keyof typeof SCRAM_MECHANISMS;
/** Kafka's upper bound on iterations. */
export const MAX_ITERATIONS = 16384;

export function scramMechanismByCode(code: number): ScramMechanismName | undefined {
  return (Object.keys(SCRAM_MECHANISMS) as ScramMechanismName[]).find((m) => SCRAM_MECHANISMS[m].code === code);
}

export interface ScramCredential {
  salt: Buffer;
  iterations: number;
  storedKey: Buffer;
  serverKey: Buffer;
}

/** StoredKey and ServerKey from a salted password (what a client sends in AlterUserScramCredentials). */
export function credentialFromSaltedPassword(mechanism: ScramMechanismName, salt: Buffer, iterations: number, saltedPassword: Buffer): ScramCredential {
  const hash = SCRAM_MECHANISMS[mechanism].hash;
  const clientKey = createHmac(hash, saltedPassword).update('Client Key').digest();
  return { salt, iterations, storedKey: createHash(hash).update(clientKey).digest(), serverKey: createHmac(hash, saltedPassword).update('Server Key').digest() };
}

type Credentials = ReadonlyMap<string, ReadonlyMap<ScramMechanismName, ScramCredential>>;

/**
 * A credential read from the file, checked field by field: one edited by hand into another shape
 * (iterations "4096", a key that is not a string) would fail every login of its user, or the
 * broker on the first one, with no word of why.
 */
function storedCredential(path: string, user: string, mechanism: string, c: unknown): ScramCredential {
  const fail = (why: string) => unusableStateFile(`${path} holds a ${mechanism} credential of the user ${user} that cannot be used: ${why}; correct or remove it in the file, or remove the file and add the SCRAM users again with sluice user add`);
  if (typeof c !== 'object' || c === null) throw fail('not an object');
  const { salt, iterations, storedKey, serverKey } = c as Record<string, unknown>;
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < 1) throw fail(`iterations ${JSON.stringify(iterations)} is not a whole number of at least 1`);
  for (const [field, value] of Object.entries({ salt, storedKey, serverKey })) if (typeof value !== 'string') throw fail(`${field} is not a base64 string`);
  return { salt: Buffer.from(salt as string, 'base64'), iterations, storedKey: Buffer.from(storedKey as string, 'base64'), serverKey: Buffer.from(serverKey as string, 'base64') };
}

const SCRAM_FORMAT: DurableStateFormat<Credentials> = {
  version: 1,
  startOver: 'remove it and add the SCRAM users again with sluice user add',
  empty: () => new Map(),
  decode(json, _version, path) {
    const users = new Map<string, Map<ScramMechanismName, ScramCredential>>();
    for (const [user, mechanisms] of Object.entries((json.users ?? {}) as Record<string, Record<string, unknown>>)) {
      const m = new Map<ScramMechanismName, ScramCredential>();
      for (const [name, c] of Object.entries(mechanisms)) {
        if (!(name in SCRAM_MECHANISMS)) continue;
        m.set(name as ScramMechanismName, storedCredential(path, user, name, c));
      }
      users.set(user, m);
    }
    return users;
  },
  encode(credentials) {
    // Built with fromEntries, not by assignment: a user named __proto__ must be a key like any other.
    const users = Object.fromEntries(
      [...credentials].map(([user, m]) => [
        user,
        Object.fromEntries([...m].map(([name, c]) => [name, { salt: c.salt.toString('base64'), iterations: c.iterations, storedKey: c.storedKey.toString('base64'), serverKey: c.serverKey.toString('base64') }])),
      ]),
    );
    return { users };
  },
};

export class ScramCredentialStore {
  private readonly file = new DurableStateFile(SCRAM_FORMAT);

  /** Made before the data folder is opened (the listeners' mechanisms hold it); open() reads it. */
  open(fs: FileSystem, path: string): Promise<void> {
    return this.file.open(fs, path);
  }

  get(user: string, mechanism: ScramMechanismName): ScramCredential | undefined {
    return this.file.value.get(user)?.get(mechanism);
  }

  /** Every user's mechanisms and iterations (DescribeUserScramCredentials). */
  describe(): Map<string, { mechanism: ScramMechanismName; iterations: number }[]> {
    return new Map([...this.file.value].map(([user, m]) => [user, [...m].map(([mechanism, c]) => ({ mechanism, iterations: c.iterations }))]));
  }

  has(user: string, mechanism: ScramMechanismName): boolean {
    return this.file.value.get(user)?.has(mechanism) ?? false;
  }

  /**
   * Applies upserts and deletions together, in force once they are on disk: they are made on a
   * copy that replaces the credentials only after the write, so a failed write leaves neither
   * the file nor logins changed. Calls run one after another, each on what the last one wrote.
   */
  async apply(upserts: { user: string; mechanism: ScramMechanismName; credential: ScramCredential }[], deletions: { user: string; mechanism: ScramMechanismName }[]): Promise<void> {
    await this.file.update((users) => {
      const next = new Map([...users].map(([user, m]) => [user, new Map(m)]));
      for (const d of deletions) {
        const m = next.get(d.user);
        m?.delete(d.mechanism);
        if (m?.size === 0) next.delete(d.user);
      }
      for (const u of upserts) {
        let m = next.get(u.user);
        if (m === undefined) next.set(u.user, (m = new Map()));
        m.set(u.mechanism, u.credential);
      }
      return { next, result: undefined };
    });
  }
}
