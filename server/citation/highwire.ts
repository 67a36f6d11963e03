/**
 * Machine-readable citation data in pages, for reference managers that save
 * from the browser: Highwire Press `citation_*` meta tags on a document page
 * (what the Zotero Connector's embedded-metadata translator and Mendeley read),
 * and a COinS span (OpenURL ContextObject) per search result.
 */
import type { DocumentRecord } from '../../contract/document.js';
import { cslAuthors, issuedParts, originalUrl, pinpointPage, publisherName, cslType, type CitedPassage, type CslName } from './csl.js';
import { documentFileUrl, documentUrl } from '../links.js';
import { cleanLine } from './text.js';

export interface MetaTag {
  name: string;
  content: string;
}

/** "Family, Given" as Highwire wants it; an institution as written. */
function authorName(name: CslName): string {
  if (name.literal !== undefined) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [family, given].filter(Boolean).join(', ');
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Highwire dates are "YYYY/MM/DD", cut to what is known. */
function highwireDate(doc: DocumentRecord): string | null {
  const parts = issuedParts(doc);
  if (!parts) return null;
  const [year, month, day] = parts;
  return [String(year), month ? pad(month) : null, day ? pad(day) : null].filter(Boolean).join('/');
}

export function highwireTags(doc: DocumentRecord, baseUrl: string, passage?: CitedPassage): MetaTag[] {
  const tags: MetaTag[] = [];
  const add = (name: string, value: string | null | undefined) => {
    const content = value ? cleanLine(value) : '';
    if (content) tags.push({ name, content });
  };
  const type = cslType(doc);
  add('citation_title', doc.title);
  for (const name of cslAuthors(doc)) add('citation_author', authorName(name));
  add('citation_publication_date', highwireDate(doc));
  add('citation_publisher', publisherName(doc));
  if (type === 'report') add('citation_technical_report_institution', publisherName(doc));
  if (type === 'article-newspaper') add('citation_journal_title', publisherName(doc));
  add('citation_language', doc.language);
  add('citation_abstract', doc.summary);
  add('citation_public_url', originalUrl(doc) ?? documentUrl(baseUrl, doc.id));
  add('citation_abstract_html_url', documentUrl(baseUrl, doc.id));
  if (doc.format === 'pdf') add('citation_pdf_url', documentFileUrl(baseUrl, doc.id));
  const page = pinpointPage(doc, passage);
  if (page !== null) add('citation_firstpage', String(page));
  return tags;
}

const COINS_GENRES: Record<string, string> = { report: 'report', 'article-newspaper': 'article', document: 'document' };

/** The `title` of a COinS span: an OpenURL 1.0 KEV ContextObject (Dublin Core, or a report/article in the book/journal formats). */
export function coinsTitle(doc: DocumentRecord, baseUrl: string): string {
  const params = new URLSearchParams();
  params.append('ctx_ver', 'Z39.88-2004');
  const type = cslType(doc);
  const parts = issuedParts(doc);
  const date = parts ? [String(parts[0]), parts[1] ? pad(parts[1]) : null, parts[2] ? pad(parts[2]) : null].filter(Boolean).join('-') : '';
  const url = originalUrl(doc) ?? documentUrl(baseUrl, doc.id);
  const authors = cslAuthors(doc).map(authorName);
  if (type === 'report' || type === 'article-newspaper') {
    const journal = type === 'article-newspaper';
    params.append('rft_val_fmt', journal ? 'info:ofi/fmt:kev:mtx:journal' : 'info:ofi/fmt:kev:mtx:book');
    params.append('rft.genre', COINS_GENRES[type] ?? 'document');
    params.append(journal ? 'rft.atitle' : 'rft.btitle', cleanLine(doc.title));
    if (journal) params.append('rft.jtitle', publisherName(doc));
    else params.append('rft.pub', publisherName(doc));
    for (const author of authors) params.append('rft.au', author);
  } else {
    params.append('rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc');
    params.append('rft.type', type === 'webpage' ? 'webpage' : type);
    params.append('rft.title', cleanLine(doc.title));
    for (const author of authors) params.append('rft.creator', author);
    params.append('rft.publisher', publisherName(doc));
    params.append('rft.identifier', url);
  }
  if (date) params.append('rft.date', date);
  params.append('rft_id', url);
  return params.toString();
}
