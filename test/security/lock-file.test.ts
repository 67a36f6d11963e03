/**
 * data/meili.lock may be stale, its pids reused by unrelated processes: start-up signals
 * a pid only once /proc shows it is a Meilisearch on this database, and a wait that
 * times out names the lock file.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureEngine, type Engine } from '../../indexer/engine/engine.js';
import { alive } from '../support/app.js';
import { tempDir } from '../support/engine.js';

describe('security: a stale Meilisearch lock file is not trusted blindly', function () {
  this.timeout(60_000);
  const children: ChildProcess[] = [];
  const engines: Engine[] = [];
  const dirs: string[] = [];

  before(function () {
    if (process.env.MEILI_URL) this.skip(); // needs the bundled engine
  });
  after(async () => {
    for (const engine of engines) await engine.stop();
    for (const child of children) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  function bystander(command: string, args: string[]): number {
    const child = spawn(command, args, { stdio: 'ignore' });
    children.push(child);
    assert.ok(child.pid);
    return child.pid;
  }

  it('never signals an unrelated live process named in the lock, and starts its own engine', async () => {
    const dataDir = tempDir('stale-lock');
    dirs.push(dataDir);
    const pid = bystander('sleep', ['120']);
    writeFileSync(join(dataDir, 'meili.lock'), JSON.stringify({ pid, url: 'http://127.0.0.1:1', enginePid: pid }));
    const lines: string[] = [];
    const started = Date.now();
    const engine = await ensureEngine({ dataDir, port: 7950, log: (line) => lines.push(line) });
    engines.push(engine);
    assert.ok(engine.managed, 'a fresh engine was started');
    assert.ok(Date.now() - started < 15_000, 'start-up did not wait out the timeout');
    assert.ok(alive(pid), 'the unrelated process was signalled');
    assert.ok(!lines.some((line) => line.startsWith('Stopping an orphaned')), lines.join('\n'));
    assert.ok(lines.some((line) => line.includes('leaving that process alone')), lines.join('\n'));
  });

  it('names the lock file when the engine it names never answers', async () => {
    const dataDir = tempDir('stuck-lock');
    dirs.push(dataDir);
    // A live Node process, as an owner still starting its engine would be.
    const pid = bystander(process.execPath, ['-e', 'setTimeout(() => {}, 120000)']);
    const lockFile = join(dataDir, 'meili.lock');
    writeFileSync(lockFile, JSON.stringify({ pid, url: '' }));
    await assert.rejects(ensureEngine({ dataDir, startTimeoutMs: 1_000 }), (err: Error) => {
      assert.ok(err.message.includes(lockFile), err.message);
      assert.match(err.message, /delete .*meili\.lock/);
      return true;
    });
    assert.ok(alive(pid));
  });
});
