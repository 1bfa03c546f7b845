// Generated from Kafka's clients/ControlRecordTypeSchema.json by packages/protocol/generator. Do not edit.
// data, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface ControlRecordTypeSchema {
  type: number; // versions 0+
}

export interface ControlRecordTypeSchemaInput {
  type: number; // versions 0+
}

export function defaultControlRecordTypeSchema(): ControlRecordTypeSchema {
  return { type: 0 };
}

function writeControlRecordTypeSchema(w: Writer, v: ControlRecordTypeSchemaInput, version: number): void {
  const v_type = v.type === undefined ? 0 : v.type;
  w.int16(v_type);
}

function readControlRecordTypeSchema(r: Reader, version: number): ControlRecordTypeSchema {
  const f_type: number = r.int16();
  return { type: f_type };
}

export function encodeControlRecordTypeSchema(w: Writer, value: ControlRecordTypeSchemaInput, version: number): void {
  checkVersion("ControlRecordTypeSchema", version, 0, 0);
  writeControlRecordTypeSchema(w, value, version);
}

export function decodeControlRecordTypeSchema(r: Reader, version: number): ControlRecordTypeSchema {
  if (version < 0 || version > 0) r.fail(`ControlRecordTypeSchema has no version ${version}`);
  return readControlRecordTypeSchema(r, version);
}
