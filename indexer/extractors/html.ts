/**
 * HTML extractor: the page's main content as blocks of plain text (never markup),
 * and its <title>, <meta> tags and language as document properties.
 *
 * Properties use the sidecar's field names so the metadata stage reads every
 * source the same way: title, description, authors (list), keywords (list),
 * published (the page's publication date as written), language and canonical
 * (URL). Publisher-specific meta (Highwire `citation_*`, Dublin Core `dc.*`,
 * Open Graph `og:*`) is passed on under its own name too, as the metadata
 * stage ranks those itself.
 */
import { load, type CheerioAPI, type contains } from 'cheerio';
import type { Block, Extracted, MetadataInput } from '../../contract/extracted.js';
import { type Extractor } from './extractor.js';
import { emptyExtracted } from '../../contract/extracted.js';
import { cleanBlockText, decodeUtf8, pushBlock } from './text.js';

/** HTML has no pages. */
const PAGE = 1;

type DomNode = Parameters<typeof contains>[0];
type DomElement = Extract<DomNode, { attribs: Record<string, string> }>;
type DomText = Extract<DomNode, { nodeType: 3 }>;

/** Never prose: code, navigation and page furniture. (`header` is handled apart: an article's own header holds its title.) */
const DROPPED = 'script, style, noscript, template, nav, aside, footer, svg, math, iframe, object, embed, canvas, [hidden]';

/** Elements that end the text before them and start a new block. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul',
]);

const HEADING = /^h[1-6]$/;

function isElement(node: DomNode): node is DomElement {
  return 'attribs' in node;
}

function isText(node: DomNode): node is DomText {
  return node.nodeType === 3;
}

function kindOf(name: string, parentKind: Block['kind']): Block['kind'] {
  if (HEADING.test(name)) return 'heading';
  if (name === 'li') return 'list-item';
  // A paragraph inside a list item is still part of the item; a div inside a heading still the heading.
  return parentKind;
}

/** Reads nodes in document order, cutting a block at every block-level element boundary. */
function nodesToBlocks(nodes: DomNode[]): Block[] {
  const blocks: Block[] = [];
  let buffer: string[] = [];
  const flush = (kind: Block['kind']): void => {
    pushBlock(blocks, PAGE, kind, buffer.join(''));
    buffer = [];
  };
  // An explicit stack rather than recursion: hostile pages nest elements deeper than the call stack allows.
  type Step = { node: DomNode; kind: Block['kind'] } | { endOf: Block['kind'] };
  const stack: Step[] = nodes.map((node) => ({ node, kind: 'paragraph' as const })).reverse();
  const pushChildren = (children: DomNode[], kind: Block['kind']): void => {
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ node: children[i]!, kind });
  };
  for (let step = stack.pop(); step; step = stack.pop()) {
    if ('endOf' in step) {
      flush(step.endOf);
      continue;
    }
    const { node, kind } = step;
    if (isText(node)) {
      buffer.push(node.data);
      continue;
    }
    if (!isElement(node)) {
      // The document root holds the content; comments and processing instructions hold none.
      if (node.nodeType === 9) pushChildren(node.children, kind);
      continue;
    }
    const name = node.name.toLowerCase();
    if (name === 'br') {
      buffer.push(' ');
    } else if (!BLOCK_ELEMENTS.has(name)) {
      pushChildren(node.children, kind);
    } else {
      flush(kind);
      const childKind = kindOf(name, kind);
      stack.push({ endOf: childKind });
      pushChildren(node.children, childKind);
    }
  }
  flush('paragraph');
  return blocks;
}

/** The part of the page that holds the content: <main>, else the <article>s, else <body>. */
function contentRoots($: CheerioAPI): DomNode[] {
  const main = $('main').first();
  if (main.length) return main.toArray();
  const articles = $('article').filter((_, el) => $(el).parents('article').length === 0);
  if (articles.length) return articles.toArray();
  const body = $('body');
  return body.length ? body.toArray() : $.root().toArray();
}

function removeFurniture($: CheerioAPI): void {
  $(DROPPED).remove();
  // A page's banner is furniture; an article's own <header> carries its title and byline.
  $('header')
    .filter((_, el) => $(el).parents('article, main').length === 0)
    .remove();
}

/** Blocks of a whole HTML page's content. */
export function htmlBlocks($: CheerioAPI): Block[] {
  removeFurniture($);
  return nodesToBlocks(contentRoots($));
}

/** Text blocks of an HTML fragment (raw HTML inside Markdown). */
export function htmlFragmentText(html: string): Block[] {
  const $ = load(html, null, false);
  $(DROPPED).remove();
  return nodesToBlocks($.root().toArray());
}

/** Dates a page may declare, most specific first. */
const DATE_META = ['citation_publication_date', 'article:published_time', 'dc.date', 'dc.date.issued', 'date'];

/** Meta names passed on as written, one value or a list when repeated. */
const RAW_META = new Set([
  'citation_title', 'citation_author', 'citation_date', 'citation_publication_date', 'citation_publisher',
  'citation_public_url', 'dc.title', 'dc.creator', 'dc.date', 'dc.date.issued', 'dc.publisher', 'dc.language',
  'dc.description', 'og:title', 'og:description', 'og:url', 'og:site_name', 'og:locale', 'article:published_time',
  'date',
]);

/** Document properties from <title>, <meta name|property>, <link rel=canonical> and <html lang>. */
export function htmlProperties($: CheerioAPI): MetadataInput {
  const meta = new Map<string, string[]>();
  $('meta').each((_, el) => {
    const key = ($(el).attr('name') ?? $(el).attr('property') ?? '').trim().toLowerCase();
    const content = cleanBlockText($(el).attr('content') ?? '');
    if (!key || !content) return;
    meta.set(key, [...(meta.get(key) ?? []), content]);
  });
  const first = (key: string): string | undefined => meta.get(key)?.[0];

  const properties: MetadataInput = {};
  const title = cleanBlockText($('title').first().text()) || first('og:title') || first('citation_title');
  if (title) properties.title = title;
  const description = first('description') ?? first('og:description');
  if (description) properties.description = description;
  const authors = [...(meta.get('author') ?? []), ...(meta.get('citation_author') ?? [])];
  if (authors.length) properties.authors = [...new Set(authors)];
  const keywords = (meta.get('keywords') ?? [])
    .flatMap((value) => value.split(/[,;]/))
    .map((word) => word.trim())
    .filter(Boolean);
  if (keywords.length) properties.keywords = [...new Set(keywords)];
  const published = DATE_META.map(first).find(Boolean);
  if (published) properties.published = published;
  const language = cleanBlockText($('html').attr('lang') ?? '');
  if (language) properties.language = language;
  const canonical = cleanBlockText($('link[rel~="canonical" i]').first().attr('href') ?? '');
  if (/^https?:\/\//i.test(canonical)) properties.canonical = canonical;
  for (const [key, values] of meta) {
    if (RAW_META.has(key) && !(key in properties)) properties[key] = values.length === 1 ? values[0] : values;
  }
  return properties;
}

export const extractHtml: Extractor = async (job): Promise<Extracted> => {
  const $ = load(decodeUtf8(job.data));
  const properties = htmlProperties($);
  const blocks = htmlBlocks($);
  return {
    ...emptyExtracted(),
    blocks,
    pages: 1,
    properties,
    propertiesSource: Object.keys(properties).length ? 'html-meta' : null,
  };
};
