/**
 * Page furniture that stands between a text's title and its lede on a saved or republished page: an image's
 * caption and its credit line. Such a line is the picture's, not the text's, and must not hide the lede under it.
 */

/** A credit for a picture: "Source: …", "Photo: …", "Image credit …", "© …", "Photo by …", "(Getty Images)". */
const CREDIT = /(?:^|[\s(])(?:source|photo(?:graph)?|image|picture|illustration|credits?|copyright)\s*(?:credit\s*)?:|©|\b(?:photo(?:graph)?|image|picture|illustration) (?:by|credit)\b|\bGetty Images\b/iu;

/** A line that is an image's caption or credit (a credit anywhere in a line of at most 60 words), not prose of the text. */
export function isCaption(line: string): boolean {
  const text = line.trim();
  return text.split(/\s+/u).length <= 60 && CREDIT.test(text);
}

/**
 * A block that can be a story's lede: a sentence of at least eight words, not a caption. A distributor's listing
 * line ("09/18/2025 | Press release | Distributed by …") or a teaser cut off mid-sentence ("… with UK and[...]")
 * has no sentence end.
 */
export function isLedeProse(text: string): boolean {
  return text.split(/\s+/u).length >= 8 && /[.!?][”"’)]*(?:\s|$)/u.test(text) && !isCaption(text);
}
