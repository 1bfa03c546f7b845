// The coordinator's real-time timer: a callback that throws is logged with its key and goes no
// further; the process and the other timers carry on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SystemTimer } from '../../src/groups/timer.ts';

// The timer's own timeouts do not hold the process open (a broker's timers must not keep it
// alive); this does, while a test waits for them.
function keepAlive(t: { after(fn: () => void): void }): void {
  const handle = setInterval(() => {}, 1000);
  t.after(() => clearInterval(handle));
}

test('a timer callback that throws is logged with its key, and later timers still fire', async (t) => {
  keepAlive(t);
  const logged: { message: string; error: unknown }[] = [];
  let loggedOne!: () => void;
  const wasLogged = new Promise<void>((r) => (loggedOne = r));
  const timer = new SystemTimer({
    error(message, error) {
      logged.push({ message, error });
      loggedOne();
    },
  });
  timer.schedule('join g', 0, () => {
    throw new Error('group g cannot go from Empty to Empty');
  });
  await wasLogged;
  assert.equal(logged.length, 1);
  assert.match(logged[0].message, /^timer join g failed$/);
  assert.match(String(logged[0].error), /cannot go from Empty to Empty/);
  const fired = await new Promise<string>((resolve) => timer.schedule('heartbeat g m', 0, () => resolve('fired')));
  assert.equal(fired, 'fired');
  timer.cancelAll();
});

test('a log that throws does not let the error escape either', async (t) => {
  keepAlive(t);
  const timer = new SystemTimer({
    error() {
      throw new Error('log broken');
    },
  });
  timer.schedule('sync g', 0, () => {
    throw new Error('boom');
  });
  // Had anything escaped, this process would have ended with an uncaught exception.
  assert.equal(await new Promise<string>((resolve) => timer.schedule('sync h', 0, () => resolve('still running'))), 'still running');
});
