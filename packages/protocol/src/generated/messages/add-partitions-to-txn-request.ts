// Generated from Kafka's clients/AddPartitionsToTxnRequest.json by packages/protocol/generator. Do not edit.
// request 24, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, unsupportedField, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface AddPartitionsToTxnRequest {
  transactions: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction[]; // versions 4+
  v3AndBelowTransactionalId: string; // versions 0-3
  v3AndBelowProducerId: bigint; // versions 0-3
  v3AndBelowProducerEpoch: number; // versions 0-3
  v3AndBelowTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[]; // versions 0-3
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestInput {
  transactions?: readonly AddPartitionsToTxnRequestAddPartitionsToTxnTransactionInput[]; // versions 4+
  v3AndBelowTransactionalId?: string; // versions 0-3
  v3AndBelowProducerId?: bigint; // versions 0-3
  v3AndBelowProducerEpoch?: number; // versions 0-3
  v3AndBelowTopics?: readonly AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput[]; // versions 0-3
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  transactionalId: string; // versions 4+
  producerId: bigint; // versions 4+
  producerEpoch: number; // versions 4+
  verifyOnly: boolean; // versions 4+
  topics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTransactionInput {
  transactionalId: string; // versions 4+
  producerId: bigint; // versions 4+
  producerEpoch: number; // versions 4+
  verifyOnly?: boolean; // versions 4+
  topics: readonly AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  name: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput {
  name: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnRequest(): AddPartitionsToTxnRequest {
  return { transactions: [], v3AndBelowTransactionalId: "", v3AndBelowProducerId: 0n, v3AndBelowProducerEpoch: 0, v3AndBelowTopics: [] };
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  return { transactionalId: "", producerId: 0n, producerEpoch: 0, verifyOnly: false, topics: [] };
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTopic(): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  return { name: "", partitions: [] };
}

function writeAddPartitionsToTxnRequest(w: Writer, v: AddPartitionsToTxnRequestInput, version: number): void {
  const v_transactions = v.transactions === undefined ? [] : v.transactions;
  if (version >= 4) {
    writeArray(w, true, nonNull(v_transactions, "AddPartitionsToTxnRequest", "transactions", version), (ew, e) => writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(ew, e, version));
  } else if (v.transactions !== undefined && (v.transactions === null || v.transactions.length > 0)) {
    unsupportedField("AddPartitionsToTxnRequest", "transactions", version);
  }
  const v_v3AndBelowTransactionalId = v.v3AndBelowTransactionalId === undefined ? "" : v.v3AndBelowTransactionalId;
  if (version <= 3) {
    if (version >= 3) w.compactString(nonNull(v_v3AndBelowTransactionalId, "AddPartitionsToTxnRequest", "v3AndBelowTransactionalId", version));
    else w.string(nonNull(v_v3AndBelowTransactionalId, "AddPartitionsToTxnRequest", "v3AndBelowTransactionalId", version));
  } else if (v.v3AndBelowTransactionalId !== undefined && v.v3AndBelowTransactionalId !== "") {
    unsupportedField("AddPartitionsToTxnRequest", "v3AndBelowTransactionalId", version);
  }
  const v_v3AndBelowProducerId = v.v3AndBelowProducerId === undefined ? 0n : v.v3AndBelowProducerId;
  if (version <= 3) {
    w.int64(v_v3AndBelowProducerId);
  } else if (v.v3AndBelowProducerId !== undefined && v.v3AndBelowProducerId !== 0n) {
    unsupportedField("AddPartitionsToTxnRequest", "v3AndBelowProducerId", version);
  }
  const v_v3AndBelowProducerEpoch = v.v3AndBelowProducerEpoch === undefined ? 0 : v.v3AndBelowProducerEpoch;
  if (version <= 3) {
    w.int16(v_v3AndBelowProducerEpoch);
  } else if (v.v3AndBelowProducerEpoch !== undefined && v.v3AndBelowProducerEpoch !== 0) {
    unsupportedField("AddPartitionsToTxnRequest", "v3AndBelowProducerEpoch", version);
  }
  const v_v3AndBelowTopics = v.v3AndBelowTopics === undefined ? [] : v.v3AndBelowTopics;
  if (version <= 3) {
    writeArray(w, version >= 3, nonNull(v_v3AndBelowTopics, "AddPartitionsToTxnRequest", "v3AndBelowTopics", version), (ew, e) => writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(ew, e, version));
  } else if (v.v3AndBelowTopics !== undefined && (v.v3AndBelowTopics === null || v.v3AndBelowTopics.length > 0)) {
    unsupportedField("AddPartitionsToTxnRequest", "v3AndBelowTopics", version);
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAddPartitionsToTxnRequest(r: Reader, version: number): AddPartitionsToTxnRequest {
  const f_transactions: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction[] = version >= 4 ? readArray(r, true, 1, (er) => readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(er, version)) : [];
  const f_v3AndBelowTransactionalId: string = version <= 3 ? (version >= 3 ? r.compactString() : r.string()) : "";
  const f_v3AndBelowProducerId: bigint = version <= 3 ? r.int64() : 0n;
  const f_v3AndBelowProducerEpoch: number = version <= 3 ? r.int16() : 0;
  const f_v3AndBelowTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[] = version <= 3 ? readArray(r, version >= 3, 2, (er) => readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: AddPartitionsToTxnRequest = { transactions: f_transactions, v3AndBelowTransactionalId: f_v3AndBelowTransactionalId, v3AndBelowProducerId: f_v3AndBelowProducerId, v3AndBelowProducerEpoch: f_v3AndBelowProducerEpoch, v3AndBelowTopics: f_v3AndBelowTopics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(w: Writer, v: AddPartitionsToTxnRequestAddPartitionsToTxnTransactionInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  w.compactString(nonNull(v_transactionalId, "AddPartitionsToTxnRequest", "transactionalId", version));
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  const v_verifyOnly = v.verifyOnly === undefined ? false : v.verifyOnly;
  w.bool(v_verifyOnly);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "AddPartitionsToTxnRequest", "topics", version), (ew, e) => writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(r: Reader, version: number): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  const f_transactionalId: string = r.compactString();
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int16();
  const f_verifyOnly: boolean = r.bool();
  const f_topics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[] = readArray(r, true, 2, (er) => readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction = { transactionalId: f_transactionalId, producerId: f_producerId, producerEpoch: f_producerEpoch, verifyOnly: f_verifyOnly, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w: Writer, v: AddPartitionsToTxnRequestAddPartitionsToTxnTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 3) w.compactString(nonNull(v_name, "AddPartitionsToTxnRequest", "name", version));
  else w.string(nonNull(v_name, "AddPartitionsToTxnRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 3, nonNull(v_partitions, "AddPartitionsToTxnRequest", "partitions", version), writeInt32);
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r: Reader, version: number): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  const f_name: string = (version >= 3 ? r.compactString() : r.string());
  const f_partitions: number[] = readArray(r, version >= 3, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: AddPartitionsToTxnRequestAddPartitionsToTxnTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAddPartitionsToTxnRequest(w: Writer, value: AddPartitionsToTxnRequestInput, version: number): void {
  checkVersion("AddPartitionsToTxnRequest", version, 0, 5);
  writeAddPartitionsToTxnRequest(w, value, version);
}

export function decodeAddPartitionsToTxnRequest(r: Reader, version: number): AddPartitionsToTxnRequest {
  if (version < 0 || version > 5) r.fail(`AddPartitionsToTxnRequest has no version ${version}`);
  return readAddPartitionsToTxnRequest(r, version);
}
