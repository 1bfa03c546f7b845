// Generated from Kafka's clients/DefaultPrincipalData.json by packages/protocol/generator. Do not edit.
// data, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface DefaultPrincipalData {
  type: string; // versions 0+
  name: string; // versions 0+
  tokenAuthenticated: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DefaultPrincipalDataInput {
  type: string; // versions 0+
  name: string; // versions 0+
  tokenAuthenticated: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDefaultPrincipalData(): DefaultPrincipalData {
  return { type: "", name: "", tokenAuthenticated: false };
}

function writeDefaultPrincipalData(w: Writer, v: DefaultPrincipalDataInput, version: number): void {
  const v_type = v.type === undefined ? "" : v.type;
  w.compactString(nonNull(v_type, "DefaultPrincipalData", "type", version));
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "DefaultPrincipalData", "name", version));
  const v_tokenAuthenticated = v.tokenAuthenticated === undefined ? false : v.tokenAuthenticated;
  w.bool(v_tokenAuthenticated);
  w.taggedFields(v._unknownTaggedFields);
}

function readDefaultPrincipalData(r: Reader, version: number): DefaultPrincipalData {
  const f_type: string = r.compactString();
  const f_name: string = r.compactString();
  const f_tokenAuthenticated: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: DefaultPrincipalData = { type: f_type, name: f_name, tokenAuthenticated: f_tokenAuthenticated };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDefaultPrincipalData(w: Writer, value: DefaultPrincipalDataInput, version: number): void {
  checkVersion("DefaultPrincipalData", version, 0, 0);
  writeDefaultPrincipalData(w, value, version);
}

export function decodeDefaultPrincipalData(r: Reader, version: number): DefaultPrincipalData {
  if (version < 0 || version > 0) r.fail(`DefaultPrincipalData has no version ${version}`);
  return readDefaultPrincipalData(r, version);
}
