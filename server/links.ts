/**
 * Every URL of the site, built in one place: paths for links within pages, and
 * absolute URLs (permalinks, citations, exports, feeds, JSON) from a base URL.
 * Only this module encodes ids into URLs. Views reach it as `links` (app.locals).
 */

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/**
 * A search page URL. A search state's parameters (URLSearchParams) are written
 * form-encoded as the search form submits them; a few named parameters are
 * written with %20 for spaces. Empty values are left out.
 */
export function searchPath(params: URLSearchParams | Record<string, string> = {}): string {
  const text =
    params instanceof URLSearchParams
      ? params.toString()
      : Object.entries(params)
          .filter(([, value]) => value !== '')
          .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
          .join('&');
  return text ? `/?${text}` : '/';
}

/** Exports (`csv`, `bib`, `ris`, `json` for CSL-JSON) and the Atom feed of a search, from its filter parameters (no `?`). */
export function exportPath(extension: 'csv' | 'bib' | 'ris' | 'json', query: string): string {
  return `/export.${extension}${query ? `?${query}` : ''}`;
}

export function feedPath(query: string): string {
  return `/feed.atom${query ? `?${query}` : ''}`;
}

/** A document page; `search` is the query string (without `?`) that page keeps, e.g. the words to highlight. */
export function documentPath(documentId: string, search = ''): string {
  return `/documents/${encodeURIComponent(documentId)}${search ? `?${search}` : ''}`;
}

export function documentFilePath(documentId: string): string {
  return `${documentPath(documentId)}/file`;
}

/** A citation as a file to download (`format`), or, without one, the cite box as a page (what a passage's "Cite" opens). */
export function documentCitePath(documentId: string, format?: string, passageId?: string): string {
  const params = new URLSearchParams(format ? { format } : {});
  if (passageId) params.set('passage', passageId);
  const query = params.toString();
  return `${documentPath(documentId)}/cite${query ? `?${query}` : ''}`;
}

/** A passage inside its document page (where its permalink redirects). */
export function passageInDocumentPath(documentId: string, passageId: string, search = ''): string {
  return `${documentPath(documentId, search)}#${encodeURIComponent(passageId)}`;
}

export function passagePath(passageId: string): string {
  return `/passages/${encodeURIComponent(passageId)}`;
}

export function personPath(slug: string): string {
  return `/people/${encodeURIComponent(slug)}`;
}

/** Documents carrying a theme: a search filtered by it. */
export function themePath(themeId: string): string {
  return searchPath({ theme: themeId });
}

/** Documents where a person speaks: a search filtered by speaker. */
export function speakerPath(name: string): string {
  return searchPath({ speaker: name });
}

export function absoluteUrl(baseUrl: string, path: string): string {
  return `${trimBaseUrl(baseUrl)}${path}`;
}

export function documentUrl(baseUrl: string, documentId: string): string {
  return absoluteUrl(baseUrl, documentPath(documentId));
}

/** The JSON of a document, one part of its passages at a time (see PASSAGES_PER_PART). */
export function documentApiUrl(baseUrl: string, documentId: string, part = 1): string {
  return absoluteUrl(baseUrl, `/api/documents/${encodeURIComponent(documentId)}${part > 1 ? `?part=${part}` : ''}`);
}

export function documentFileUrl(baseUrl: string, documentId: string): string {
  return absoluteUrl(baseUrl, documentFilePath(documentId));
}

export function passageUrl(baseUrl: string, passageId: string): string {
  return absoluteUrl(baseUrl, passagePath(passageId));
}

export function personUrl(baseUrl: string, slug: string): string {
  return absoluteUrl(baseUrl, personPath(slug));
}

export function themeUrl(baseUrl: string, themeId: string): string {
  return absoluteUrl(baseUrl, themePath(themeId));
}

/** The path builders the views use. */
export const links = {
  search: searchPath,
  document: documentPath,
  documentFile: documentFilePath,
  cite: documentCitePath,
  passage: passagePath,
  passageInDocument: passageInDocumentPath,
  person: personPath,
  theme: themePath,
  speaker: speakerPath,
};
