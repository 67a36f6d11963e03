/**
 * `npm run eval`: measures metadata, themes and search on the labelled
 * development set in eval/ (real public texts, see eval/SOURCES.md).
 *
 * The texts are indexed by the real pipeline into a Meilisearch prefix of their
 * own, with the shipped taxonomy and glossary; the queries go through the real
 * HTTP app (createApp + supertest), so the figures are what a user gets. Each
 * figure is printed with the cases it got wrong and written as JSON to
 * eval/results/. Figures are reported, never asserted: the tests assert
 * behaviours on fixtures of their own.
 *
 *   npm run eval [-- --label before] [--dir other/eval/folder]
 *
 * A `heldout/` folder beside the labels (texts/ and labels.yml) is indexed and reported as a
 * separate split: texts nothing was tuned on, to show whether a change generalises.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import request from 'supertest';
import type { DocumentRecord } from '../contract/document.js';
import { foldAccents } from '../contract/ids.js';
import { indexNames } from '../contract/settings.js';
import { parseGivenName } from '../indexer/metadata/names.js';
import { adminClient, tempDir } from '../test/support/engine.js';
import { indexedApp } from '../test/support/app.js';

const ROOT = resolve(import.meta.dirname, '..');

interface LabelPerson {
  name: string;
  role: string;
}
interface Label {
  file: string;
  url?: string;
  publisher?: string;
  publisher_aliases?: string[];
  title?: string;
  date?: string;
  type?: string;
  people?: LabelPerson[];
  themes?: string[];
}
interface Query {
  id: string;
  q: string;
  filters?: Partial<Record<'speaker' | 'theme' | 'type' | 'org' | 'from' | 'to', string | string[]>>;
  relevant: Record<string, number>;
  kind?: string;
}

function args(): { label: string; dir: string } {
  const argv = process.argv.slice(2);
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { label: get('label') ?? 'latest', dir: resolve(get('dir') ?? join(ROOT, 'eval')) };
}

const norm = (s: string) => foldAccents(s).replace(/[^a-z0-9]+/g, ' ').trim();
const orgNorm = (s: string) => norm(s).replace(/^the /, '');
/** One person however a label writes them: "Sir Gary Streeter" is the Gary Streeter Entente stores (honorifics apart). */
const personNorm = (s: string) => norm(parseGivenName(s).name);
const round = (n: number) => Math.round(n * 1000) / 1000;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
/** Labels name files relative to texts/ (a leading "texts/" is tolerated). */
const labelFile = (file: string) => file.replace(/^\.?\/?(?:texts\/)?/, '');

type Precision = 'year' | 'month' | 'day';
const precisionOf = (date: string): Precision => (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day');

function prf(tp: number, fp: number, fn: number) {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision: round(precision), recall: round(recall), f1: round(f1(precision, recall)), tp, fp, fn };
}

function emptyRecord(file: string): DocumentRecord {
  return {
    file, date: null, people: [], themes: [], themeTags: [], organisations: [], publisher: null, type: 'not indexed', provenance: {},
  } as unknown as DocumentRecord;
}

/** The speaking roles a label or record may give; `mentioned` is not a person who made the text. */
const ROLES = ['author', 'speaker', 'chair', 'moderator'];

