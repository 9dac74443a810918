// Type-only imports: the engine's shapes, erased from the bundle.
import type { Definition, DefinitionChange, EffectiveLock, Overlay, OverlayProblem, ParameterSpec, ReplayResult } from '../../../engine/index.ts';
import type { Answer } from '../../../client/index.ts';

export type { Definition, DefinitionChange, EffectiveLock, FormDefinition, Overlay, OverlayOperation, OverlayProblem, ParameterSpec, ParameterValue } from '../../../engine/index.ts';

/** A process in force for the user's org unit (`GET /api/processes`). */
export type ProcessSummary = Answer<'/api/processes', 'get'>['items'][number];

/** `GET /api/processes/{id}/versions`: one published version on the user's path. */
export type PublishedVersion = Answer<'/api/processes/{processId}/versions', 'get'>['items'][number];

// The answers below are described in the OpenAPI document as objects only (the effective process,
// the diff, verification's definition, replay, migrations, publication): kept here, in the engine's
// shapes, until the document describes them.

/** A parameter of the process's plugin with its bounds and the value in force today. */
export type EffectiveParameter = ParameterSpec & { value: number | readonly string[] | undefined };

/** `GET /processes/{id}/effective`: what a level sees of a process. */
export interface EffectiveProcess {
  processId: string;
  version: number;
  definitionId: string;
  level: string;
  definition: Definition;
  locks: EffectiveLock[];
  parameters: EffectiveParameter[];
  /** The overlay the user's level is editing; null for anyone but a configurator. */
  overlay: { overlay: Overlay; source: 'draft' | 'published' | 'empty' } | null;
}

/** `GET /processes/{id}/diff`: the layers from the ministry down to the draft, and what each changed. */
export interface LevelDiff {
  levels: { level: string; version: number | null }[];
  changes: { from: string; to: string; changes: DefinitionChange[] }[];
}

/**
 * `POST /processes/{id}/overlay/verify`: the problems of a draft, its effective definition when it
 * applies, and whether it is the version in force already (nothing to publish).
 */
export interface Verification {
  problems: OverlayProblem[];
  definition: Definition | null;
  unchanged: boolean;
}

/** One closed case replayed against the draft. */
export type ReplayedCase = ReplayResult & { caseId: string; caseNo: string; recordedFinalState: string };

/** `POST /processes/{id}/overlay/replay`. */
export interface ReplayReport {
  replayed: number;
  same: number;
  refused: number;
  different: number;
  cases: ReplayedCase[];
}

/** One running case in a migration dry run. */
export interface CaseMigration {
  caseId: string;
  caseNo: string;
  state: string;
  fromVersion: number;
  toVersion: number;
  canMove: boolean;
  problems: { code: string; element: string; details?: unknown }[];
  changes: DefinitionChange[];
}

/** `POST /processes/{id}/migrations` with `dryRun`. */
export interface MigrationReport {
  toVersion: number;
  dryRun: boolean;
  cases: CaseMigration[];
}

/** `POST /processes/{id}/overlay/publish`. */
export interface Publication {
  definitionId: string;
  version: number;
  basedOnVersion: number;
  publishedAt: string;
  levelsBelow: { rebased: { orgUnitId: string; version: number }[]; needsAttention: { orgUnitId: string; problems: OverlayProblem[] }[] };
}

