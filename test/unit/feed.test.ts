import { strict as assert } from 'node:assert';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomFeed, type AtomFeedOptions } from '../../server/citation/index.js';
import { BASE_URL, hostileDocument, policyPaper, seedEventReport } from '../fixtures/citation-documents.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Repeated elements always as arrays, so a one-entry feed reads the same as a long one.
  isArray: (name) => ['entry', 'link', 'author', 'contributor', 'category'].includes(name),
});

function feedOptions(overrides: Partial<AtomFeedOptions> = {}): AtomFeedOptions {
  return {
    title: 'Entente: “NATO” search',
    selfUrl: `${BASE_URL}/search.atom?q=NATO&theme=nato`,
    searchUrl: `${BASE_URL}/?q=NATO&theme=nato`,
    docs: [seedEventReport(), policyPaper()],
    baseUrl: BASE_URL,
    ...overrides,
  };
}

function parseFeed(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `not well-formed: ${JSON.stringify(valid)}`);
  const parsed = parser.parse(xml) as { feed?: XmlNode };
  assert.ok(parsed.feed, 'root element is <feed>');
  return parsed.feed;
}

function entries(feed: XmlNode): XmlNode[] {
  return (feed.entry as XmlNode[] | undefined) ?? [];
}

function links(node: XmlNode): XmlNode[] {
  return (node.link as XmlNode[] | undefined) ?? [];
}

function names(node: XmlNode, element: 'author' | 'contributor'): string[] {
  return ((node[element] as XmlNode[] | undefined) ?? []).map((person) => String(person.name));
}

/** Basic RFC 4287 structure: feed and every entry carry id, title, updated (RFC 3339) and an author somewhere. */
function assertAtomStructure(feed: XmlNode): void {
  assert.equal(feed['@xmlns'], ATOM_NS);
  for (const field of ['id', 'title', 'updated']) assert.ok(feed[field] !== undefined, `feed has <${field}>`);
  assert.match(String(feed.updated), RFC3339);
  assert.ok(links(feed).some((link) => link['@rel'] === 'self'), 'feed has rel=self');
  const feedHasAuthor = names(feed, 'author').length > 0;
  for (const entry of entries(feed)) {
    for (const field of ['id', 'title', 'updated']) assert.ok(entry[field] !== undefined, `entry has <${field}>`);
    assert.match(String(entry.updated), RFC3339);
    assert.ok(feedHasAuthor || names(entry, 'author').length > 0, 'every entry has an author');
    assert.ok(links(entry).some((link) => link['@rel'] === 'alternate'), 'entry links to its page');
  }
}

