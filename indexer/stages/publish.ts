/**
 * publish: the last stage, run over many documents at once. Records are
 * buffered and written in batches (one Meilisearch task per batch, not per
 * document). Two batches may be in the engine at once, so its queue never runs
 * dry while the next batch is extracted; each batch still writes its document
 * records only after its own passages (see IndexStore.write).
 */
import type { DocumentRecord, PassageRecord } from '../../contract/document.js';
import { toRecords } from '../records.js';
import type { IndexStore } from '../store.js';
import type { Job } from './stage.js';

export const DEFAULT_BATCH_DOCUMENTS = 1000;
/** A batch also closes at this many passages or characters: bounded memory whatever the documents' size. */
const MAX_BATCH_PASSAGES = 20_000;
const MAX_BATCH_CHARS = 16 * 1024 * 1024;
const MAX_IN_FLIGHT = 2;

export class Publisher {
  private documents: DocumentRecord[] = [];
  private passages: PassageRecord[] = [];
  private replaced: string[] = [];
  private chars = 0;
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly store: IndexStore,
    private readonly indexedAt: string,
    private readonly batchDocuments = DEFAULT_BATCH_DOCUMENTS,
  ) {}

  /** Queues a finished job; `existed` means the index may hold an older version to replace. */
  async add(job: Job, existed: boolean): Promise<void> {
    const { document, passages } = toRecords(job, this.indexedAt);
    this.documents.push(document);
    for (const passage of passages) this.passages.push(passage);
    if (existed) this.replaced.push(document.id);
    // The text and its stems, each in the document and again in its passages.
    this.chars += (document.text.length + document.stems.length) * 2;
    if (
      this.documents.length >= this.batchDocuments ||
      this.passages.length >= MAX_BATCH_PASSAGES ||
      this.chars >= MAX_BATCH_CHARS
    ) {
      await this.flush();
    }
  }

  /** Writes what is buffered and waits for every task; the first failure is thrown. */
  async close(): Promise<void> {
    await this.flush();
    while (this.inFlight.length) await this.inFlight.shift();
  }

  private async flush(): Promise<void> {
    if (!this.documents.length) return;
    const write = this.store.write(this.documents, this.passages, this.replaced);
    // A failure surfaces when this batch is awaited below or at close, not as an unhandled rejection.
    write.catch(() => {});
    this.inFlight.push(write);
    this.documents = [];
    this.passages = [];
    this.replaced = [];
    this.chars = 0;
    while (this.inFlight.length > MAX_IN_FLIGHT) await this.inFlight.shift();
  }
}
