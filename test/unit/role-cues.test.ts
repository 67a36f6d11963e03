/**
 * Role cues as programmes, agendas and event reports write them. Each row is
 * one phrasing found in real documents; the names are the people it should
 * record, each with its role. A person the cue names must get that role and
 * no other, and nothing else around the cue (an affiliation, a job title)
 * may become a person.
 */
import { strict as assert } from 'node:assert';
import type { Role } from '../../contract/document.js';
import type { Block } from '../../contract/extracted.js';
import { buildMetadata } from '../../indexer/stages/metadata.js';
import { newJob } from '../../indexer/stages/stage.js';

type Row = [phrasing: string, expected: [Role, string][]];

const ROWS: Row[] = [
  // Chairs
  ['Chair: Dr Jane Roe', [['chair', 'Jane Roe']]],
  ['Chair: Dr Jane Roe, Director, Centre for European Reform', [['chair', 'Jane Roe']]],
  ['Chaired by Professor Richard Miles', [['chair', 'Richard Miles']]],
  ['The session was chaired by Ambassador Maria Lopez.', [['chair', 'Maria Lopez']]],
  ['Co-chairs: Dr Jane Roe and Sir Peter Stone', [['chair', 'Jane Roe'], ['chair', 'Peter Stone']]],
  ['Chairperson – Baroness Anne Hartley', [['chair', 'Anne Hartley']]],
  ['Session chair: Dr Jane Roe', [['chair', 'Jane Roe']]],
  ['The meeting took place under the chairmanship of Dr Pieter de Vries.', [['chair', 'Pieter de Vries']]],
  // Moderators
  ['Moderator: Dr Amir Khan', [['moderator', 'Amir Khan']]],
  ['Moderator: Dr Amir Khan (King’s College London)', [['moderator', 'Amir Khan']]],
  ['The discussion was moderated by Sarah Jones.', [['moderator', 'Sarah Jones']]],
  ['Moderated by Ms Ana García', [['moderator', 'Ana García']]],
  ['Facilitator: Tom Brown', [['moderator', 'Tom Brown']]],
  ['Moderation: Sarah Jones', [['moderator', 'Sarah Jones']]],
  // Speakers
  ['Speakers: Julian King, Jonathan Faull and Eleanor Spaventa', [['speaker', 'Julian King'], ['speaker', 'Jonathan Faull'], ['speaker', 'Eleanor Spaventa']]],
  ['Panellists: Anna Berg, Marco Rossi', [['speaker', 'Anna Berg'], ['speaker', 'Marco Rossi']]],
  ['Panelists: Anna Berg and Marco Rossi', [['speaker', 'Anna Berg'], ['speaker', 'Marco Rossi']]],
  ['Keynote by Kaja Kallas', [['speaker', 'Kaja Kallas']]],
  ['Keynote address by Dr Jane Roe', [['speaker', 'Jane Roe']]],
  ['Keynote speaker: General Sir Nick Carter', [['speaker', 'Nick Carter']]],
  ['Remarks by Sir Julian King', [['speaker', 'Julian King']]],
  ['Opening remarks: Dr Jane Roe', [['speaker', 'Jane Roe']]],
  ['Closing remarks by Dr Jane Roe', [['speaker', 'Jane Roe']]],
  ['Presentations by Anna Berg and Marco Rossi', [['speaker', 'Anna Berg'], ['speaker', 'Marco Rossi']]],
  ['Speaker – Anna Berg', [['speaker', 'Anna Berg']]],
  ['In conversation with Kaja Kallas', [['speaker', 'Kaja Kallas']]],
  ['The roundtable opened with contributions from Anna Berg and Marco Rossi.', [['speaker', 'Anna Berg'], ['speaker', 'Marco Rossi']]],
  ['With contributions from Dr Claudia Major and Lord Ricketts', [['speaker', 'Claudia Major'], ['speaker', 'Lord Ricketts']]],
  ['Discussants: Jane Roe, Peter Stone', [['speaker', 'Jane Roe'], ['speaker', 'Peter Stone']]],
  // A programme with several roles, each on its own line
  ['Chair: Dr Jane Roe\nSpeakers: Anna Berg and Marco Rossi', [['chair', 'Jane Roe'], ['speaker', 'Anna Berg'], ['speaker', 'Marco Rossi']]],
  ['Chair: Dr Jane Roe; Speakers: Anna Berg, Marco Rossi', [['chair', 'Jane Roe'], ['speaker', 'Anna Berg'], ['speaker', 'Marco Rossi']]],
  ['Moderator: Sarah Jones\nPanellists: Anna Berg, Marco Rossi', [['moderator', 'Sarah Jones'], ['speaker', 'Anna Berg'], ['speaker', 'Marco Rossi']]],
  // Authors
  ['Authors: Dr Jane Roe and Prof. Richard Miles', [['author', 'Jane Roe'], ['author', 'Richard Miles']]],
  ['Rapporteur: Peter Stone', [['author', 'Peter Stone']]],
  ['By Jane Roe', [['author', 'Jane Roe']]],
];

const BODY =
  'Participants discussed how the United Kingdom and the European Union could deepen cooperation on defence procurement, sanctions and military mobility over the coming years.';

/** The people with a role that `phrasing` gives a document: title line, the phrasing, a paragraph of body text. */
function peopleOf(phrasing: string): [Role, string][] {
  const lines = ['UK–EU Security Cooperation: A Roundtable', ...phrasing.split('\n'), BODY];
  const blocks: Block[] = lines.map((text) => ({ page: 1, kind: 'paragraph', text }));
  const job = newJob({ path: '/corpus/reports/programme.txt', relativePath: 'reports/programme.txt', id: 'programme', format: 'text', sidecarPath: null });
  job.extracted = { blocks, pages: 1, properties: {}, propertiesSource: null, needsOcr: false, warnings: [] };
  const metadata = buildMetadata(job);
  if ('error' in metadata) assert.fail(metadata.error);
  return metadata.people.filter((p) => p.role !== 'mentioned').map((p) => [p.role, p.name]);
}

const sorted = (pairs: [Role, string][]) => [...pairs].sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`));

describe('role cues from programmes and reports', () => {
  for (const [phrasing, expected] of ROWS) {
    it(`${JSON.stringify(phrasing)} -> ${expected.map(([role, name]) => `${role} ${name}`).join(', ')}`, () => {
      assert.deepEqual(sorted(peopleOf(phrasing)), sorted(expected));
    });
  }
});
