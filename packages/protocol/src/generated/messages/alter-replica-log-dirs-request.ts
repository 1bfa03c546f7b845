// Generated from Kafka's clients/AlterReplicaLogDirsRequest.json by packages/protocol/generator. Do not edit.
// request 34, versions 1-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface AlterReplicaLogDirsRequest {
  dirs: AlterReplicaLogDirsRequestAlterReplicaLogDir[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestInput {
  dirs: readonly AlterReplicaLogDirsRequestAlterReplicaLogDirInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDir {
  path: string; // versions 0+
  topics: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirInput {
  path: string; // versions 0+
  topics: readonly AlterReplicaLogDirsRequestAlterReplicaLogDirTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  name: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirTopicInput {
  name: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsRequest(): AlterReplicaLogDirsRequest {
  return { dirs: [] };
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDir(): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  return { path: "", topics: [] };
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  return { name: "", partitions: [] };
}

function writeAlterReplicaLogDirsRequest(w: Writer, v: AlterReplicaLogDirsRequestInput, version: number): void {
  const v_dirs = v.dirs === undefined ? [] : v.dirs;
  writeArray(w, version >= 2, nonNull(v_dirs, "AlterReplicaLogDirsRequest", "dirs", version), (ew, e) => writeAlterReplicaLogDirsRequestAlterReplicaLogDir(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterReplicaLogDirsRequest(r: Reader, version: number): AlterReplicaLogDirsRequest {
  const f_dirs: AlterReplicaLogDirsRequestAlterReplicaLogDir[] = readArray(r, version >= 2, 2, (er) => readAlterReplicaLogDirsRequestAlterReplicaLogDir(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterReplicaLogDirsRequest = { dirs: f_dirs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterReplicaLogDirsRequestAlterReplicaLogDir(w: Writer, v: AlterReplicaLogDirsRequestAlterReplicaLogDirInput, version: number): void {
  const v_path = v.path === undefined ? "" : v.path;
  if (version >= 2) w.compactString(nonNull(v_path, "AlterReplicaLogDirsRequest", "path", version));
  else w.string(nonNull(v_path, "AlterReplicaLogDirsRequest", "path", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 2, nonNull(v_topics, "AlterReplicaLogDirsRequest", "topics", version), (ew, e) => writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterReplicaLogDirsRequestAlterReplicaLogDir(r: Reader, version: number): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  const f_path: string = (version >= 2 ? r.compactString() : r.string());
  const f_topics: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic[] = readArray(r, version >= 2, 2, (er) => readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterReplicaLogDirsRequestAlterReplicaLogDir = { path: f_path, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(w: Writer, v: AlterReplicaLogDirsRequestAlterReplicaLogDirTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 2) w.compactString(nonNull(v_name, "AlterReplicaLogDirsRequest", "name", version));
  else w.string(nonNull(v_name, "AlterReplicaLogDirsRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 2, nonNull(v_partitions, "AlterReplicaLogDirsRequest", "partitions", version), writeInt32);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(r: Reader, version: number): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  const f_name: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitions: number[] = readArray(r, version >= 2, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterReplicaLogDirsRequest(w: Writer, value: AlterReplicaLogDirsRequestInput, version: number): void {
  checkVersion("AlterReplicaLogDirsRequest", version, 1, 2);
  writeAlterReplicaLogDirsRequest(w, value, version);
}

export function decodeAlterReplicaLogDirsRequest(r: Reader, version: number): AlterReplicaLogDirsRequest {
  if (version < 1 || version > 2) r.fail(`AlterReplicaLogDirsRequest has no version ${version}`);
  return readAlterReplicaLogDirsRequest(r, version);
}
