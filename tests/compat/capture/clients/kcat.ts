// kcat with Debian's librdkafka (`apt-get install -y kcat`).
import { KCAT_HEADERS, KCAT_RECORDS } from '../records.ts';
import { run } from '@sluice/test-kit';
import { CODECS, type CaptureClient, type Scenario } from './types.ts';

const lines = KCAT_RECORDS.map((r) => (r.key === null ? r.value : `${r.key}:${r.value}`)).join('\n') + '\n';
const headerArgs = KCAT_HEADERS.flatMap(([k, v]) => ['-H', `${k}=${v}`]);

const produce = (codec: string): Scenario => ({
  name: `produce-${codec}`,
  produces: { topic: `kcat-${codec}`, codec, records: KCAT_RECORDS },
  run: async (ctx) => {
    await run('kcat', ['-b', ctx.bootstrap, '-P', '-t', `kcat-${codec}`, '-p', '0', '-z', codec, '-K', ':', ...headerArgs, '-X', 'linger.ms=100'], { input: lines });
  },
});

export const kcat: CaptureClient = {
  name: 'kcat',
  prepare: async () => {
    let v: string;
    try {
      v = await run('kcat', ['-V']);
    } catch {
      throw new Error('kcat is not installed: `apt-get install -y kcat` (Debian/Ubuntu)');
    }
    const m = /Version (\S+) \(.*librdkafka (\S+)/.exec(v.replace(/\n/g, ' '));
    return m ? `kcat ${m[1]}, librdkafka ${m[2]} (Debian package)` : v.trim();
  },
  scenarios: [
    { name: 'metadata', run: async (ctx) => void (await run('kcat', ['-b', ctx.bootstrap, '-L'])) },
    ...CODECS.map(produce),
    {
      name: 'consume',
      run: async (ctx) => {
        const out = await run('kcat', ['-b', ctx.bootstrap, '-C', '-t', 'kcat-snappy', '-p', '0', '-o', 'beginning', '-e', '-f', '%k=%s\n']);
        if (out.split('\n').filter((l) => l.startsWith('key-') || l.startsWith('=')).length < KCAT_RECORDS.length) {
          throw new Error(`kcat consumed too little:\n${out}`);
        }
      },
    },
    {
      name: 'consume-group',
      run: async (ctx) => {
        await run('kcat', ['-b', ctx.bootstrap, '-G', 'kcat-capture-group', '-X', 'auto.offset.reset=earliest', '-e', '-f', '%t %k=%s\n', 'kcat-gzip', 'kcat-zstd'], { timeoutMs: 60_000 });
      },
    },
  ],
};
