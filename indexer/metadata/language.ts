/**
 * A guess at the document's language (ISO 639-1) from its most common short
 * words. The corpus is mostly English with some European-language papers; a
 * stopword count separates those reliably on a few hundred words, and scripts
 * (Cyrillic, Greek, CJK) are recognised by their letters.
 */
import { foldAccents } from '../../contract/ids.js';

const STOPWORDS: Record<string, string> = {
  en: 'the and of to in is that for on with as are was by this be it from at which have has not an or their its will were',
  fr: 'le la les des et est une dans que pour qui sur pas par du au aux ce cette sont avec plus ont leur nous ou',
  de: 'der die das und ist nicht mit von den dem des ein eine auf fur sich auch als wird sind zu im bei nach oder',
  es: 'el los las del que en y por para con una es se su al como mas pero sus fue ha este esta son entre',
  it: 'il di che la le gli della delle per con non una sono del nel alla anche come questo questa dei essere ed',
  nl: 'de het een van en is dat op te zijn met voor niet aan ook als door wordt bij om naar er deze',
  pt: 'o os as do da dos das que em para com uma um nao por mais se ao pela pelo sao foi como',
  pl: 'i w na z ze sie nie do jest to jak oraz ale przez dla od po tak jego ich ktory ktora jako',
  sv: 'och att det som en ett av for med till den har inte pa var ar om de kan sina eller',
  da: 'og at det som en af for med til den har ikke pa er om de kan sig eller ved',
};

const STOPWORD_SETS = Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words.split(' '))] as const);

/** How much of the text to look at: enough words to be sure, little enough to stay fast. */
const SAMPLE_CHARS = 5000;

export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return null;
  const share = (pattern: RegExp) => (sample.match(pattern)?.length ?? 0) / letters;
  if (share(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > 0.05) return 'ja';
  if (share(/\p{Script=Hangul}/gu) > 0.3) return 'ko';
  if (share(/\p{Script=Han}/gu) > 0.3) return 'zh';
  if (share(/\p{Script=Cyrillic}/gu) > 0.5) return /[іїєґ]/iu.test(sample) ? 'uk' : 'ru';
  if (share(/\p{Script=Greek}/gu) > 0.5) return 'el';
  if (share(/\p{Script=Arabic}/gu) > 0.5) return 'ar';

  const words = foldAccents(sample).match(/\p{L}+/gu) ?? [];
  let best: string | null = null;
  let bestCount = 0;
  for (const [lang, set] of STOPWORD_SETS) {
    let count = 0;
    for (const word of words) if (set.has(word)) count++;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  // Too few function words to tell (a title, a list of names): Latin-script text here is English.
  if (bestCount < 3 || bestCount / words.length < 0.05) return 'en';
  return best;
}
