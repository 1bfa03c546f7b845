// Generated from Kafka's transaction-coordinator/TransactionLogKey.json by packages/protocol/generator. Do not edit.
// coordinator-key 0, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface TransactionLogKey {
  transactionalId: string; // versions 0
}

export interface TransactionLogKeyInput {
  transactionalId: string; // versions 0
}

export function defaultTransactionLogKey(): TransactionLogKey {
  return { transactionalId: "" };
}

function writeTransactionLogKey(w: Writer, v: TransactionLogKeyInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  w.string(nonNull(v_transactionalId, "TransactionLogKey", "transactionalId", version));
}

function readTransactionLogKey(r: Reader, version: number): TransactionLogKey {
  const f_transactionalId: string = r.string();
  return { transactionalId: f_transactionalId };
}

export function encodeTransactionLogKey(w: Writer, value: TransactionLogKeyInput, version: number): void {
  checkVersion("TransactionLogKey", version, 0, 0);
  writeTransactionLogKey(w, value, version);
}

export function decodeTransactionLogKey(r: Reader, version: number): TransactionLogKey {
  if (version < 0 || version > 0) r.fail(`TransactionLogKey has no version ${version}`);
  return readTransactionLogKey(r, version);
}