function evaluateMetadata(labels: Label[], records: Map<string, DocumentRecord>) {
  const missing = labels.filter((l) => !records.has(labelFile(l.file))).map((l) => l.file);
  // A labelled text the index does not hold is what a user gets: nothing. It counts, as an empty record.
  const pairs = labels.map((l) => ({ label: l, record: records.get(labelFile(l.file)) ?? emptyRecord(l.file) }));

  // Dates: right value at the labelled precision, and the same precision.
  const dated = pairs.filter((p) => p.label.date);
  const dateWrong: unknown[] = [];
  let valueRight = 0;
  let exactRight = 0;
  let undated = 0;
  for (const { label, record } of dated) {
    const want = label.date!;
    const got = record.date;
    const gotPrecision = (record as { datePrecision?: Precision }).datePrecision ?? (got ? precisionOf(got) : null);
    if (!got) undated++;
    const value = got !== null && got.slice(0, want.length) === want;
    const exact = value && gotPrecision === precisionOf(want);
    if (value) valueRight++;
    if (exact) exactRight++;
    if (!exact) dateWrong.push({ file: label.file, want, got, gotPrecision, provenance: record.provenance.date ?? null });
  }
  const undatedWithoutLabel = pairs.filter((p) => !p.label.date && p.record.date).map((p) => ({ file: p.label.file, got: p.record.date }));

  // People, by role and overall; `mentioned` never counts on either side.
  const byRole: Record<string, { tp: number; fp: number; fn: number }> = Object.fromEntries(ROLES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }]));
  const names = { tp: 0, fp: 0, fn: 0 };
  const peopleWrong: unknown[] = [];
  for (const { label, record } of pairs) {
    const want = (label.people ?? []).filter((p) => ROLES.includes(p.role)).map((p) => ({ key: personNorm(p.name), role: p.role, name: p.name }));
    // A label that names someone by surname alone ("von der Leyen") means the person the record names in full.
    const got = record.people
      .filter((p) => ROLES.includes(p.role))
      .map((p) => ({ key: personNorm(p.name), role: p.role, name: p.name }))
      .map((p) => ({ ...p, key: want.find((w) => p.key.endsWith(` ${w.key}`))?.key ?? p.key }));
    const wantKeys = new Set(want.map((p) => p.key));
    const gotKeys = new Set(got.map((p) => p.key));
    const missed = want.filter((p) => !gotKeys.has(p.key));
    const extra = got.filter((p) => !wantKeys.has(p.key));
    names.tp += want.length - missed.length;
    names.fn += missed.length;
    names.fp += extra.length;
    const wrongRole: string[] = [];
    for (const role of ROLES) {
      const w = new Set(want.filter((p) => p.role === role).map((p) => p.key));
      const g = new Set(got.filter((p) => p.role === role).map((p) => p.key));
      const tp = [...w].filter((k) => g.has(k)).length;
      byRole[role]!.tp += tp;
      byRole[role]!.fn += w.size - tp;
      byRole[role]!.fp += g.size - tp;
    }
    for (const p of want) {
      const g = got.find((x) => x.key === p.key);
      if (g && g.role !== p.role) wrongRole.push(`${p.name}: ${g.role} (want ${p.role})`);
    }
    if (missed.length || extra.length || wrongRole.length) {
      peopleWrong.push({
        file: label.file,
        ...(missed.length ? { missed: missed.map((p) => `${p.name} (${p.role})`) } : {}),
        ...(extra.length ? { extra: extra.map((p) => `${p.name} (${p.role})`) } : {}),
        ...(wrongRole.length ? { wrongRole } : {}),
      });
    }
  }
  const roleTotals = Object.values(byRole).reduce((s, r) => ({ tp: s.tp + r.tp, fp: s.fp + r.fp, fn: s.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });

  // Publisher: the record's publisher (else its first organisation, for records from before the field existed).
  const withPublisher = pairs.filter((p) => p.label.publisher);
  const publisherWrong: unknown[] = [];
  for (const { label, record } of withPublisher) {
    // A label may give a name with its short form in brackets ("European External Action Service (EEAS)"): either is the publisher.
    const written = [label.publisher!, ...(label.publisher_aliases ?? [])];
    const accepted = new Set(written.flatMap((name) => [name, name.replace(/\s*\([^()]*\)\s*/gu, ' '), ...[...name.matchAll(/\(([^()]*)\)/gu)].map((m) => m[1]!)]).map(orgNorm));
    const r = record as DocumentRecord & { publisher?: string | null };
    const got = 'publisher' in r ? (r.publisher ?? null) : (record.organisations[0] ?? null);
    if (!got || !accepted.has(orgNorm(got))) publisherWrong.push({ file: label.file, want: label.publisher, got });
  }

  const typed = pairs.filter((p) => p.label.type);
  const typeWrong = typed.filter((p) => p.record.type !== p.label.type).map((p) => ({ file: p.label.file, want: p.label.type, got: p.record.type }));

  // Themes: the themes a record is about (its theme facet), against the labelled themes.
  const themeIds = new Set<string>();
  for (const { label, record } of pairs) {
    for (const t of label.themes ?? []) themeIds.add(t);
    for (const t of record.themes) themeIds.add(t);
  }
  const perTheme: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const id of themeIds) perTheme[id] = { tp: 0, fp: 0, fn: 0 };
  const themeWrong: unknown[] = [];
  for (const { label, record } of pairs) {
    const want = new Set(label.themes ?? []);
    const got = new Set(record.themes);
    const missed = [...want].filter((t) => !got.has(t));
    const extra = [...got].filter((t) => !want.has(t));
    for (const t of want) if (got.has(t)) perTheme[t]!.tp++;
    for (const t of missed) perTheme[t]!.fn++;
    for (const t of extra) perTheme[t]!.fp++;
    if (missed.length || extra.length) {
      // Why each theme was found: its score, whether it counted as "about", and its strongest terms.
      const scores = Object.fromEntries(
        (record.themeTags ?? []).map((tag) => [
          tag.id,
          `${tag.score ?? '?'} ${tag.weight ?? ''} ${Object.entries(tag.evidence).slice(0, 4).map(([t, n]) => `${t}×${n}`).join(', ')}`.trim(),
        ]),
      );
      themeWrong.push({ file: label.file, ...(missed.length ? { missed } : {}), ...(extra.length ? { extra } : {}), scores });
    }
  }
  const themeTotals = Object.values(perTheme).reduce((s, r) => ({ tp: s.tp + r.tp, fp: s.fp + r.fp, fn: s.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });

  return {
    documents: { labelled: labels.length, indexed: labels.length - missing.length, missing },
    date: {
      stated: dated.length,
      exact: round(exactRight / Math.max(1, dated.length)),
      value: round(valueRight / Math.max(1, dated.length)),
      undated,
      wrong: dateWrong,
      datedWithoutLabel: undatedWithoutLabel,
    },
    people: {
      names: prf(names.tp, names.fp, names.fn),
      withRole: prf(roleTotals.tp, roleTotals.fp, roleTotals.fn),
      byRole: Object.fromEntries(Object.entries(byRole).map(([role, c]) => [role, prf(c.tp, c.fp, c.fn)])),
      wrong: peopleWrong,
    },
    publisher: { accuracy: round((withPublisher.length - publisherWrong.length) / Math.max(1, withPublisher.length)), n: withPublisher.length, wrong: publisherWrong },
    type: { accuracy: round((typed.length - typeWrong.length) / Math.max(1, typed.length)), n: typed.length, wrong: typeWrong },
    themes: {
      micro: prf(themeTotals.tp, themeTotals.fp, themeTotals.fn),
      perTheme: Object.fromEntries(Object.entries(perTheme).sort().map(([id, c]) => [id, prf(c.tp, c.fp, c.fn)])),
      wrong: themeWrong,
    },
  };
}

