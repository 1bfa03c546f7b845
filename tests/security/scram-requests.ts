// AlterUserScramCredentials as a client sends it: a random salt and the password salted with
// PBKDF2 (RFC 5802's Hi), never the password itself.
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { Apis } from '@sluice/protocol';
import type { RawConnection } from '@sluice/test-kit';

export function scramUpsertion(name: string, algorithm: 'SHA-256' | 'SHA-512', password: string, iterations = 4096) {
  const salt = randomBytes(16);
  const hash = algorithm === 'SHA-256' ? 'sha256' : 'sha512';
  const saltedPassword = pbkdf2Sync(password, salt, Math.max(1, iterations), algorithm === 'SHA-256' ? 32 : 64, hash);
  return { name, mechanism: algorithm === 'SHA-256' ? 1 : 2, iterations, salt, saltedPassword };
}

export function alterScram(c: RawConnection, body: { upsertions: ReturnType<typeof scramUpsertion>[]; deletions: { name: string; mechanism: number }[] }) {
  return c.request(Apis.AlterUserScramCredentials, 0, body);
}