describe('Atom feed', () => {
  it('is well-formed Atom with the feed links and one entry per document, in the order given', () => {
    const xml = atomFeed(feedOptions());
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
    const feed = parseFeed(xml);
    assertAtomStructure(feed);
    assert.equal(feed.title, 'Entente: “NATO” search');
    assert.equal(feed.id, `${BASE_URL}/search.atom?q=NATO&theme=nato`);
    assert.deepEqual(
      links(feed).map((link) => [link['@rel'], link['@href']]),
      [
        ['self', `${BASE_URL}/search.atom?q=NATO&theme=nato`],
        ['alternate', `${BASE_URL}/?q=NATO&theme=nato`],
      ],
    );
    assert.deepEqual(
      entries(feed).map((entry) => entry.id),
      [`${BASE_URL}/documents/uk-eu-defence-roundtable-2025-txt`, `${BASE_URL}/documents/papers-cer-rebuilding-european-defence-pdf`],
    );
    assert.ok(xml.includes('q=NATO&amp;theme=nato'), 'ampersands in URLs are escaped');
  });

  it('describes the seed event report: dates, organisation as author, speakers as contributors, themes, summary, file', () => {
    const [seed] = entries(parseFeed(atomFeed(feedOptions())));
    assert.ok(seed);
    assert.equal(seed.title, 'UK–EU Defence and Security Partnership: Taking Stock and Looking Ahead');
    assert.equal(seed.updated, '2025-06-01T09:30:00.000Z');
    assert.equal(seed.published, '2025-05-05T00:00:00.000Z');
    assert.deepEqual(names(seed, 'author'), ['Institute for European Policymaking at Bocconi University']);
    assert.deepEqual(names(seed, 'contributor'), ['Eleanor Spaventa', 'Alan Dashwood', 'Jonathan Faull', 'Julian King']);
    assert.deepEqual(
      ((seed.category as XmlNode[]) ?? []).map((category) => [category['@term'], category['@label']]),
      [
        ['security-defence-partnership', 'Security and defence partnership'],
        ['nato', 'NATO'],
      ],
    );
    assert.match(String((seed.summary as XmlNode)['#text']), /^The discussion focused on progress/);
    const enclosure = links(seed).find((link) => link['@rel'] === 'enclosure');
    assert.equal(enclosure?.['@href'], `${BASE_URL}/documents/uk-eu-defence-roundtable-2025-txt/file`);
    assert.equal(enclosure?.['@type'], 'text/plain');
  });

  it('names the policy paper’s authors, not the people it mentions, and its PDF', () => {
    const [, paper] = entries(parseFeed(atomFeed(feedOptions())));
    assert.ok(paper);
    assert.deepEqual(names(paper, 'author'), ['Anna Müller', "Seán O'Brien"]);
    assert.equal(paper.published, '2024-11-12T00:00:00.000Z');
    const enclosure = links(paper).find((link) => link['@rel'] === 'enclosure');
    assert.equal(enclosure?.['@type'], 'application/pdf');
    assert.equal(enclosure?.['@length'], '481233');
  });

  it('feed updated is the given time, else the newest entry', () => {
    assert.equal(parseFeed(atomFeed(feedOptions({ updated: new Date('2025-07-01T08:00:00Z') }))).updated, '2025-07-01T08:00:00.000Z');
    assert.equal(parseFeed(atomFeed(feedOptions())).updated, '2025-06-01T09:30:00.000Z');
  });

  it('an entry with an unreadable index time falls back to its date', () => {
    const [entry] = entries(parseFeed(atomFeed(feedOptions({ docs: [seedEventReport({ indexedAt: 'not a time' })] }))));
    assert.equal(entry?.updated, '2025-05-05T00:00:00.000Z');
  });

  it('an empty search is still a valid feed', () => {
    const feed = parseFeed(atomFeed(feedOptions({ docs: [], updated: '2025-06-02T00:00:00Z' })));
    assertAtomStructure(feed);
    assert.equal(entries(feed).length, 0);
    assert.equal(feed.updated, '2025-06-02T00:00:00.000Z');
  });

  it('escapes hostile titles, names, themes and summaries, and drops characters XML forbids', () => {
    const xml = atomFeed(feedOptions({ title: 'Search </title><script>alert(1)</script>', docs: [hostileDocument()] }));
    assert.doesNotMatch(xml, /<script|<\/mark>|<img|<b>/);
    assert.ok(!xml.includes('\u0000') && !xml.includes('\u0001'));
    const feed = parseFeed(xml);
    assertAtomStructure(feed);
    assert.equal(feed.title, 'Search </title><script>alert(1)</script>');
    const [entry] = entries(feed);
    assert.ok(entry);
    assert.equal(entry.title, 'Defence </mark><script>alert(1)</script> <i>x</i> & {co} 100% $5 #1 a_b ~^\\ "q" ER - end');
    assert.deepEqual(names(entry, 'author'), ['Eve <img src=x onerror=alert(1)> Hacker}']);
    assert.equal(((entry.category as XmlNode[])[0] ?? {})['@label'], '<b>Evil</b> & "theme"');
    assert.equal((entry.summary as XmlNode)['#text'], 'Summary with <script>alert(2)</script> & ]]> and a NUL');
  });
});
