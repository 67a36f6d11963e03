/**
 * Markdown extractor: YAML front matter becomes document properties; the body is
 * tokenised (never rendered) and each block token becomes a block of plain text.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { decodeHTML } from 'entities';
import type { Block, Extracted, MetadataInput } from '../../contract/extracted.js';
import { type Extractor } from './extractor.js';
import { emptyExtracted } from '../../contract/extracted.js';
import { decodeUtf8, pushBlock } from './text.js';
import { htmlFragmentText } from './html.js';
import { splitFrontMatter } from './front-matter.js';

/** Markdown has no pages. */
const PAGE = 1;

function isRecord(value: unknown): value is MetadataInput {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flattens inline tokens to plain text: links keep their text, images their alt text, raw HTML is dropped. */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return '';
  let text = '';
  // Inline raw HTML arrives as separate open/close tokens; the text between a <script> or <style> pair is not prose.
  let insideRawElement = false;
  for (const token of tokens) {
    if (token.type === 'html') {
      const tag = (token as Tokens.Tag).text;
      if (/^<(script|style)\b/i.test(tag)) insideRawElement = true;
      else if (/^<\/(script|style)\b/i.test(tag)) insideRawElement = false;
      else if (/^<br\b/i.test(tag)) text += ' ';
      continue;
    }
    if (insideRawElement) continue;
    switch (token.type) {
      case 'text': {
        const t = token as Tokens.Text;
        text += t.tokens ? inlineText(t.tokens) : decodeHTML(t.text);
        break;
      }
      case 'escape':
        text += (token as Tokens.Escape).text;
        break;
      case 'codespan':
        text += (token as Tokens.Codespan).text;
        break;
      case 'br':
        text += ' ';
        break;
      case 'image':
        text += decodeHTML((token as Tokens.Image).text);
        break;
      case 'checkbox':
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) text += inlineText(token.tokens);
        else if ('text' in token && typeof token.text === 'string') text += decodeHTML(token.text);
    }
  }
  return text;
}

/** Text of a list item's own content; nested lists become blocks of their own, after it. */
function listItemBlocks(item: Tokens.ListItem, blocks: Block[]): void {
  const own: string[] = [];
  const nested: Token[] = [];
  for (const token of item.tokens) {
    if (token.type === 'list') nested.push(token);
    else if (token.type === 'text' || token.type === 'paragraph') own.push(inlineText((token as Tokens.Text).tokens));
    else if (token.type !== 'checkbox' && token.type !== 'space') nested.push(token);
  }
  pushBlock(blocks, PAGE, 'list-item', own.join(' '));
  tokenBlocks(nested, blocks);
}

function tokenBlocks(tokens: Token[], blocks: Block[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        pushBlock(blocks, PAGE, 'heading', inlineText((token as Tokens.Heading).tokens));
        break;
      case 'paragraph':
      case 'text': {
        const t = token as Tokens.Paragraph | Tokens.Text;
        pushBlock(blocks, PAGE, 'paragraph', t.tokens ? inlineText(t.tokens) : decodeHTML(t.text));
        break;
      }
      case 'list':
        for (const item of (token as Tokens.List).items) listItemBlocks(item, blocks);
        break;
      case 'blockquote':
        tokenBlocks((token as Tokens.Blockquote).tokens, blocks);
        break;
      case 'table': {
        // One block per row, cells separated so their words do not run together.
        const table = token as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          const cells = row.map((cell) => inlineText(cell.tokens).trim()).filter(Boolean);
          pushBlock(blocks, PAGE, 'paragraph', cells.join(' | '));
        }
        break;
      }
      case 'code':
        pushBlock(blocks, PAGE, 'paragraph', (token as Tokens.Code).text);
        break;
      case 'html':
        for (const block of htmlFragmentText((token as Tokens.HTML).text)) pushBlock(blocks, PAGE, block.kind, block.text);
        break;
      default:
        // space, hr, def: nothing to read.
        break;
    }
  }
}

/** Blocks of a Markdown body (front matter already removed). */
export function markdownBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  tokenBlocks(new Lexer({ gfm: true }).lex(body), blocks);
  return blocks;
}

export const extractMarkdown: Extractor = async (job): Promise<Extracted> => {
  const source = decodeUtf8(job.data);
  const parsed = splitFrontMatter(source);
  const warnings: string[] = [];
  let properties: MetadataInput = {};
  if (isRecord(parsed.data)) properties = parsed.data;
  else if (parsed.data !== null) warnings.push('front matter is not a mapping of fields; ignored');
  const blocks = markdownBlocks(parsed.content);
  const hasProperties = Object.keys(properties).length > 0;
  return {
    ...emptyExtracted(),
    blocks,
    pages: 1,
    properties,
    propertiesSource: hasProperties ? 'front-matter' : null,
    warnings,
  };
};
