/**
 * publish: the last stage, run over many documents at once. Records are
 * buffered and written in batches (one Meilisearch task per batch, not per
 * document); one batch is written while the next one fills.
 */
import type { DocumentRecord, PassageRecord } from '../schema/document.js';
import { toRecords } from '../records.js';
import type { IndexStore } from '../store.js';
import type { Job } from './stage.js';

/** Flush when a batch reaches any of these: big enough to index efficiently, small enough to bound memory. */
const MAX_BATCH_DOCUMENTS = 250;
const MAX_BATCH_PASSAGES = 5000;
const MAX_BATCH_CHARS = 16 * 1024 * 1024;

export class Publisher {
  private documents: DocumentRecord[] = [];
  private passages: PassageRecord[] = [];
  private replaced: string[] = [];
  private chars = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: IndexStore,
    private readonly indexedAt: string,
  ) {}

  /** Queues a finished job; `existed` means the index may hold an older version to replace. */
  async add(job: Job, existed: boolean): Promise<void> {
    const { document, passages } = toRecords(job, this.indexedAt);
    this.documents.push(document);
    this.passages.push(...passages);
    if (existed) this.replaced.push(document.id);
    this.chars += document.text.length * 2;
    if (
      this.documents.length >= MAX_BATCH_DOCUMENTS ||
      this.passages.length >= MAX_BATCH_PASSAGES ||
      this.chars >= MAX_BATCH_CHARS
    ) {
      await this.flush();
    }
  }

  /** Writes what is buffered and waits for every task. */
  async close(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  private async flush(): Promise<void> {
    if (!this.documents.length) return;
    const batch = { documents: this.documents, passages: this.passages, replaced: this.replaced };
    this.documents = [];
    this.passages = [];
    this.replaced = [];
    this.chars = 0;
    // Batches are written in order, one at a time, while the next one fills;
    // waiting for the previous one bounds memory to two batches.
    const previous = this.inFlight;
    this.inFlight = previous.then(() => this.store.write(batch.documents, batch.passages, batch.replaced));
    // A failure surfaces at the next add or at close, not as an unhandled rejection.
    this.inFlight.catch(() => {});
    await previous;
  }
}
