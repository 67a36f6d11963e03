/**
 * Turns a finished Job into the records stored in Meilisearch: one document
 * record, and one passage record per passage with the document's facet fields
 * copied in so passage searches filter by the same facets.
 */
import type { DocumentRecord, PassageRecord } from '../contract/document.js';
import type { Job } from './stages/stage.js';

/** Roles that count as speaking in (or writing) the document: the speaker facet. */
const SPEAKING_ROLES = new Set(['chair', 'speaker', 'moderator', 'author']);

export function toRecords(job: Job, indexedAt: string): { document: DocumentRecord; passages: PassageRecord[] } {
  const meta = job.metadata;
  const extracted = job.extracted;
  if (!meta || !extracted) throw new Error(`${job.source.relativePath}: metadata and extraction must run before publish`);

  const date = meta.date;
  const dateTs = date ? Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) : null;
  const year = date ? Number(date.slice(0, 4)) : null;
  const speakers = [...new Set(meta.people.filter((p) => SPEAKING_ROLES.has(p.role)).map((p) => p.name))];
  const themes = job.themeTags.map((t) => t.id);

  const ocrPages = extracted.ocrPages ?? [];
  const document: DocumentRecord = {
    id: job.source.id,
    file: job.source.relativePath,
    format: job.source.format,
    title: meta.title,
    date,
    dateTs,
    year,
    published: meta.published,
    type: meta.type,
    organisations: meta.organisations,
    place: meta.place,
    language: meta.language,
    sourceUrl: meta.sourceUrl,
    finalUrl: meta.finalUrl ?? null,
    retrievedAt: meta.retrievedAt ?? null,
    people: meta.people,
    speakers,
    themes,
    themeTags: job.themeTags,
    acronyms: job.acronyms,
    provenance: meta.provenance,
    summary: meta.summary,
    text: job.passages.map((p) => p.text).join('\n\n'),
    pages: extracted.pages,
    passageCount: job.passages.length,
    needsOcr: extracted.needsOcr,
    ...(ocrPages.length > 0
      ? {
          ocr: {
            pages: ocrPages.length,
            confidence: Math.round(ocrPages.reduce((sum, p) => sum + p.confidence, 0) / ocrPages.length),
            lowConfidencePages: ocrPages.filter((p) => p.belowFloor).map((p) => p.page),
          },
        }
      : {}),
    fingerprint: job.fingerprint,
    sha256: job.sha256,
    bytes: job.bytes,
    indexedAt,
  };

  const passages: PassageRecord[] = job.passages.map((p, i) => ({
    id: p.id,
    docId: document.id,
    ordinal: p.ordinal,
    page: p.page,
    start: p.start,
    end: p.end,
    heading: p.heading,
    text: p.text,
    ...(p.ocr ? { ocr: p.ocr } : {}),
    themes: p.themes,
    acronyms: job.passageAcronyms[i] ?? [],
    title: document.title,
    type: document.type,
    organisations: document.organisations,
    speakers,
    year,
    dateTs,
    date,
  }));
  return { document, passages };
}
