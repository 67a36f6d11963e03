/**
 * The indexer writes a batch in requests of bounded size (one request of 20,000
 * passages held a 15 MiB body three times over in the indexer's memory), and still
 * writes a document's record only once all its passages are in. A busy engine's
 * "408 Request Timeout" is asked again rather than ending the run.
 */
import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Meilisearch } from 'meilisearch';
import { request } from 'undici';
import type { DocumentRecord, PassageRecord } from '../../contract/document.js';
import { documentSettings, passageSettings } from '../../contract/settings.js';
import { IndexStore, IndexWriteError } from '../../indexer/store.js';
import { adminClient, testEngine, testPrefix } from '../support/engine.js';

function records(docId: string, count: number): { document: DocumentRecord; passages: PassageRecord[] } {
  const passages = Array.from({ length: count }, (_, i) => ({ id: `${docId}_${i}`, docId, ordinal: i, page: 1, text: `Passage ${i} on joint procurement.` }));
  const document = { id: docId, title: docId, fingerprint: 'f', text: 'joint procurement', passageCount: count };
  return { document: document as unknown as DocumentRecord, passages: passages as unknown as PassageRecord[] };
}

describe('index writes', function () {
  this.timeout(120_000);
  let client: Meilisearch;
  let store: IndexStore;

  before(async () => {
    client = await adminClient();
    store = new IndexStore(client, testPrefix('writes'));
    await store.prepare(documentSettings({}, []), passageSettings({}, []));
  });

  after(async () => {
    await store.drop();
  });

  it('sends a large batch of passages in several requests and writes every record', async () => {
    const { document, passages } = records('big', 4500);
    await store.write([document], passages, []);
    assert.deepEqual(await store.counts(), { documents: 1, passages: 4500 });
    const tasks = await client.tasks.getTasks({ indexUids: [store.names.passages], types: ['documentAdditionOrUpdate'] });
    assert.equal(tasks.results.length, 3, '4,500 passages in requests of at most 2,000');
  });

  it('fails the write, and leaves the document unwritten, when a later request of its passages fails', async () => {
    const { document, passages } = records('broken', 4500);
    passages[3000] = { ...passages[3000]!, id: 'not a valid id!' };
    await assert.rejects(store.write([document], passages, []), IndexWriteError);
    const found = await client.index(store.names.documents).getDocuments({ filter: 'id = "broken"' }).catch(() => ({ results: [] }));
    assert.equal(found.results.length, 0, 'no document record without its complete passages');
  });

  /** The real engine behind a proxy on loopback that answers 408 to the first request `refuse` picks of each method and path, as a loaded Meilisearch does. */
  async function busyEngine(refuse: (method: string, url: string) => boolean) {
    const engine = await testEngine();
    const refused: string[] = [];
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const key = `${req.method} ${req.url?.split('?')[0]}`;
        if (refuse(req.method ?? '', req.url ?? '') && !refused.includes(key)) {
          refused.push(key);
          res.writeHead(408, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Request Timeout', code: 'request_timeout', type: 'system', link: '' }));
          return;
        }
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'accept-encoding'].includes(name)));
        request(`${engine.url}${req.url}`, { method: req.method as 'GET', headers, body: chunks.length ? Buffer.concat(chunks) : null })
          .then(async (answer) => res.writeHead(answer.statusCode, { 'content-type': 'application/json' }).end(Buffer.from(await answer.body.arrayBuffer())))
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((listening) => proxy.listen(0, '127.0.0.1', listening));
    return {
      store: new IndexStore(new Meilisearch({ host: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, apiKey: engine.masterKey ?? undefined }), store.prefix),
      refused,
      close: () => new Promise<void>((closed) => proxy.close(() => closed())),
    };
  }

  it('sends a write again when the engine answers that it is busy (408)', async () => {
    const busy = await busyEngine((method, url) => method === 'POST' && url.endsWith('/documents'));
    try {
      const { document, passages } = records('refused-once', 10);
      await busy.store.write([document], passages, []);
      assert.ok(busy.refused.length >= 1, 'the engine refused the first write to each index');
      const found = await client.index(store.names.documents).getDocuments({ filter: 'id = "refused-once"' });
      assert.equal(found.results.length, 1, 'the document was written all the same');
    } finally {
      await busy.close();
    }
  });

  it('asks again when the engine is busy answering a read (408): what is indexed, and the counts', async () => {
    const busy = await busyEngine((method) => method === 'GET' || method === 'POST');
    try {
      const expected = await store.indexedVersions();
      assert.deepEqual(await busy.store.indexedVersions(), expected);
      assert.deepEqual(await busy.store.passageDocumentIds(), await store.passageDocumentIds());
      assert.deepEqual(await busy.store.counts(), await store.counts());
      assert.ok(busy.refused.length >= 3, `each read was refused once: ${busy.refused.join(', ')}`);
    } finally {
      await busy.close();
    }
  });
});
