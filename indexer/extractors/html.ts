/**
 * HTML extractor: the page's main content as blocks of plain text (never markup),
 * and its <title>, <meta> tags and language as document properties.
 *
 * Page chrome never reaches passages, snippets or summaries: <nav>, <aside>,
 * <footer>, the page's own <header>, elements whose role, class or id mark them
 * as navigation, cookie notices, banners, share bars or breadcrumbs; then
 * Mozilla's Readability (the Firefox Reader View engine, on a linkedom DOM)
 * picks the article. The page's lead above the article (its heading, a
 * "From:"/"Published" line, a dateline) is kept: metadata is read from it.
 * What was left out is listed in `removed` for --explain.
 *
 * Properties use the sidecar's field names so the metadata stage reads every
 * source the same way: title, description, authors (list), keywords (list),
 * published (the page's publication date as written), language and canonical
 * (URL). Publisher-specific meta (Highwire `citation_*`, Dublin Core `dc.*`,
 * Open Graph `og:*`) is passed on under its own name too, as the metadata
 * stage ranks those itself.
 */
import { Readability } from '@mozilla/readability';
import { load, type CheerioAPI, type contains } from 'cheerio';
import { parseHTML } from 'linkedom';
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

/** Roles of page furniture (ARIA landmarks other than the main content, dialogs, alerts). */
const CHROME_ROLES = '[role="navigation" i], [role="banner" i], [role="contentinfo" i], [role="complementary" i], [role="dialog" i], [role="alertdialog" i], [role="search" i]';
/** Class or id words of page furniture, in the spirit of Readability's "unlikely candidates". */
const CHROME_NAME =
  /(?:^|[\s_-])(?:cookie|cookies|consent|gdpr|banner|breadcrumbs?|skip-?link|skip|share|sharing|social|newsletter|subscribe|donate|donation|promo|advert|ads|sponsor|related|recommended|popular|menu|navbar|masthead|site-?header|site-?footer|global-?header|global-?footer|toolbar|language-?switcher|feedback|print|pagination|comments?)(?:$|[\s_-])/i;

function removeFurniture($: CheerioAPI): void {
  $(DROPPED).remove();
  $(CHROME_ROLES).remove();
  $('[class], [id]')
    .filter((_, el) => {
      if (!isElement(el) || el.name === 'body' || el.name === 'html' || el.name === 'main' || el.name === 'article') return false;
      return CHROME_NAME.test(`${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`);
    })
    .remove();
  // A page's banner is furniture; an article's own <header> carries its title and byline.
  $('header')
    .filter((_, el) => $(el).parents('article, main').length === 0)
    .remove();
}

const blockKey = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Deeper than any real page nests: Readability's recursive scoring would crawl on such a page, so it keeps the structural extraction. */
const MAX_READABLE_DEPTH = 256;

function nestingDepth($: CheerioAPI): number {
  let max = 0;
  const stack: { node: DomNode; depth: number }[] = $.root().toArray().map((node) => ({ node, depth: 0 }));
  for (let step = stack.pop(); step; step = stack.pop()) {
    if (step.depth > max) max = step.depth;
    if (max > MAX_READABLE_DEPTH) return max;
    if ('children' in step.node) for (const child of step.node.children as DomNode[]) stack.push({ node: child, depth: step.depth + 1 });
  }
  return max;
}

/** The article Readability finds in the page, as blocks; null when it finds none worth keeping. */
function readabilityBlocks(html: string): Block[] | null {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (!article?.content || (article.textContent ?? '').trim().length < 200) return null;
    return nodesToBlocks(load(article.content, null, false).root().toArray());
  } catch {
    // A page Readability cannot read keeps the structural extraction.
    return null;
  }
}

/** How many short blocks above the article are kept as its lead (title, "From:", "Published", dateline). */
const LEAD_BLOCKS = 12;
const LEAD_WORDS = 30;

/**
 * Blocks of a whole HTML page's content, and the text left out as page chrome.
 * `html` is the page's source, for Readability; `$` the same page parsed by cheerio.
 */
export function htmlContent($: CheerioAPI, html: string): { blocks: Block[]; removed: string[] } {
  // Everything the page shows, before the chrome goes: what --explain lists as removed (no second parse: deep pages parse slowly).
  const everything = nodesToBlocks($.root().toArray());
  const readable = nestingDepth($) <= MAX_READABLE_DEPTH;
  removeFurniture($);
  const structural = nodesToBlocks(contentRoots($));
  const article = readable ? readabilityBlocks(html) : null;
  let blocks = structural;
  if (article && article.length > 0) {
    const articleKeys = new Set(article.map((b) => blockKey(b.text)));
    const inArticle = structural.map((b) => articleKeys.has(blockKey(b.text)));
    const matched = structural.filter((_, i) => inArticle[i]).reduce((n, b) => n + b.text.length, 0);
    const articleLength = article.reduce((n, b) => n + b.text.length, 0);
    const first = inArticle.indexOf(true);
    const last = inArticle.lastIndexOf(true);
    const short = (b: Block) => b.text.split(/\s+/).length <= LEAD_WORDS;
    if (first >= 0 && matched >= articleLength * 0.8) {
      // Readability chose the article; the page's own order and block kinds are kept, and so are its lead
      // (short blocks just above: title, "From:", "Published", dateline) and headings it set aside inside the article.
      blocks = structural.filter(
        (b, i) => inArticle[i] || (i < first && i >= first - LEAD_BLOCKS && short(b)) || (i > first && i < last && b.kind === 'heading'),
      );
    } else {
      // The page's blocks and Readability's differ too much to line up: its article, after the lead.
      const at = structural.findIndex((b) => blockKey(b.text) === blockKey(article[0]!.text));
      blocks = [...(at > 0 ? structural.slice(Math.max(0, at - LEAD_BLOCKS), at).filter(short) : []), ...article];
    }
  }
  const kept = new Set(blocks.map((b) => blockKey(b.text)));
  const removed = [...new Set(everything.map((b) => b.text.replace(/\s+/g, ' ').trim()).filter((t) => t && !kept.has(blockKey(t))))].map((t) =>
    t.length > 120 ? `${t.slice(0, 119)}…` : t,
  );
  return { blocks, removed };
}

/** Blocks of a whole HTML page's content. */
export function htmlBlocks($: CheerioAPI): Block[] {
  return htmlContent($, $.html()).blocks;
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
    const passOn = RAW_META.has(key) || /^(?:dc|dcterms|citation|og|article)[.:_]/.test(key) || key === 'publisher';
    if (passOn && !(key in properties)) properties[key] = values.length === 1 ? values[0] : values;
  }
  return properties;
}

export const extractHtml: Extractor = async (job): Promise<Extracted> => {
  const html = decodeUtf8(job.data);
  const $ = load(html);
  const properties = htmlProperties($);
  const { blocks, removed } = htmlContent($, html);
  return {
    ...emptyExtracted(),
    blocks,
    pages: 1,
    properties,
    propertiesSource: Object.keys(properties).length ? 'html-meta' : null,
    removed,
  };
};
