import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

const require = createRequire(import.meta.url);

let segmenter: Jieba | undefined;

/**
 * jieba with its bundled dictionary, loaded on first use (about 0.25 s and 11 MB read): a process
 * that never indexes or searches postings does not pay for it.
 */
function jieba(): Jieba {
  if (!segmenter) {
    const { Jieba: Segmenter } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict');
    segmenter = Segmenter.withDict(dict);
  }
  return segmenter;
}

/** A word worth indexing: it holds a letter or a digit (punctuation and spaces are not words). */
const WORDISH = /[\p{L}\p{N}]/u;

/**
 * The words of a text as jieba cuts it in search mode (`会计师` → 会计, 会计师; `维修电工` → 维修, 电工,
 * 维修电工), lower-cased, punctuation left out, in order, repeats kept. Both the postings and the
 * queries are cut by this one function, so a two-character word of a query meets the same word in
 * a posting.
 */
export function searchWords(text: string): string[] {
  if (text.trim() === '') return [];
  return jieba()
    .cutForSearch(text, true)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => WORDISH.test(word));
}

/** A lexeme as the tsvector and tsquery input syntax quotes it: in single quotes, quotes and backslashes doubled. */
function quoted(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The weight of each part of a posting in relevance: title and occupation above employer above duties above requirements. */
export type SearchWeight = 'A' | 'B' | 'C' | 'D';

/**
 * A tsvector literal (`'会计':1A '会计师':2A …`) of the search-mode words of the given texts, each
 * with its weight and positions. Written as a literal rather than by `to_tsvector`, so neither
 * backend's parser or locale splits a word again: the lexemes are exactly jieba's words, unstemmed,
 * as the `simple` configuration would keep them. PostgreSQL keeps 256 positions a lexeme, the
 * highest 16,383.
 */
export function tsvectorLiteral(parts: readonly { text: string; weight: SearchWeight }[]): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { text, weight } of parts) {
    for (const word of searchWords(text)) {
      position = Math.min(position + 1, 16_383);
      const list = positions.get(word) ?? [];
      if (list.length < 256) list.push(`${position}${weight}`);
      positions.set(word, list);
    }
  }
  return [...positions].map(([word, list]) => `${quoted(word)}:${list.join(',')}`).join(' ');
}

/**
 * A tsvector literal of every search-mode word of the texts once, without positions or weights
 * (`'会计' '财务'`): what a keyword is matched against, at the least size a row can hold it.
 */
export function wordsLiteral(texts: readonly string[]): string {
  return [...new Set(texts.flatMap(searchWords))].map(quoted).join(' ');
}

/**
 * A tsquery literal for a search box's text, or undefined when it holds no word. Each word of the
 * query (jieba's precise cut) must be found: as itself, or as all the shorter words search mode
 * finds in it (`财务会计` as 财务会计, or 财务 and 会计; `会计师` as 会计师, or 会计), so a query finds
 * postings that say the same in other words. A word of one character matches the words starting
 * with it (`电` finds 电工).
 */
export function tsqueryLiteral(query: string): string | undefined {
  const terms = jieba()
    .cut(query.slice(0, 200), true)
    .map((word) => word.trim().toLowerCase())
    .filter((word) => WORDISH.test(word));
  const clauses = [...new Set(terms)].map((word) => {
    if ([...word].length === 1) return `${quoted(word)}:*`;
    const shorter = [...new Set(searchWords(word))].filter((part) => part !== word);
    return shorter.length === 0 ? quoted(word) : `( ${quoted(word)} | ${shorter.map(quoted).join(' & ')} )`;
  });
  return clauses.length === 0 ? undefined : clauses.join(' & ');
}
