/**
 * The indexer's only link to Meilisearch: index creation and settings, the
 * fingerprints already indexed, batched writes that wait for every task and
 * surface its error, removals, and the atomic swap used by --rebuild.
 */
import { Meilisearch, type EnqueuedTask, type Index, type Settings, type Task } from 'meilisearch';
import type { DocumentRecord, PassageRecord } from '../contract/document.js';
import { filterList } from '../contract/filters.js';
import { indexNames, isIndexNotFound, type IndexNames } from '../contract/settings.js';

export class IndexWriteError extends Error {
  override name = 'IndexWriteError';
}

/** Each awaited task may take this long (a 10k-document batch on 2 cores takes seconds, not minutes). */
const TASK_TIMEOUT_MS = 10 * 60_000;
const PAGE = 1000;
/** Indexing tasks take from tens of milliseconds to seconds; polling faster only adds load. */
const TASK_POLL_MS = 100;

export class IndexStore {
  readonly names: IndexNames;
  readonly documents: Index<DocumentRecord>;
  readonly passages: Index<PassageRecord>;

  constructor(
    readonly client: Meilisearch,
    readonly prefix: string,
    names: IndexNames = indexNames(prefix),
  ) {
    this.names = names;
    this.documents = client.index<DocumentRecord>(names.documents);
    this.passages = client.index<PassageRecord>(names.passages);
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

  /** Creates missing indexes and applies settings; Meilisearch makes an unchanged setting a no-op. */
  async prepare(documentSettings: Settings, passageSettings: Settings): Promise<void> {
    for (const uid of [this.names.documents, this.names.passages]) {
      if (!(await this.exists(uid))) await this.wait(this.client.createIndex(uid, { primaryKey: 'id' }));
    }
    await this.wait(this.documents.updateSettings(documentSettings));
    await this.wait(this.passages.updateSettings(passageSettings));
  }

  async drop(): Promise<void> {
    for (const uid of [this.names.documents, this.names.passages]) {
      if (await this.exists(uid)) await this.wait(this.client.deleteIndex(uid));
    }
  }

  /** Document id -> fingerprint of every document record. */
  async fingerprints(): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.documents.getDocuments({ fields: ['id', 'fingerprint'], limit: PAGE, offset });
      for (const doc of page.results) result.set(doc.id, doc.fingerprint);
      if (page.results.length < PAGE) break;
    }
    return result;
  }

  /** Document ids that have passages, including any left by a run that stopped before its document record. */
  async passageDocumentIds(): Promise<Set<string>> {
    const res = await this.passages.search('', { limit: 0, facets: ['docId'] });
    return new Set(Object.keys(res.facetDistribution?.docId ?? {}));
  }

  /**
   * Writes passages first, removes the superseded passages of replaced documents,
   * and only once those tasks succeed writes the document records: a document
   * record with a fingerprint therefore always has its complete passage set, so
   * an interrupted run is redone for exactly the documents it did not finish.
   */
  async write(documents: DocumentRecord[], passages: PassageRecord[], replaced: string[]): Promise<void> {
    const tasks: Promise<Task>[] = [];
    if (passages.length) tasks.push(this.wait(this.passages.addDocuments(passages)));
    if (replaced.length) {
      const replacedIds = new Set(replaced);
      const keep = passages.filter((p) => replacedIds.has(p.docId)).map((p) => p.id);
      const filter = keep.length
        ? `docId IN ${filterList(replaced)} AND id NOT IN ${filterList(keep)}`
        : `docId IN ${filterList(replaced)}`;
      tasks.push(this.wait(this.passages.deleteDocuments({ filter })));
    }
    await Promise.all(tasks);
    if (documents.length) await this.wait(this.documents.addDocuments(documents));
  }

  /** Removes documents and all their passages. */
  async remove(docIds: string[]): Promise<void> {
    if (!docIds.length) return;
    await Promise.all([
      this.wait(this.passages.deleteDocuments({ filter: `docId IN ${filterList(docIds)}` })),
      this.wait(this.documents.deleteDocuments(docIds)),
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
    const [d, p] = await Promise.all([this.documents.getStats(), this.passages.getStats()]);
    return { documents: d.numberOfDocuments, passages: p.numberOfDocuments };
  }

  /** Waits for a task and turns a failed one into an error naming the task. */
  async wait(enqueued: Promise<EnqueuedTask> | EnqueuedTask): Promise<Task> {
    const task = await this.client.tasks.waitForTask(await enqueued, { timeout: TASK_TIMEOUT_MS, interval: TASK_POLL_MS });
    if (task.status !== 'succeeded') {
      const detail = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
      throw new IndexWriteError(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid}) ${task.status}: ${detail}`);
    }
    return task;
  }
}
