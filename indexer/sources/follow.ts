/**
 * The links a listing page or an RSS/Atom feed points to, filtered by a
 * `follow` rule: http(s) only, allowed hosts only, optionally containing a
 * given text, in the order the listing gives them, at most `limit`.
 */
import { load } from 'cheerio';
import type { FollowRule } from './list.js';
import { normaliseUrl } from './list.js';

export const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'] as const;

export function followLinks(body: Buffer, contentType: string, baseUrl: string, rule: FollowRule, skip: ReadonlySet<string> = new Set()): string[] {
  const text = body.toString('utf8');
  const candidates = isFeed(contentType, text) ? feedLinks(text) : pageLinks(text);
  const out: string[] = [];
  for (const href of candidates) {
    let absolute: string | null;
    try {
      absolute = normaliseUrl(new URL(href.trim(), baseUrl).href);
    } catch {
      continue;
    }
    if (!absolute || absolute === normaliseUrl(baseUrl) || skip.has(absolute) || out.includes(absolute)) continue;
    if (!rule.hosts.includes(new URL(absolute).host.toLowerCase())) continue;
    if (rule.match && !absolute.includes(rule.match)) continue;
    out.push(absolute);
    if (out.length >= rule.limit) break;
  }
  return out;
}

function isFeed(contentType: string, text: string): boolean {
  if ((FEED_TYPES as readonly string[]).includes(contentType)) return true;
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/.test(text);
}

/** RSS `<item><link>`, Atom `<entry><link href>` (the alternate link, else the first). */
function feedLinks(xml: string): string[] {
  const $ = load(xml, { xml: true });
  const links: string[] = [];
  $('item').each((_, item) => {
    const link = $(item).children('link').first().text() || $(item).children('guid[isPermaLink!="false"]').first().text();
    if (link) links.push(link);
  });
  $('entry').each((_, entry) => {
    const all = $(entry).children('link');
    const alternate = all.filter((_, l) => ($(l).attr('rel') ?? 'alternate') === 'alternate').first();
    const href = (alternate.length ? alternate : all.first()).attr('href');
    if (href) links.push(href);
  });
  return links;
}

/** Links in the page's main content when it marks one, else in the whole page without its navigation. */
function pageLinks(html: string): string[] {
  const $ = load(html);
  $('nav, header, footer, aside, script, style, template').remove();
  const main = $('main, [role="main"], article').first();
  const scope = main.length ? main : $('body');
  return scope
    .find('a[href]')
    .map((_, a) => $(a).attr('href') ?? '')
    .get()
    .filter((href) => href && !href.startsWith('#'));
}
