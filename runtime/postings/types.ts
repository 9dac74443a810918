/**
 * The public face of published vacancies (公共招聘网): what anyone may see of a posting, how it is
 * searched, and the counts beside a search. Only fields fit for the public: no contact person's mobile,
 * no internal notes, no caseworker. A posting is public while its vacancy-posting case is in the state
 * the packages declare as `publishedVacancy`; it leaves search, feeds and the sitemap in the same
 * transaction as the step that takes it out (withdrawn, filled, expired).
 */

/** The facets a search can be narrowed by, each counted beside the results. */
export const postingFacets = ['district', 'occupation', 'industry', 'salary', 'education', 'employmentForm', 'postedWithin'] as const;
export type PostingFacet = (typeof postingFacets)[number];

/** How results are ordered: by relevance to the keyword (newest first without one), newest first, or highest pay first. */
export type PostingSort = 'relevance' | 'date' | 'salary';

/** A public search. Every field optional; an unknown facet value matches nothing rather than failing. */
export interface PostingQuery {
  /** Keywords, Chinese or not: segmented as the postings are, so a two-character word (会计, 司机) finds them. */
  q?: string;
  /** A county-level division code (6 digits), or a city's (its districts' postings). */
  district?: string;
  /** An occupation group of the 2022 classification: a major group (`2`) or a minor group (`2-01`). */
  occupation?: string;
  /** An industry section of GB/T 4754-2017 (a letter, `A`..`T`). */
  industry?: string;
  /** A monthly pay band's id (see {@link salaryBands}). */
  salary?: string;
  /** An education code of the posting form (`20`, `40`, …, `none`). */
  education?: string;
  /** An employment form of the posting form (`full-time`, …). */
  employmentForm?: string;
  /** Posted within this many days (1, 3, 7, 30). */
  postedWithin?: number;
  sort?: PostingSort;
  /** From 1. */
  page?: number;
  /** 1..50, 20 by default. */
  pageSize?: number;
}

/** Monthly pay bands for the salary facet, in fen, lower bound inclusive, upper exclusive (`null`: no bound). */
export const salaryBands = [
  { id: 'lt3k', minFen: null, maxFen: 300_000 },
  { id: '3k-5k', minFen: 300_000, maxFen: 500_000 },
  { id: '5k-8k', minFen: 500_000, maxFen: 800_000 },
  { id: '8k-12k', minFen: 800_000, maxFen: 1_200_000 },
  { id: 'ge12k', minFen: 1_200_000, maxFen: null },
] as const;

/** One posting as a search result lists it. */
export interface PublicPostingSummary {
  /** The public id of the posting (the case's id). */
  id: string;
  /** The case number, for the applicant to quote. */
  caseNo: string;
  title: string;
  employerName: string;
  /** Division code of the work area, and its name. */
  workArea: string;
  workAreaName: string;
  /** Occupation code (2022 classification) and its title. */
  occupation: string;
  occupationName: string;
  payMinFen: number;
  payMaxFen: number;
  /** As the posting form says it (`monthly`, `hourly`, `piece`, …). */
  payBasis: string;
  education: string;
  employmentForm: string;
  headcount: number;
  /** When it went live (ISO instant), and the last day it is open (China date). */
  publishedAt: string;
  validUntil: string;
}

/** One posting's page: the summary and what the page shows besides. */
export interface PublicPostingDetail extends PublicPostingSummary {
  duties: string;
  requirements: string | null;
  industry: string | null;
  industryName: string | null;
  skillLevel: string | null;
  experienceYears: number | null;
  validFrom: string;
  /** The employer's credit code (public by law), for the page's hiring organisation. */
  employerCreditCode: string;
}

/** A facet's values with how many results each would give. */
export interface FacetCount {
  value: string;
  count: number;
}

export interface PostingSearchResult {
  total: number;
  page: number;
  pageSize: number;
  items: PublicPostingSummary[];
  facets: Record<PostingFacet, FacetCount[]>;
}

/** What a posting's page shows: live, or gone (and why), or never public (`undefined` from the lookup). */
export type PostingPage = { status: 'live'; posting: PublicPostingDetail } | { status: 'withdrawn' | 'filled' | 'expired' | 'paused'; title: string; employerName: string };

/** A published posting as the sitemap lists it. */
export interface PostingSitemapEntry {
  id: string;
  /** Last change (ISO instant). */
  updatedAt: string;
}

/** The public postings of this installation, read without a signed-in user (`publicPostings(rt)` in this folder). */
export interface PublicPostings {
  search(query: PostingQuery): Promise<PostingSearchResult>;
  /** Any string: `undefined` for one that names no posting ever public, a malformed id included. */
  page(id: string): Promise<PostingPage | undefined>;
  sitemap(): Promise<PostingSitemapEntry[]>;
}
