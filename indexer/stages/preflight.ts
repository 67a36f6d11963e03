/**
 * preflight: cheap checks before any parsing. Size limit, sidecar syntax, the
 * content matching its extension, text decoding, and the fingerprint that lets
 * an unchanged file be skipped without extracting it again.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fail, unchanged, type Job, type Stage, type StageContext } from './stage.js';
import { type MetadataInput } from '../../contract/extracted.js';
import { CorpusFileError, readCorpusFile } from './corpus-file.js';

/** A sidecar is a few lines of YAML; anything larger is a mistake or an attack. */
export const MAX_SIDECAR_BYTES = 256 * 1024;

export const preflightStage: Stage = {
  name: 'preflight',
  async run(job: Job, ctx: StageContext) {
    const { source } = job;
    let sidecarText = '';
    if (source.sidecarPath) {
      const sidecarName = basename(source.sidecarPath);
      try {
        sidecarText = (await readCorpusFile(source.root ?? ctx.corpusDir, source.sidecarPath, MAX_SIDECAR_BYTES)).toString('utf8');
      } catch (error) {
        if (error instanceof CorpusFileError) return fail(`sidecar ${sidecarName} ${error.message}`);
        throw error;
      }
      const parsed = parseSidecar(sidecarText);
      if (typeof parsed === 'string') return fail(`sidecar ${sidecarName}: ${parsed}`);
      job.sidecar = parsed;
    }

    let data: Buffer;
    try {
      data = await readCorpusFile(source.root ?? ctx.corpusDir, source.path, ctx.maxFileBytes);
    } catch (error) {
      if (error instanceof CorpusFileError) return fail(`file ${error.message}`);
      throw error;
    }
    if (data.length === 0) return fail('file is empty (0 bytes): nothing to index');
    job.bytes = data.length;
    job.sha256 = sha256(data);
    job.fingerprint = sha256(`${job.sha256}\n${sha256(sidecarText)}\n${ctx.configHash}`);
    if (ctx.indexed.get(source.id) === job.fingerprint) return unchanged();

    if (source.format === 'pdf') {
      if (!looksLikePdf(data)) return fail('not a PDF: the file has no %PDF header');
      job.data = data;
      return;
    }
    const decoded = decodeText(data);
    if (typeof decoded !== 'string') return fail(decoded.error);
    job.data = Buffer.from(decoded, 'utf8');
  },
};

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function parseSidecar(text: string): MetadataInput | string {
  let value: unknown;
  try {
    // As front matter: the core schema (no custom tags), aliases capped, warnings not written to the server's stderr.
    value = parseYaml(text, { schema: 'core', maxAliasCount: 100, prettyErrors: false, logLevel: 'error' });
  } catch (err) {
    return `not valid YAML: ${(err as Error).message.split('\n')[0]}`;
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return 'must be a mapping of field: value';
  return value as MetadataInput;
}

/** `%PDF-` near the start; a few real files open with a binary comment instead, then objects. */
function looksLikePdf(data: Buffer): boolean {
  const head = data.subarray(0, 1024).toString('latin1');
  if (head.includes('%PDF-')) return true;
  return head.startsWith('%') && data.subarray(0, 4096).toString('latin1').includes(' obj');
}

const BINARY = { error: 'binary content where text was expected (the extension does not match the file)' };

/** Bytes sampled to tell text from binary: enough for any real header, cheap for a 100 MB file. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Control bytes (other than tab, line and page breaks, and escape) are rare in text and
 * common in binary formats (one byte in ten of compressed or random data).
 */
function controlShare(data: Buffer): number {
  const sample = data.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f) control++;
  }
  return sample.length === 0 ? 0 : control / sample.length;
}

/** Share of bytes above ASCII: Windows-1252 prose has a few accents and quotes, binary data half its bytes. */
function highShare(data: Buffer): number {
  const sample = data.subarray(0, SAMPLE_BYTES);
  let high = 0;
  for (const byte of sample) if (byte >= 0x80) high++;
  return sample.length === 0 ? 0 : high / sample.length;
}

/**
 * Text formats: UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252, the
 * usual encoding of older Word exports. NUL bytes, or many control bytes, or (for
 * what is not UTF-8) mostly non-ASCII bytes mean binary content, which would
 * otherwise be indexed as mojibake.
 */
export function decodeText(data: Buffer): string | { error: string } {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  if (data.includes(0) || controlShare(data) > 0.01) return BINARY;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    if (highShare(data) > 0.3) return BINARY;
    return new TextDecoder('windows-1252').decode(data);
  }
}
