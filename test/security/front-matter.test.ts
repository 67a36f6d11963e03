/**
 * Front matter comes from untrusted documents: it is parsed as data and never run.
 */
import { strict as assert } from 'node:assert';
import { extractStage } from '../../indexer/stages/extract.js';
import { newJob, type Job } from '../../indexer/stages/stage.js';
import { inProcessContext } from '../support/in-process-pool.js';

// In this process, so that front matter that ran would be seen here (real runs extract in workers).
const ctx = inProcessContext();

function markdownJob(content: string): Job {
  const job = newJob({ path: '/corpus/x.md', relativePath: 'x.md', id: 'x-md', format: 'markdown', sidecarPath: null });
  job.data = Buffer.from(content, 'utf8');
  return job;
}

const globals = globalThis as { enteFrontMatterRan?: string };

describe('security: front matter is data', () => {
  afterEach(() => delete globals.enteFrontMatterRan);

  for (const language of ['js', 'javascript', 'coffee', 'JS']) {
    it(`refuses "---${language}" front matter without evaluating it`, async () => {
      const job = markdownJob(`---${language}\n{ title: (globalThis.enteFrontMatterRan = 'ran') }\n---\nbody\n`);
      const outcome = await extractStage.run(job, ctx);
      assert.equal(globals.enteFrontMatterRan, undefined, 'the front matter was evaluated');
      assert.equal(outcome?.stop, 'failed');
      assert.match(outcome.reason, /only YAML or JSON front matter/);
    });
  }

  it('keeps YAML tags that name code as inert text', async () => {
    const job = markdownJob(
      "---\ntitle: !!js/function 'function () { globalThis.enteFrontMatterRan = \"ran\" }'\nsummary: !!js/undefined ''\n---\nbody\n",
    );
    await extractStage.run(job, ctx);
    assert.equal(globals.enteFrontMatterRan, undefined);
    const title = job.extracted?.properties.title;
    assert.ok(title === undefined || typeof title === 'string', 'a tag must never produce a function');
  });

  it('caps YAML alias expansion (billion laughs) with a clear failure', async () => {
    const lines = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      lines.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    lines.push('title: *l', '---', 'body');
    const job = markdownJob(lines.join('\n'));
    const outcome = await extractStage.run(job, ctx);
    assert.equal(outcome?.stop, 'failed');
    assert.match(outcome.reason, /front matter/);
  });

  it('reads JSON front matter as data', async () => {
    const job = markdownJob('---json\n{"title": "A JSON title"}\n---\nbody\n');
    const outcome = await extractStage.run(job, ctx);
    assert.equal(outcome, undefined);
    assert.equal(job.extracted?.properties.title, 'A JSON title');
  });
});
