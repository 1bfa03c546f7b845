// The generator's zip reader against archives written by an independent writer (Python's
// zipfile module): stored and deflated entries, a comment after the central directory, a name
// filter, and clear errors for damaged archives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZipBuffer, readZipEntries, ZipFormatError } from '../generator/zip.ts';

// Seeded, so the deflated entry is the same every run and compressible but not trivially so.
function seededText(length: number, seed: number): string {
  let x = seed;
  let out = '';
  while (out.length < length) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += ['alpha ', 'beta ', 'gamma\n', '{"k": 1}\n', 'é∑ '][x % 5];
  }
  return out;
}

const CONTENTS: Record<string, string> = {
  'common/message/FetchRequest.json': seededText(50_000, 1),
  'common/message/Stored.json': '{"stored": true}\n',
  'META-INF/MANIFEST.MF': 'Manifest-Version: 1.0\n',
  'common/message/empty.json': '',
};

function writeWithPython(dir: string): string {
  const path = join(dir, 'made-by-python.jar');
  const script = [
    'import json, sys, zipfile',
    'contents = json.load(sys.stdin)',
    "with zipfile.ZipFile(sys.argv[1], 'w') as z:",
    "    z.comment = b'written by the Sluice zip test'",
    '    for name, text in contents.items():',
    "        method = zipfile.ZIP_STORED if 'Stored' in name else zipfile.ZIP_DEFLATED",
    "        z.writestr(name, text.encode('utf-8'), compress_type=method)",
  ].join('\n');
  execFileSync('python3', ['-c', script, path], { input: JSON.stringify(CONTENTS) });
  return path;
}

test('reads stored and deflated entries written by Python, keeping only the wanted ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-zip-'));
  try {
    const entries = readZipEntries(writeWithPython(dir), (name) => name.startsWith('common/message/'));
    assert.deepEqual(
      entries.map((e) => e.name),
      ['common/message/FetchRequest.json', 'common/message/Stored.json', 'common/message/empty.json'],
    );
    for (const e of entries) assert.equal(e.data.toString('utf8'), CONTENTS[e.name], e.name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged or truncated archive is refused with its problem named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-zip-'));
  try {
    const zip = readFileSync(writeWithPython(dir));
    const all = () => true;
    assert.throws(() => readZipBuffer(zip.subarray(0, zip.length - 100), all), ZipFormatError);
    assert.throws(() => readZipBuffer(Buffer.from('not a zip at all'), all), /no end of central directory/);
    // Flip one byte inside the deflated entry's data: the inflater or the CRC-32 check must notice.
    const damaged = Buffer.from(zip);
    const at = zip.indexOf('common/message/FetchRequest.json') + 'common/message/FetchRequest.json'.length + 200;
    damaged[at] ^= 0x55;
    assert.throws(() => readZipBuffer(damaged, (n) => n.endsWith('FetchRequest.json')), /FetchRequest\.json (cannot be inflated|fails its size or CRC-32 check)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
