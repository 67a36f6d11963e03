/** The theme taxonomy with document counts. */
import type { Request, Response } from 'express';
import { baseUrl, type AppContext } from '../context.js';
import { themeUrl } from '../links.js';

async function themeList(context: AppContext) {
  const counts = await context.library.themeCounts();
  const known = context.themes.themes().map((theme) => ({
    id: theme.id,
    label: theme.label,
    description: theme.description,
    broader: theme.broader ? context.themes.label(theme.broader) : null,
    terms: [...theme.terms.acronyms, ...theme.terms.phrases].slice(0, 12),
    count: counts.get(theme.id) ?? 0,
  }));
  // Themes in the index but no longer in the taxonomy still show, by id.
  for (const [id, count] of counts) {
    if (!known.some((t) => t.id === id)) known.push({ id, label: id, description: '', broader: null, terms: [], count });
  }
  return known;
}

export function themeHandlers(context: AppContext) {
  return {
    async list(_req: Request, res: Response) {
      res.render('pages/themes', { title: 'Themes', themes: await themeList(context) });
    },
    async api(req: Request, res: Response) {
      const base = baseUrl(req);
      const themes = await themeList(context);
      res.json({ themes: themes.map((t) => ({ ...t, url: themeUrl(base, t.id) })) });
    },
  };
}
