/**
 * Random front matter and sidecars, hostile or merely odd, through the extractors and
 * the metadata stage: every input either gives a document or a failure with a reason,
 * never an unexpected exception, never evaluated code, and only plain data out.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { ExtractionError, type Extracted, type MetadataInput } from '../../contract/extracted.js';
import { IN_PROCESS_EXTRACTORS } from '../../indexer/extractors/formats.js';
import { buildMetadata } from '../../indexer/stages/metadata.js';
import { parseSidecar } from '../../indexer/stages/preflight.js';
import { newJob, type StageContext } from '../../indexer/stages/stage.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const globals = globalThis as { enteFuzzRan?: boolean };

/** Keys the metadata stage reads, so random values reach the code that validates them. */
const KEYS = ['title', 'date', 'published', 'type', 'organisation', 'organisations', 'place', 'language', 'source_url', 'people', 'speakers', 'chair', 'authors', 'summary', 'password', '__proto__', 'constructor', 'toString'];

const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom('2025-13-45', '0000-00-00', 'yesterday', 'Κυριάκος Μητσοτάκης', 'Румен Радев', '习近平', '<script>alert(1)</script>', "'); DROP TABLE x; --", '\u0000\u202e', 'a'.repeat(5000)),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 5 }), fc.dictionary(fc.constantFrom(...KEYS, 'name', 'role'), tie('v'), { maxKeys: 4 })),
})).v;
const metadataInput = fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), value, { maxKeys: 8 });

/** Front matter as a hostile author might write it: any language tag, YAML tags, anchors, or plain noise. */
const frontMatter = fc.oneof(
  metadataInput.map((input) => `---\n${toYaml(input)}---\n`),
  metadataInput.map((input) => `---json\n${JSON.stringify(input)}\n---\n`),
  fc.tuple(fc.constantFrom('js', 'javascript', 'coffee', 'toml', 'yaml', 'YAML', 'json', ' ', ''), fc.string()).map(([lang, body]) => `---${lang}\n${body}\n---\n`),
  fc.constantFrom(
    "---\ntitle: !!js/function 'function () { globalThis.enteFuzzRan = true }'\n---\n",
    "---\ntitle: !!js/eval 'globalThis.enteFuzzRan = true'\n---\n",
    '---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n---\n',
    '---\n<<: {title: merged}\n---\n',
    '---\n---\n',
    '---\n',
  ),
  fc.string().map((text) => `---\n${text}\n---\n`),
);

function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 50) return false;
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (value instanceof Date) return true;
  if (Array.isArray(value)) return value.every((item) => isPlainData(item, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(value as object).every((item) => isPlainData(item, depth + 1));
  }
  return false;
}

async function extractMarkdown(source: string): Promise<Extracted | ExtractionError> {
  const job = newJob({ path: '', relativePath: 'x.md', id: 'x-md', format: 'markdown', sidecarPath: null });
  job.data = Buffer.from(source, 'utf8');
  try {
    return await IN_PROCESS_EXTRACTORS.markdown(job, {} as StageContext);
  } catch (error) {
    if (error instanceof ExtractionError) return error;
    throw error;
  }
}

function metadataFor(extracted: Extracted, sidecar: MetadataInput | null) {
  const job = newJob({ path: '/corpus/x.md', relativePath: 'x.md', id: 'x-md', format: 'markdown', sidecarPath: sidecar ? '/corpus/x.meta.yml' : null });
  job.extracted = extracted;
  job.sidecar = sidecar;
  return buildMetadata(job);
}

describe('security: fuzzing front matter and sidecars', function () {
  this.timeout(120_000);
  afterEach(() => delete globals.enteFuzzRan);

  it('reads any front matter as data or fails it with a reason', async () => {
    await fc.assert(
      fc.asyncProperty(frontMatter, fc.string(), async (head, body) => {
        const result = await extractMarkdown(`${head}${body}\n\nA paragraph of text.\n`);
        assert.equal(globals.enteFuzzRan, undefined, 'front matter was evaluated');
        if (result instanceof ExtractionError) {
          assert.ok(result.message.length > 0);
          return;
        }
        assert.ok(isPlainData(result.properties), 'properties are not plain data');
        for (const block of result.blocks) assert.equal(typeof block.text, 'string');
      }),
      { numRuns: 300 },
    );
  });

  it('parses any sidecar text as data or says why not, and builds metadata from any sidecar value', async () => {
    const sidecarText = fc.oneof(metadataInput.map((input) => toYaml(input)), fc.string(), fc.string({ unit: 'binary' }));
    await fc.assert(
      fc.asyncProperty(sidecarText, frontMatter, async (text, head) => {
        const parsed = parseSidecar(text);
        assert.equal(globals.enteFuzzRan, undefined);
        if (typeof parsed === 'string') {
          assert.ok(parsed.length > 0);
          return;
        }
        assert.ok(isPlainData(parsed));
        const extracted = await extractMarkdown(`${head}\nA paragraph naming Professor Jane Roe and Dr Иван Петров.\n`);
        if (extracted instanceof ExtractionError) return;
        const metadata = metadataFor(extracted, parsed);
        if ('error' in metadata) {
          assert.equal(typeof metadata.error, 'string');
          return;
        }
        assert.equal(typeof metadata.title, 'string');
        assert.ok(metadata.title.length > 0);
        for (const person of metadata.people) assert.match(person.slug, SLUG, JSON.stringify(person));
        assert.equal(new Set(metadata.people.map((p) => `${p.slug} ${p.role}`)).size, metadata.people.length);
      }),
      { numRuns: 300 },
    );
  });

  it('builds metadata from any sidecar object, prototype keys included', () => {
    fc.assert(
      fc.property(metadataInput, (sidecar) => {
        const extracted: Extracted = { blocks: [{ page: 1, kind: 'paragraph', text: 'Text.' }], pages: 1, properties: {}, propertiesSource: null, needsOcr: false, warnings: [] };
        const metadata = metadataFor(extracted, sidecar);
        if ('error' in metadata) return;
        assert.ok(isPlainData(JSON.parse(JSON.stringify(metadata))));
        for (const person of metadata.people) assert.match(person.slug, SLUG);
      }),
      { numRuns: 500 },
    );
  });
});
