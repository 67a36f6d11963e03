/**
 * Turns a finished Job into the records stored in Meilisearch: one document
 * record, and one passage record per passage with the document's facet fields
 * copied in so passage searches filter by the same facets.
 */
import { datePrecisionOf, firstDayOf, type DocumentRecord, type PassageRecord } from '../contract/document.js';
import type { Job } from './stages/stage.js';
import { stemText } from '../contract/stems.js';

/** Roles that count as speaking in (or writing) the document: the speaker facet. */
const SPEAKING_ROLES = new Set(['chair', 'speaker', 'moderator', 'author']);

export function toRecords(job: Job, indexedAt: string): { document: DocumentRecord; passages: PassageRecord[] } {
  const meta = job.metadata;
  const extracted = job.extracted;
  if (!meta || !extracted) throw new Error(`${job.source.relativePath}: metadata and extraction must run before publish`);

  // Metadata keeps a date as precisely as it was given ("2025-05"); the record stores its first day, for
  // range filters and sorting, and the precision beside it, for display and citation ("May 2025").
  const date = firstDayOf(meta.date);
  const datePrecision = datePrecisionOf(meta.date);
  const dateTs = date ? Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) : null;
  const year = date ? Number(date.slice(0, 4)) : null;
  const speakers = [...new Set(meta.people.filter((p) => SPEAKING_ROLES.has(p.role)).map((p) => p.name))];
  // Tags without a weight come from passages or older taxonomies: they count as what the document is about.
  const themes = job.themeTags.filter((t) => (t.weight ?? 'about') === 'about').map((t) => t.id);
  const themeMentions = job.themeTags.map((t) => t.id);

  const ocrPages = extracted.ocrPages ?? [];
  const document: DocumentRecord = {
    id: job.source.id,
    file: job.source.relativePath,
    format: job.source.format,
    title: meta.title,
    date,
    ...(datePrecision ? { datePrecision } : {}),
    dateTs,
    year,
    published: firstDayOf(meta.published),
    type: meta.type,
    organisations: meta.organisations,
    publisher: meta.publisher,
    place: meta.place,
    language: meta.language,
    sourceUrl: meta.sourceUrl,
    finalUrl: meta.finalUrl ?? null,
    retrievedAt: meta.retrievedAt ?? null,
    people: meta.people,
    speakers,
    themes,
    themeMentions,
    themeTags: job.themeTags,
    acronyms: job.acronyms,
    provenance: meta.provenance,
    summary: meta.summary,
    text: job.passages.map((p) => p.text).join('\n\n'),
    stems: stemText([meta.title, meta.summary, ...job.passages.map((p) => `${p.heading ?? ''} ${p.text}`)].join('\n')),
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
    warnings: [...extracted.warnings, ...meta.warnings],
    fingerprint: job.fingerprint,
    boilerplate: job.boilerplateDigest,
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
    stems: stemText(`${p.heading ?? ''}\n${p.text}`),
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
    themeMentions,
  }));
  return { document, passages };
}
