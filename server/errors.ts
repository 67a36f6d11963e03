/**
 * The few errors the server shows to users. Meilisearch errors are translated
 * into these at the boundary (server/search/meili.ts); anything else is a 500.
 */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A parameter the server does not accept: shown to the user as is. */
export class BadRequest extends HttpError {
  override name = 'BadRequest';
  constructor(message: string, options?: ErrorOptions) {
    super(400, message, options);
  }
}

export class NotFound extends HttpError {
  override name = 'NotFound';
  constructor(message = 'Nothing here.', options?: ErrorOptions) {
    super(404, message, options);
  }
}

/** A passage permalink that leads nowhere: a 404 that the page shows with a search box. */
export class PassageNotFound extends NotFound {
  override name = 'PassageNotFound';
}

/** The search engine cannot be reached or has no index yet. */
export class SearchUnavailable extends HttpError {
  override name = 'SearchUnavailable';
  constructor(message = 'Search is temporarily unavailable. Please try again in a moment.', options?: ErrorOptions) {
    super(503, message, options);
  }
}
