/**
 * The site under test: a fixture corpus (the shipped corpus plus Markdown, text
 * with a sidecar and HTML documents, some carrying XSS payloads) indexed by the
 * real indexer under the suite's own prefix, served by createApp through a
 * search-only key.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Express } from 'express';
import type { IndexSummary } from '../../indexer/pipeline.js';
import { indexedApp } from '../support/app.js';
import { copyShippedBasics } from '../support/corpus.js';
import { tempDir } from '../support/engine.js';

export const SEED_ID = 'uk-eu-defence-roundtable-2025-txt';
export const XSS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</mark>'] as const;

const FILLER =
  'Officials described the administrative steps needed before any new arrangement could take effect, and argued that trust between ministries would matter more than the wording of any treaty text.';

/** Used only when the shipped corpus has no taxonomy yet. */
const FALLBACK_THEMES = `threshold: 1
themes:
  - id: nato
    label: NATO
    description: The North Atlantic Alliance and its relation to EU defence.
    terms:
      phrases: [North Atlantic Treaty Organization, the Alliance]
      acronyms: [NATO]
  - id: migration
    label: Migration and smuggling
    description: Irregular migration, people smuggling and border cooperation.
    terms:
      phrases: [people smuggling, irregular migration, border cooperation]
  - id: sanctions
    label: Sanctions
    description: Restrictive measures under the CFSP.
    terms:
      phrases: [sanctions, restrictive measures]
`;

export const FIXTURES: Record<string, string> = {
  'papers/hostile-paper.md': `---
title: "Hostile ${XSS[0]} paper ${XSS[1]}"
date: 2024-03-01
type: policy-paper
organisations: ["Institute ${XSS[1]}"]
authors: ["Eve Scriptwriter"]
speakers: ["Mallory <script>alert(1)</script> Jones"]
---

# Findings ${XSS[0]}

NATO planners discussed people smuggling ${XSS[0]} and ${XSS[2]} closing tags and ${XSS[1]} images in the text. ${FILLER}

The Alliance must also consider sanctions enforcement with NATO partners. ${FILLER}
`,
  // Plain text keeps markup-like text verbatim, so the payloads reach passages and snippets.
  'notes/hostile-notes.txt': `Notes on NATO ${XSS[2]} and ${XSS[0]}

NATO planners wrote ${XSS[0]} and ${XSS[1]} and a stray ${XSS[2]} closing tag into these notes on people smuggling. ${FILLER}
`,
  'briefings/sanctions-briefing.txt': `Sanctions and the Common Foreign and Security Policy

Sanctions policy after the war in Ukraine has relied on coordination between London and Brussels. Restrictive measures adopted under the CFSP were mirrored by the United Kingdom. ${FILLER}

NATO allies have followed the same sanctions packages, and further restrictive measures are expected. ${FILLER}
`,
  'briefings/sanctions-briefing.meta.yml': `title: Sanctions and the CFSP after Brexit
date: 2023-11-20
type: briefing
organisations: [Centre for European Reform]
authors: [Julian King]
`,
  'news/coast-guard-agreement.html': `<!doctype html>
<html lang="en"><head><title>Coast guard agreement on border cooperation</title>
<meta name="date" content="2022-06-15"><meta name="author" content="Jonathan Faull"></head>
<body><h1>Coast guard agreement on border cooperation</h1>
<p>The agreement covers border cooperation in the Channel and joint patrols against people smuggling networks. ${FILLER}</p>
<p>Irregular migration across the Channel remained a political priority for both governments. ${FILLER}</p>
<script>document.title = 'pwned'</script>
</body></html>
`,
  'speeches/nato-summit-remarks.md': `---
title: Remarks on NATO and European defence
date: 2024-09-10
type: speech
speakers: [Jonathan Faull]
organisations: [Centre for European Reform]
place: London
---

NATO remains the cornerstone of European defence, and the Alliance benefits when the European Union invests in capabilities. ${FILLER}

The North Atlantic Treaty Organization and the Union should align their planning. ${FILLER}
`,
};

export interface Site {
  app: Express;
  prefix: string;
  corpusDir: string;
  masterKey: string | null;
  searchKey: string | undefined;
  summary: IndexSummary;
}

export function writeFixtureCorpus(name: string): string {
  const corpusDir = tempDir(`${name}-corpus`);
  copyShippedBasics(corpusDir);
  if (!existsSync(join(corpusDir, 'themes.yml'))) writeFileSync(join(corpusDir, 'themes.yml'), FALLBACK_THEMES);
  for (const [relative, content] of Object.entries(FIXTURES)) {
    mkdirSync(dirname(join(corpusDir, relative)), { recursive: true });
    writeFileSync(join(corpusDir, relative), content);
  }
  return corpusDir;
}

export async function indexedSite(name: string): Promise<Site> {
  const corpusDir = writeFixtureCorpus(name);
  return { ...(await indexedApp(name, corpusDir)), corpusDir };
}
