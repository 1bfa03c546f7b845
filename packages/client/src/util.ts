/** Small helpers shared by the client: waiting, backoff, deferred promises. */
import { abortError } from './errors.ts';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Resolves after `ms`, or rejects with ABORTED when the signal fires first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal, 'waiting'));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal, 'waiting'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Exponential backoff with ±20% jitter, as Kafka's clients compute it
 * (`retry.backoff.ms` doubling up to `retry.backoff.max.ms`).
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const jitter = 0.8 + Math.random() * 0.4;
  return Math.max(0, Math.round(Math.min(maxMs, exp) * jitter));
}

/**
 * Waits until `promise` settles (its outcome is left to its owner), `ms` pass, or `signal` aborts
 * (rejecting). The timer and the listener go as soon as one of them wins: a timer left behind
 * keeps the process alive for the rest of its time after everything else has closed.
 */
export function settledOrTimeout(promise: Promise<unknown>, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal, 'waiting'));
  return new Promise((resolve, reject) => {
    const finish = (abort: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (abort) reject(abortError(signal!, 'waiting'));
      else resolve();
    };
    const onAbort = () => finish(true);
    const timer = setTimeout(() => finish(false), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => finish(false),
      () => finish(false),
    );
  });
}

/** Races a promise against an AbortSignal; the promise keeps running if the signal wins. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined, what: string): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError(signal, what));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal, what));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Groups items by a key into a Map of arrays, keeping their order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function toBuffer(v: Buffer | string | Uint8Array | null | undefined): Buffer | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (Buffer.isBuffer(v)) return v;
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** Parses `host:port`, `[v6]:port` or a bare host (port 9092). */
export function parseHostPort(s: string): { host: string; port: number } {
  const t = s.trim();
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  if (v6) return { host: v6[1], port: v6[2] ? Number(v6[2]) : 9092 };
  const i = t.lastIndexOf(':');
  if (i < 0) return { host: t, port: 9092 };
  const port = Number(t.slice(i + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new RangeError(`bad port in bootstrap server '${s}'`);
  return { host: t.slice(0, i), port };
}
