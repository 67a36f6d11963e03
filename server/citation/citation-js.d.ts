/**
 * Types for the parts of Citation.js that Entente uses; the packages ship none.
 */
declare module '@citation-js/core' {
  export interface CiteFormatOptions {
    format?: 'text' | 'html' | 'rtf';
    template?: string;
    lang?: string;
    /** For `citation`: the cited items with their locators. */
    entry?: Array<{ id: string; locator?: string; label?: string }>;
  }

  export class Cite {
    constructor(data: unknown);
    /** The parsed items, as CSL-JSON. */
    data: Array<Record<string, unknown>>;
    format(style: 'bibliography' | 'citation' | 'bibtex', options?: CiteFormatOptions): string;
  }

  export interface CslStyleRegister {
    /** A style or locale as XML text, or as citeproc-js's JSON form of the XML. */
    add(name: string, xml: string | object): void;
    has(name: string): boolean;
  }

  export const plugins: {
    input: {
      util: {
        /** Citation.js's CSL-JSON clean-up: drops unknown variables and values of the wrong type. */
        clean(items: unknown[], options?: { bestGuessConversions?: boolean }): unknown[];
      };
    };
    config: {
      get(plugin: '@csl'): { styles: CslStyleRegister; locales: CslStyleRegister };
    };
  };
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';

declare module '@citation-js/name' {
  export interface ParsedName {
    given?: string;
    family?: string;
    suffix?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
  }
  export function parse(name: string): ParsedName;
}
