/** Everyone named in the collection, and one person's documents and passages. */
import type { Request, Response } from 'express';
import { SLUG_PATTERN } from '../../contract/ids.js';
import { baseUrl, type AppContext } from '../context.js';
import { NotFound } from '../errors.js';
import { personUrl, speakerPath } from '../links.js';
import { sortName } from '../search/library.js';

function slugParam(req: Request): string {
  const slug = String(req.params['slug'] ?? '');
  if (!SLUG_PATTERN.test(slug) || slug.length > 200) throw new NotFound(`Nobody called "${slug.slice(0, 80)}" appears in the collection.`);
  return slug;
}

export function peopleHandlers(context: AppContext) {
  return {
    async list(_req: Request, res: Response) {
      const people = await context.library.people();
      const groups = new Map<string, typeof people>();
      for (const person of people) {
        const letter = sortName(person.name).charAt(0).toUpperCase();
        const key = /[A-Z]/.test(letter) ? letter : '#';
        groups.set(key, [...(groups.get(key) ?? []), person]);
      }
      res.render('pages/people', { title: 'People', people, groups: [...groups.entries()] });
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
