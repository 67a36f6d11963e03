/** `text` as a regular expression that matches it literally ("Article 42(7)" -> "Article 42\(7\)"). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
