/** Everyone named in the collection, and one person's documents and passages. */
import type { Request, Response } from 'express';
import { SLUG_PATTERN } from '../../contract/ids.js';
import { baseUrl, type AppContext } from '../context.js';
import { BadRequest, NotFound } from '../errors.js';
import { foldAccents } from '../../contract/ids.js';
import { closestNames } from '../search/names.js';
import { personUrl, speakerPath } from '../links.js';
import { sortName, type PersonSummary } from '../search/library.js';

function slugParam(req: Request): string {
  const slug = String(req.params['slug'] ?? '');
  if (!SLUG_PATTERN.test(slug) || slug.length > 200) throw new NotFound(`Nobody called "${slug.slice(0, 80)}" appears in the collection.`);
  return slug;
}

/** `?q=` on /people: a name or part of one. */
function peopleQuery(req: Request): string {
  const q = req.query['q'];
  if (q === undefined) return '';
  if (typeof q !== 'string') throw new BadRequest('Parameter "q" may be given only once.');
  if (q.length > 200) throw new BadRequest('The name is too long (at most 200 characters).');
  return q.trim();
}

/** People whose name contains the words typed (accents and case ignored), else the closest names. */
function findPeople(people: PersonSummary[], q: string): PersonSummary[] {
  const words = foldAccents(q).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  const containing = people.filter((p) => {
    const name = foldAccents(`${p.name} ${p.display}`);
    return words.every((word) => name.includes(word));
  });
  if (containing.length > 0) return containing;
  const closest = new Set(closestNames(q, people.map((p) => p.name), 10));
  return people.filter((p) => closest.has(p.name));
}

export function peopleHandlers(context: AppContext) {
  return {
    async list(req: Request, res: Response) {
      const q = peopleQuery(req);
      const everyone = await context.library.people();
      const people = q ? findPeople(everyone, q) : everyone;
      const groups = new Map<string, typeof people>();
      for (const person of people) {
        const letter = sortName(person.name).charAt(0).toUpperCase();
        const key = /[A-Z]/.test(letter) ? letter : '#';
        groups.set(key, [...(groups.get(key) ?? []), person]);
      }
      res.render('pages/people', { title: 'People', people, total: everyone.length, q, groups: [...groups.entries()] });
    },

    async listApi(req: Request, res: Response) {
      const base = baseUrl(req);
      const people = await context.library.people();
      res.json({ people: people.map((p) => ({ ...p, url: personUrl(base, p.slug) })) });
    },

    async person(req: Request, res: Response) {
      const slug = slugParam(req);
      const { person, roles, documents, passages } = await context.library.person(slug);
      const titles = new Map(documents.map((d) => [d.id, d.title]));
      res.render('pages/person', {
        title: person.name,
        person,
        roles,
        documents: documents.map((d) => ({ document: d, roles: d.people.filter((p) => p.slug === slug).map((p) => p.role) })),
        passages: passages.map((p) => ({ ...p, documentTitle: titles.get(p.docId) ?? p.docId })),
        searchUrl: speakerPath(person.name),
      });
    },
  };
}
