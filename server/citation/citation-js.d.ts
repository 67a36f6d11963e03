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
    format(style: 'bibliography' | 'citation' | 'bibtex', options?: CiteFormatOptions): string;
  }

  export interface CslStyleRegister {
    add(name: string, xml: string): void;
    has(name: string): boolean;
  }

  export const plugins: {
    config: {
      get(plugin: '@csl'): { styles: CslStyleRegister };
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
