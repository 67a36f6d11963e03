/**
 * The public URLs of documents and passages. Citations, exports and feeds all
 * print these, so they are built in one place.
 */

export function trimBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

export function documentUrl(baseUrl: string, documentId: string): string {
  return `${trimBaseUrl(baseUrl)}/documents/${encodeURIComponent(documentId)}`;
}

export function documentFileUrl(baseUrl: string, documentId: string): string {
  return `${documentUrl(baseUrl, documentId)}/file`;
}

export function passageUrl(baseUrl: string, passageId: string): string {
  return `${trimBaseUrl(baseUrl)}/passages/${encodeURIComponent(passageId)}`;
}