function dcg(grades: number[]): number {
  return grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

async function evaluateSearch(app: Parameters<typeof request>[0], queries: Query[], labels: Map<string, Label>, fileOfId: Map<string, string>) {
  const results: { id: string; recall10: number; ndcg10: number; precisionFirstPage: number; violations: string[] }[] = [];
  const wrong: unknown[] = [];
  for (const query of queries) {
    const params: Record<string, string | string[]> = { q: query.q ?? '' };
    for (const [key, value] of Object.entries(query.filters ?? {})) {
      if (value === undefined || value === null || value === '') continue;
      params[key] = Array.isArray(value) ? value.map(String) : String(value);
    }
    // The first page as a user sees it (the default page size), of which the top ten are scored.
    const res = await request(app).get('/api/search').query(params);
    if (res.status !== 200) {
      results.push({ id: query.id, recall10: 0, ndcg10: 0, precisionFirstPage: 0, violations: [`HTTP ${res.status}`] });
      wrong.push({ id: query.id, q: query.q, error: `HTTP ${res.status}: ${String(res.text).slice(0, 200)}` });
      continue;
    }
    const hits = (res.body.hits as { id: string }[]).map((h) => fileOfId.get(h.id) ?? h.id);
    const relevant = Object.fromEntries(Object.entries(query.relevant ?? {}).map(([f, g]) => [labelFile(f), Number(g)]));
    const relevantFiles = Object.keys(relevant);
    const top10 = hits.slice(0, 10);
    const found = relevantFiles.filter((f) => top10.includes(f));
    const recall10 = relevantFiles.length ? found.length / relevantFiles.length : hits.length === 0 ? 1 : 0;
    const ideal = dcg(Object.values(relevant).sort((a, b) => b - a).slice(0, 10));
    const ndcg10 = ideal === 0 ? (hits.length === 0 ? 1 : 0) : dcg(top10.map((f) => relevant[f] ?? 0)) / ideal;
    const precisionFirstPage = hits.length === 0 ? (relevantFiles.length === 0 ? 1 : 0) : hits.filter((f) => f in relevant).length / hits.length;
    const violations = filterViolations(query, hits, labels);
    results.push({ id: query.id, recall10, ndcg10, precisionFirstPage, violations });
    if (recall10 < 1 || ndcg10 < 0.999 || violations.length) {
      wrong.push({
        id: query.id,
        q: query.q,
        ...(query.filters ? { filters: query.filters } : {}),
        recall10: round(recall10),
        ndcg10: round(ndcg10),
        missed: relevantFiles.filter((f) => !top10.includes(f)),
        top: top10.map((f) => (f in relevant ? `${f} (${relevant[f]})` : f)),
        ...(violations.length ? { violations } : {}),
      });
    }
  }
  const mean = (key: 'recall10' | 'ndcg10' | 'precisionFirstPage') => round(results.reduce((s, r) => s + r[key], 0) / Math.max(1, results.length));
  return {
    queries: results.length,
    recall10: mean('recall10'),
    ndcg10: mean('ndcg10'),
    precisionFirstPage: mean('precisionFirstPage'),
    filterViolations: results.reduce((s, r) => s + r.violations.length, 0),
    wrong,
  };
}

/** Results a filter should have excluded, judged against the labels (the truth), not the index. */
function filterViolations(query: Query, hits: string[], labels: Map<string, Label>): string[] {
  const list = (v: string | string[] | undefined) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  const f = query.filters ?? {};
  const types = list(f.type);
  const themes = list(f.theme);
  const speakers = list(f.speaker);
  const from = list(f.from)[0];
  const to = list(f.to)[0];
  const out: string[] = [];
  for (const file of hits) {
    const label = labels.get(file);
    if (!label) continue;
    if (types.length && label.type && !types.includes(label.type)) out.push(`${file}: type ${label.type}`);
    for (const theme of themes) if (label.themes && !label.themes.includes(theme)) out.push(`${file}: not about ${theme}`);
    for (const speaker of speakers) {
      if (label.people && !label.people.some((p) => ROLES.includes(p.role) && norm(p.name) === norm(speaker))) out.push(`${file}: ${speaker} did not speak or write`);
    }
    if ((from || to) && label.date) {
      const d = label.date;
      if (from && d.slice(0, from.length) < from.slice(0, d.length)) out.push(`${file}: dated ${d}, before ${from}`);
      if (to && d.slice(0, to.length) > to.slice(0, d.length)) out.push(`${file}: dated ${d}, after ${to}`);
    }
  }
  return out;
}

function gitRevision(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const show = (title: string, figure: string, wrong: unknown[]) => {
  console.log(`\n${title}: ${figure}`);
  for (const w of wrong) console.log(`  ✗ ${JSON.stringify(w)}`);
};

function print(report: ReturnType<typeof evaluateMetadata> & { search?: Awaited<ReturnType<typeof evaluateSearch>> }): void {
  const { date, people, publisher, type, themes, search } = report;
  console.log(
    `Documents: ${report.documents.indexed} of ${report.documents.labelled} labelled indexed` +
      (report.documents.missing.length ? ` (not indexed, counted as empty: ${report.documents.missing.join(', ')})` : ''),
  );
  show(`Date (${date.stated} texts state one)`, `exact ${date.exact} (value and precision), value ${date.value}, left undated ${date.undated}`, date.wrong);
  show(
    'People (mentioned excluded)',
    `names P ${people.names.precision} R ${people.names.recall} F1 ${people.names.f1}; with role F1 ${people.withRole.f1}; ` +
      Object.entries(people.byRole).map(([r, v]) => `${r} P ${v.precision} R ${v.recall} F1 ${v.f1}`).join('; '),
    people.wrong,
  );
  show(`Publisher (${publisher.n})`, `accuracy ${publisher.accuracy}`, publisher.wrong);
  show(`Type (${type.n})`, `accuracy ${type.accuracy}`, type.wrong);
  show(
    'Themes',
    `micro P ${themes.micro.precision} R ${themes.micro.recall} F1 ${themes.micro.f1}\n` +
      Object.entries(themes.perTheme).map(([id, v]) => `  ${id}: P ${v.precision} R ${v.recall} F1 ${v.f1} (tp ${v.tp} fp ${v.fp} fn ${v.fn})`).join('\n'),
    themes.wrong,
  );
  if (!search) return;
  show(
    `Search (${search.queries} queries)`,
    `recall@10 ${search.recall10}, nDCG@10 ${search.ndcg10}, precision of first page ${search.precisionFirstPage}, filter violations ${search.filterViolations}`,
    search.wrong,
  );
}

async function main(): Promise<void> {
  const { label, dir } = args();
  const textsDir = join(dir, 'texts');
  if (!existsSync(textsDir)) throw new Error(`${textsDir} does not exist`);
  const labels = readLabels(dir);
  const queries = existsSync(join(dir, 'queries.yml')) ? ((parseYaml(readFileSync(join(dir, 'queries.yml'), 'utf8')) ?? []) as Query[]) : [];

  const started = Date.now();
  const dev = await indexSplit('eval', textsDir);
  const { indexed, records, fileOfId } = dev;
  const labelByFile = new Map(labels.map((l) => [labelFile(l.file), l]));

  const metadata = evaluateMetadata(labels, records);
  const search = await evaluateSearch(indexed.app, queries, labelByFile, fileOfId);
  const report = {
    label,
    revision: gitRevision(),
    ranAt: new Date().toISOString(),
    machine: `${hostname()} (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'})`,
    durationMs: Date.now() - started,
    texts: readdirSync(textsDir).filter((f) => !f.endsWith('.meta.yml')).length,
    index: { indexed: indexed.summary.indexed, failed: indexed.summary.failed, needsOcr: indexed.summary.needsOcr },
    ...metadata,
    search,
  };
  print(report);
  await dev.remove();

  // The held-out split: texts no term, weight or threshold was chosen on, reported on their own.
  const heldoutDir = join(dir, 'heldout');
  let heldout: (ReturnType<typeof evaluateMetadata> & { texts: number }) | undefined;
  if (existsSync(join(heldoutDir, 'labels.yml'))) {
    const split = await indexSplit('eval-heldout', join(heldoutDir, 'texts'));
    heldout = { texts: readdirSync(join(heldoutDir, 'texts')).filter((f) => !f.endsWith('.meta.yml')).length, ...evaluateMetadata(readLabels(heldoutDir), split.records) };
    console.log(`\n=== Held-out split (${relative(ROOT, heldoutDir)}: ${heldout.texts} texts) ===`);
    print(heldout);
    await split.remove();
  }

  const out = join(ROOT, 'eval', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `${label}.json`);
  writeFileSync(file, `${JSON.stringify(heldout ? { ...report, heldout } : report, null, 2)}\n`);
  console.log(`\nWritten to ${relative(ROOT, file)}`);
}

function readLabels(dir: string): Label[] {
  return (parseYaml(readFileSync(join(dir, 'labels.yml'), 'utf8')) ?? []) as Label[];
}

/** One split's texts indexed with the shipped taxonomy and glossary (the corpus a researcher would have), in a prefix of its own. */
async function indexSplit(name: string, textsDir: string) {
  const corpus = tempDir(`${name}-corpus`);
  cpSync(textsDir, corpus, { recursive: true });
  for (const config of ['themes.yml', 'glossary.yml']) cpSync(join(ROOT, 'corpus', config), join(corpus, config));
  const indexed = await indexedApp(name, corpus);
  const client = await adminClient();
  const { results } = await client.index<DocumentRecord>(indexNames(indexed.prefix).documents).getDocuments({ limit: 10_000 });
  return {
    indexed,
    records: new Map(results.map((r) => [r.file, r])),
    fileOfId: new Map(results.map((r) => [r.id, r.file])),
    async remove() {
      await client.deleteIndex(indexNames(indexed.prefix).documents).waitTask().catch(() => {});
      await client.deleteIndex(indexNames(indexed.prefix).passages).waitTask().catch(() => {});
      rmSync(corpus, { recursive: true, force: true });
    },
  };
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
