/**
 * The indexer's only link to Meilisearch: index creation and settings, the
 * fingerprints already indexed, batched writes that wait for every task and
 * surface its error, removals, and the atomic swap used by --rebuild.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, type EnqueuedTask, type Index, type Settings, type Task } from 'meilisearch';
import type { DocumentRecord, PassageRecord } from '../contract/document.js';
import { EDITION_DOCUMENT_FIELDS, editionChangeId, passageEditions, type EditionChange, type EditionRecord } from '../contract/editions.js';
import { filterList } from '../contract/filters.js';
import { EDITION_SETTINGS, editionsIndexName, indexNames, isIndexNotFound, type IndexNames } from '../contract/settings.js';

export class IndexWriteError extends Error {
  override name = 'IndexWriteError';
}

/** Each awaited task may take this long (a 10k-document batch on 2 cores takes seconds, not minutes). */
const TASK_TIMEOUT_MS = 10 * 60_000;
const PAGE = 1000;
/** Indexing tasks take from tens of milliseconds to seconds; polling faster only adds load. */
const TASK_POLL_MS = 100;

/**
 * Records per write request. A batch's 20,000 passages sent as one request made a
 * 15 MiB JSON string that was held three times over (the string and two encoded
 * copies) while it went out: 45 MiB of the main process's peak for one request
 * (heap snapshot of a 5,000-document run). Meilisearch joins consecutive additions
 * to one index into one batch of work anyway, so smaller requests cost it nothing.
 */
const PASSAGES_PER_REQUEST = 2000;
/** Document records carry their full text: a tenth of a batch per request keeps each body to a few MiB. */
const DOCUMENTS_PER_REQUEST = 100;

/**
 * Answers that mean "busy, ask again". On a loaded machine Meilisearch answers 408 when a
 * request's body does not arrive within its time limit, which stopped whole runs of
 * thousands of documents; writes are idempotent (records replace records with the same
 * id) and reads change nothing, so every request is sent again after a pause, a few times.
 */
const BUSY_STATUSES = new Set([408, 429, 502, 503, 504]);
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 4_000, 15_000];

async function retrying<T>(attempt: () => Promise<T>, delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      const busy = err instanceof MeilisearchRequestError || (err instanceof MeilisearchApiError && BUSY_STATUSES.has(err.response.status));
      if (!busy || tries >= delays.length) throw err;
      await sleep(delays[tries]);
    }
  }
}

export class IndexStore {
  readonly names: IndexNames;
  readonly documents: Index<DocumentRecord>;
  readonly passages: Index<PassageRecord>;
  /** Earlier editions of passages and the change log of each document (see contract/editions.ts). */
  readonly editions: Index<EditionRecord>;

  constructor(
    readonly client: Meilisearch,
    readonly prefix: string,
    names: IndexNames = indexNames(prefix),
  ) {
    this.names = names;
    this.documents = client.index<DocumentRecord>(names.documents);
    this.passages = client.index<PassageRecord>(names.passages);
    this.editions = client.index<EditionRecord>(editionsIndexName(prefix));
  }

  /** A store writing to the `_next` indexes that --rebuild fills before the swap. */
  rebuildTarget(): IndexStore {
    const live = indexNames(this.prefix);
    return new IndexStore(this.client, this.prefix, {
      documents: `${live.documents}_next`,
      passages: `${live.passages}_next`,
    });
  }

  async exists(uid: string): Promise<boolean> {
    try {
      await this.client.getIndex(uid);
      return true;
    } catch (err) {
      if (isIndexNotFound(err)) return false;
      throw err;
    }
  }

  /**
   * Applies settings; a missing index is built apart (`<uid>_new`) with its settings and then
   * renamed into place in one swap, so the site never sees an index whose facets are not yet
   * filterable (Meilisearch makes an index visible before a settings update that created it has
   * applied them, and a search in that window answered 500). An unchanged setting is a no-op.
   */
  async prepare(documentSettings: Settings, passageSettings: Settings): Promise<void> {
    const wanted: [string, Settings][] = [
      [this.names.documents, documentSettings],
      [this.names.passages, passageSettings],
    ];
    for (const [uid, settings] of wanted) {
      if (await this.exists(uid)) {
        await this.wait(this.client.index(uid).updateSettings(settings));
        continue;
      }
      const staging = `${uid}_new`;
      // Left by a run killed half-way through this.
      if (await this.exists(staging)) await this.wait(this.client.deleteIndex(staging));
      await this.wait(this.client.createIndex(staging, { primaryKey: 'id' }));
      await this.wait(this.client.index(staging).updateSettings(settings));
      await this.wait(this.client.swapIndexes([{ indexes: [staging, uid], rename: true }]));
    }
    const editions = editionsIndexName(this.prefix);
    if (!(await this.exists(editions))) await this.wait(this.client.createIndex(editions, { primaryKey: 'id' }));
    await this.wait(this.editions.updateSettings(EDITION_SETTINGS));
  }

