/**
 * Metadata people write themselves: a sidecar `NAME.meta.yml` or Markdown front
 * matter. Validated strictly, so a typo fails the document with a message that
 * names the key rather than indexing a wrong date.
 */
import { z } from 'zod';
import { DOC_TYPES, ROLES, type DocType, type Person, type Role } from '../../contract/document.js';
import { parseDateValue } from './dates.js';
import { dedupePeople, makePerson, parseGivenName } from './names.js';

/** Metadata fields a person can set; everything absent is left to weaker sources. */
export interface GivenMetadata {
  title?: string;
  date?: string;
  published?: string;
  type?: DocType;
  organisations?: string[];
  /** The body that published the text. */
  publisher?: string;
  place?: string;
  language?: string;
  sourceUrl?: string;
  /** Where the source URL led after redirects, and when it was retrieved (written by the fetcher). */
  finalUrl?: string;
  retrievedAt?: string;
  people?: Person[];
  summary?: string;
  /** Theme ids from themes.yml the text is about, as a person judged it. */
  themes?: string[];
}

/** Every spelling accepted for each key (lower-case, `-` read as `_`). */
const KEY_ALIASES: Record<string, string> = {
  title: 'title',
  date: 'date',
  event_date: 'date',
  published: 'published',
  publication_date: 'published',
  date_published: 'published',
  type: 'type',
  organisations: 'organisations',
  organisation: 'organisations',
  organizations: 'organisations',
  organization: 'organisations',
  org: 'organisations',
  orgs: 'organisations',
  place: 'place',
  location: 'place',
  language: 'language',
  lang: 'language',
  source_url: 'sourceUrl',
  sourceurl: 'sourceUrl',
  url: 'sourceUrl',
  final_url: 'finalUrl',
  retrieved: 'retrievedAt',
  retrieved_at: 'retrievedAt',
  link: 'sourceUrl',
  publisher: 'publisher',
  published_by: 'publisher',
  // "source" is what researchers write for either the web address or the publisher: read by its value.
  source: 'source',
  licence: 'licence',
  license: 'licence',
  rights: 'licence',
  people: 'people',
  speakers: 'speakers',
  speaker: 'speakers',
  chaired_by: 'chairs',
  chair: 'chairs',
  chairs: 'chairs',
  moderator: 'moderators',
  moderators: 'moderators',
  authors: 'authors',
  author: 'authors',
  summary: 'summary',
  abstract: 'summary',
  description: 'summary',
  themes: 'themes',
  theme: 'themes',
  topics: 'themes',
  password: 'password',
};

export const ACCEPTED_KEYS = [
  'title', 'date', 'published', 'type', 'organisations', 'publisher', 'source', 'place', 'language', 'source_url',
  'final_url', 'retrieved',
  'people', 'speakers', 'chair', 'moderators', 'authors', 'summary', 'themes', 'licence', 'password',
];

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', french: 'fr', german: 'de', italian: 'it', spanish: 'es', dutch: 'nl', portuguese: 'pt',
  polish: 'pl', swedish: 'sv', danish: 'da', finnish: 'fi', greek: 'el', russian: 'ru', ukrainian: 'uk',
};

const text = z
  .union([z.string(), z.number()], { error: 'must be text' })
  .transform((value) => String(value).replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1, 'must not be empty'));

const date = z.unknown().transform((value, ctx) => {
  const parsed = parseDateValue(value);
  if (parsed === null) {
    ctx.addIssue({ code: 'custom', message: 'not a date (write YYYY-MM-DD, YYYY-MM, YYYY or "5 May 2025")' });
    return z.NEVER;
  }
  return parsed;
});

const docType = z.string({ error: 'must be text' }).transform((value, ctx) => {
  const normalised = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if ((DOC_TYPES as readonly string[]).includes(normalised)) return normalised as DocType;
  ctx.addIssue({ code: 'custom', message: `must be one of ${DOC_TYPES.join(', ')}` });
  return z.NEVER;
});

const textList = z.union([text.transform((v) => [v]), z.array(text, { error: 'must be text or a list of text' })]);

const language = text.transform((value, ctx) => {
  const lower = value.toLowerCase();
  const code = LANGUAGE_NAMES[lower] ?? (/^[a-z]{2}(?:[-_][a-z0-9]+)*$/.test(lower) ? lower.slice(0, 2) : null);
  if (code) return code;
  ctx.addIssue({ code: 'custom', message: 'not a language code (write e.g. en, fr, de)' });
  return z.NEVER;
});

const url = text.refine(
  (value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  },
  { message: 'not an http(s) URL' },
);

const role = z.string().transform((value, ctx) => {
  const normalised = value.trim().toLowerCase();
  if ((ROLES as readonly string[]).includes(normalised)) return normalised as Role;
  ctx.addIssue({ code: 'custom', message: `must be one of ${ROLES.join(', ')}` });
  return z.NEVER;
});

/** A person is `{name, role, display}` or just a name (role: speaker). */
const personEntry = z.preprocess(
  (value) => (typeof value === 'string' ? { name: value } : value),
  z.object({ name: text, role: role.optional(), display: text.optional() }, { error: 'must be a name or {name, role}' }),
);

