/**
 * Where an event took place: "hosted a roundtable in Brussels", "held in London",
 * or a dateline ("Brussels, 12 March 2024").
 */
import { foldAccents } from '../../contract/ids.js';

/** Cities where events on European security are usually held; used to trust a dateline. */
const KNOWN_CITIES = [
  'Brussels', 'London', 'Paris', 'Berlin', 'Rome', 'Milan', 'Madrid', 'Lisbon', 'Dublin', 'Edinburgh', 'Cardiff',
  'Belfast', 'Oxford', 'Cambridge', 'The Hague', 'Amsterdam', 'Luxembourg', 'Strasbourg', 'Geneva', 'Vienna',
  'Warsaw', 'Prague', 'Budapest', 'Bratislava', 'Bucharest', 'Sofia', 'Athens', 'Copenhagen', 'Stockholm', 'Oslo',
  'Helsinki', 'Tallinn', 'Riga', 'Vilnius', 'Kyiv', 'Kiev', 'Munich', 'Bonn', 'Hamburg', 'Florence', 'Bruges',
  'Washington', 'Washington DC', 'Washington, D.C.', 'New York', 'Ottawa', 'Canberra', 'Tokyo', 'Ankara', 'Istanbul',
  'Zagreb', 'Ljubljana', 'Valletta', 'Nicosia', 'Reykjavik', 'Bern', 'Zurich', 'Chisinau',
  'Wilton Park', 'Westminster', 'Salzburg', 'Krakow', 'Kraków', 'Gdansk', 'Gdańsk', 'Aachen', 'Frankfurt',
];
const CITY_KEYS = new Map(KNOWN_CITIES.map((city) => [foldAccents(city), city]));

export function isKnownCity(name: string): boolean {
  return CITY_KEYS.has(foldAccents(name));
}

/** Capitalised words after "in" that name a time or a thing, not a place. */
const NOT_PLACES = new Set(
  ('january february march april may june july august september october november december spring summer autumn winter ' +
    'the a an this that its their parliament person public private partnership particular practice response order ' +
    'addition support light view line terms relation respect which person-to-person english french german')
    .split(' '),
);

const EVENT_VERB = /\b(?:hosted|held|took place|convened|organi[sz]ed|gathered|met|meeting|took part)\b/giu;
const IN_PLACE = /\bin\s+((?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,2})/u;

/** The place named by "… hosted/held/took place … in <Place>" within one sentence. */
export function findEventPlace(text: string): string | null {
  for (const m of text.matchAll(EVENT_VERB)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 160);
    // Stay within the sentence: a full stop followed by a space ends it.
    const sentence = after.split(/[.!?](?:\s|$)/u)[0] ?? '';
    const found = IN_PLACE.exec(sentence);
    if (!found) continue;
    const place = found[1]!;
    // "in the Hague" is a place; "in the Council" is not.
    if (/^the\s/i.test(place) && !isKnownCity(place)) continue;
    const known = CITY_KEYS.get(foldAccents(place));
    if (known) return known;
    if (NOT_PLACES.has(place.split(/\s+/)[0]!.toLowerCase())) continue;
    return trimToKnownCity(place);
  }
  return null;
}

/** "Brussels Belgium" → "Brussels"; an unknown name is returned as written. */
function trimToKnownCity(place: string): string {
  const words = place.split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const candidate = CITY_KEYS.get(foldAccents(words.slice(0, n).join(' ')));
    if (candidate) return candidate;
  }
  return place;
}

/** A dateline: a known city just before a date ("Remarks by X, Brussels, 12 March 2024"). */
export function findDatelinePlace(text: string, dateIndex: number): string | null {
  const before = text.slice(Math.max(0, dateIndex - 60), dateIndex);
  const m = /(\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+)?)\s*[,–—-]\s*(?:on\s+)?$/u.exec(before);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  // "The Hague", else the last word alone ("Sir X, Brussels").
  for (const candidate of [words.join(' '), words[words.length - 1]!]) {
    const city = CITY_KEYS.get(foldAccents(candidate));
    if (city) return city;
  }
  return null;
}