  async drop(): Promise<void> {
    for (const uid of [this.names.documents, this.names.passages]) {
      if (await this.exists(uid)) await this.wait(this.client.deleteIndex(uid));
    }
  }

  /** Document id -> fingerprint, and -> digest of the repeated text left out of it, of every document record. */
  async indexedVersions(): Promise<{ fingerprints: Map<string, string>; boilerplate: Map<string, string> }> {
    const fingerprints = new Map<string, string>();
    const boilerplate = new Map<string, string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await retrying(() => this.documents.getDocuments({ fields: ['id', 'fingerprint', 'boilerplate'], limit: PAGE, offset }));
      for (const doc of page.results) {
        fingerprints.set(doc.id, doc.fingerprint);
        boilerplate.set(doc.id, doc.boilerplate ?? '');
      }
      if (page.results.length < PAGE) break;
    }
    return { fingerprints, boilerplate };
  }

  /** Document ids that have passages, including any left by a run that stopped before its document record. */
  async passageDocumentIds(): Promise<Set<string>> {
    const res = await retrying(() => this.passages.search('', { limit: 0, facets: ['docId'] }));
    return new Set(Object.keys(res.facetDistribution?.docId ?? {}));
  }

  /**
   * Writes passages first, removes the superseded passages of replaced documents,
   * and only once those tasks succeed writes the document records: a document
   * record with a fingerprint therefore always has its complete passage set, so
   * an interrupted run is redone for exactly the documents it did not finish.
   */
  async write(documents: DocumentRecord[], passages: PassageRecord[], replaced: string[]): Promise<void> {
    if (replaced.length) await this.keepEditions(replaced, documents, passages);
    const tasks: Promise<unknown>[] = [];
    if (passages.length) tasks.push(this.addInRequests(this.passages, passages, PASSAGES_PER_REQUEST));
    if (replaced.length) {
      const replacedIds = new Set(replaced);
      const keep = passages.filter((p) => replacedIds.has(p.docId)).map((p) => p.id);
      const filter = keep.length
        ? `docId IN ${filterList(replaced)} AND id NOT IN ${filterList(keep)}`
        : `docId IN ${filterList(replaced)}`;
      tasks.push(this.submit(() => this.passages.deleteDocuments({ filter })));
    }
    await Promise.all(tasks);
    if (documents.length) await this.addInRequests(this.documents, documents, DOCUMENTS_PER_REQUEST);
  }

  /** Adds `records` in requests of at most `perRequest`, then waits for every task; the first failure is thrown. */
  private async addInRequests<T extends DocumentRecord | PassageRecord>(index: Index<T>, records: T[], perRequest: number): Promise<void> {
    const enqueued: EnqueuedTask[] = [];
    for (let start = 0; start < records.length; start += perRequest) {
      const chunk = records.slice(start, start + perRequest);
      enqueued.push(await retrying(() => index.addDocuments(chunk)));
    }
    // One index's tasks run in the order they were enqueued: waiting for them in turn polls about one at a time.
    const done = await retrying(() => this.client.tasks.waitForTasks(enqueued, { timeout: TASK_TIMEOUT_MS, interval: TASK_POLL_MS }));
    for (const task of done) this.check(task);
  }

  /**
   * Before a document's passages are replaced or removed, the ones that leave
   * are copied to the edition history with their text-quote context, and the
   * change is logged: a permalink to them can still show what was cited.
   * Passages that stay are not copied (their id is a hash of their text).
   */
  private async keepEditions(docIds: string[], newDocuments: DocumentRecord[] | null, newPassages: PassageRecord[]): Promise<void> {
    const [oldDocuments, oldPassages] = await Promise.all([this.documentsById(docIds), this.passagesOf(docIds)]);
    const now = new Date().toISOString();
    const newById = new Map((newDocuments ?? []).map((doc) => [doc.id, doc]));
    const newIds = new Set(newPassages.map((passage) => passage.id));
    const records: EditionRecord[] = [];
    for (const docId of docIds) {
      const before = oldDocuments.get(docId);
      if (!before) continue;
      const after = newById.get(docId);
      const ordered = (oldPassages.get(docId) ?? []).sort((a, b) => a.ordinal - b.ordinal);
      const leaving = new Set(ordered.filter((passage) => !after || !newIds.has(passage.id)).map((passage) => passage.id));
      const kept = ordered.length - leaving.size;
      const added = after ? newPassages.filter((passage) => passage.docId === docId).length - kept : 0;
      if (after && leaving.size === 0 && added === 0) continue;
      const at = after?.indexedAt ?? now;
      records.push(
        ...passageEditions(ordered, leaving, { title: before.title, indexedAt: before.indexedAt, supersededAt: at, documentRemoved: !after }),
      );
      const change: EditionChange = {
        kind: 'edition',
        id: editionChangeId(docId, at),
        docId,
        at,
        atTs: Math.floor(Date.parse(at) / 1000),
        previousIndexedAt: before.indexedAt,
        passagesAdded: Math.max(0, added),
        passagesRemoved: leaving.size,
        passagesKept: kept,
        removed: !after,
        document: before,
      };
      records.push(change);
    }
    if (records.length) await this.submit(() => this.editions.addDocuments(records));
  }

  /** The records of these documents without their full text (a batch may hold a thousand long documents). */
  private async documentsById(docIds: string[]): Promise<Map<string, Omit<DocumentRecord, 'text' | 'stems'>>> {
    const found = new Map<string, Omit<DocumentRecord, 'text' | 'stems'>>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await retrying(() =>
        this.documents.getDocuments({ filter: `id IN ${filterList(docIds)}`, fields: [...EDITION_DOCUMENT_FIELDS], limit: PAGE, offset }),
      );
      for (const doc of page.results) found.set(doc.id, doc);
      if (page.results.length < PAGE) break;
    }
    return found;
  }

  private async passagesOf(docIds: string[]): Promise<Map<string, PassageRecord[]>> {
    const found = new Map<string, PassageRecord[]>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await retrying(() => this.passages.getDocuments({ filter: `docId IN ${filterList(docIds)}`, limit: PAGE, offset }));
      for (const passage of page.results) found.set(passage.docId, [...(found.get(passage.docId) ?? []), passage]);
      if (page.results.length < PAGE) break;
    }
    return found;
  }

  /** Removes documents and all their passages, keeping them in the edition history. */
  async remove(docIds: string[]): Promise<void> {
    if (!docIds.length) return;
    await this.keepEditions(docIds, null, []);
    await Promise.all([
      this.submit(() => this.passages.deleteDocuments({ filter: `docId IN ${filterList(docIds)}` })),
      this.submit(() => this.documents.deleteDocuments(docIds)),
    ]);
  }

  /** Swaps the `_next` indexes of `target` in for this store's live ones in one atomic task. */
  async swapIn(target: IndexStore): Promise<void> {
    await this.wait(
      this.client.swapIndexes([
        { indexes: [this.names.documents, target.names.documents], rename: false },
        { indexes: [this.names.passages, target.names.passages], rename: false },
      ]),
    );
  }

  async counts(): Promise<{ documents: number; passages: number }> {
    const [d, p] = await Promise.all([retrying(() => this.documents.getStats()), retrying(() => this.passages.getStats())]);
    return { documents: d.numberOfDocuments, passages: p.numberOfDocuments };
  }

  /** Waits for a task and turns a failed one into an error naming the task. */
  async wait(enqueued: Promise<EnqueuedTask> | EnqueuedTask): Promise<Task> {
    const task = await enqueued;
    return this.check(await retrying(() => this.client.tasks.waitForTask(task, { timeout: TASK_TIMEOUT_MS, interval: TASK_POLL_MS })));
  }

  /** Enqueues a write (again while the engine answers that it is busy) and waits for it. */
  private submit(enqueue: () => Promise<EnqueuedTask>): Promise<Task> {
    return this.wait(retrying(enqueue));
  }

  private check(task: Task): Task {
    if (task.status !== 'succeeded') {
      const detail = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
      throw new IndexWriteError(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid}) ${task.status}: ${detail}`);
    }
    return task;
  }
}