const GivenSchema = z.object({
  title: text.optional(),
  date: date.optional(),
  published: date.optional(),
  type: docType.optional(),
  organisations: textList.optional(),
  publisher: text.optional(),
  source: text.optional(),
  licence: text.optional(),
  place: text.optional(),
  language: language.optional(),
  sourceUrl: url.optional(),
  finalUrl: url.optional(),
  retrievedAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be a date or date-time such as 2025-05-05 or 2025-05-05T10:00:00Z' })
    .optional(),
  people: z.array(personEntry, { error: 'must be a list of {name, role}' }).optional(),
  speakers: textList.optional(),
  chairs: textList.optional(),
  moderators: textList.optional(),
  authors: textList.optional(),
  summary: text.optional(),
  // Checked against themes.yml by the themes stage, which has the taxonomy.
  themes: textList.optional(),
  password: z.unknown().optional(),
});

export type ReadResult = { ok: true; value: GivenMetadata; warnings: string[] } | { ok: false; error: string };

/** Display names for keys in messages: the spelling the documentation uses. */
const KEY_LABELS: Record<string, string> = { sourceUrl: 'source_url', finalUrl: 'final_url', retrievedAt: 'retrieved', chairs: 'chair' };

function toPerson(name: string, role: Role, display?: string): Person {
  const parsed = parseGivenName(name);
  return makePerson({ name: parsed.name, display: display ?? parsed.display }, role);
}

const isEmpty = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.every(isEmpty));

/**
 * Reads user-written metadata. Keys are matched case-insensitively; null and
 * empty values ("date: ''") mean "not given": the field is left to weaker
 * sources (the text) with a warning, never a failure. With `strict` (a sidecar,
 * which holds nothing else) an unknown key or a bad value is an error naming the
 * key; front matter may carry keys for other tools, and a bad value there is a
 * warning and the field is read from the text, so the document is never lost.
 */
export function readGivenMetadata(input: Record<string, unknown>, options: { strict: boolean }): ReadResult {
  const canonical: Record<string, unknown> = {};
  const originalKey: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    // Own keys only: a document may write `__proto__` or `constructor`.
    const normalised = key.trim().toLowerCase().replace(/[-\s]/g, '_');
    const mapped = Object.hasOwn(KEY_ALIASES, normalised) ? KEY_ALIASES[normalised] : undefined;
    if (!mapped) {
      if (options.strict) return { ok: false, error: `unknown key "${key}" (accepted: ${ACCEPTED_KEYS.join(', ')})` };
      continue;
    }
    if (value === null || value === undefined) continue;
    if (isEmpty(value)) {
      warnings.push(`"${key}" is empty: read from the text instead`);
      continue;
    }
    if (Object.hasOwn(canonical, mapped)) return { ok: false, error: `"${key}" repeats "${originalKey[mapped]}"` };
    canonical[mapped] = value;
    originalKey[mapped] = key;
  }
  const data: Partial<z.infer<typeof GivenSchema>> = {};
  const shape = GivenSchema.shape;
  for (const [field, raw] of Object.entries(canonical)) {
    const parsed = shape[field as keyof typeof shape].safeParse(raw);
    if (parsed.success) {
      (data as Record<string, unknown>)[field] = parsed.data;
      continue;
    }
    const issue = parsed.error.issues[0]!;
    const key = originalKey[field] ?? KEY_LABELS[field] ?? field;
    const message = `${[key, ...issue.path.map(String)].join('.')}: ${issue.message}`;
    if (options.strict) return { ok: false, error: message };
    warnings.push(`${message}; read from the text instead`);
  }
  const value: GivenMetadata = {};
  if (data.title !== undefined) value.title = data.title;
  if (data.date !== undefined) value.date = data.date;
  if (data.published !== undefined) value.published = data.published;
  if (data.type !== undefined) value.type = data.type;
  if (data.organisations !== undefined) value.organisations = data.organisations;
  if (data.publisher !== undefined) value.publisher = data.publisher;
  if (data.source !== undefined) {
    // A web address is the source URL; anything else names the publisher.
    if (/^https?:\/\//i.test(data.source)) value.sourceUrl ??= data.source;
    else value.publisher ??= data.source;
  }
  if (data.place !== undefined) value.place = data.place;
  if (data.language !== undefined) value.language = data.language;
  if (data.sourceUrl !== undefined) value.sourceUrl = data.sourceUrl;
  if (data.finalUrl !== undefined) value.finalUrl = data.finalUrl;
  if (data.retrievedAt !== undefined) value.retrievedAt = data.retrievedAt;
  if (data.summary !== undefined) value.summary = data.summary;
  if (data.themes !== undefined) value.themes = [...new Set(data.themes.map((id) => id.toLowerCase()))];

  const people: Person[] = [];
  for (const name of data.chairs ?? []) people.push(toPerson(name, 'chair'));
  for (const name of data.moderators ?? []) people.push(toPerson(name, 'moderator'));
  for (const entry of data.people ?? []) people.push(toPerson(entry.name, entry.role ?? 'speaker', entry.display));
  for (const name of data.speakers ?? []) people.push(toPerson(name, 'speaker'));
  for (const name of data.authors ?? []) people.push(toPerson(name, 'author'));
  if (people.length > 0) value.people = dedupePeople(people);
  return { ok: true, value, warnings };
}
