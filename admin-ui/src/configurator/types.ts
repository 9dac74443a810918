// Type-only imports: the engine's shapes, erased from the bundle.
import type { Definition, EffectiveLock, Overlay, ParameterSpec } from '../../../engine/index.ts';
import type { Answer } from '../../../client/index.ts';

export type { Definition, DefinitionChange, EffectiveLock, FormDefinition, Overlay, OverlayOperation, OverlayProblem, ParameterSpec, ParameterValue } from '../../../engine/index.ts';

/** A process in force for the user's org unit (`GET /api/processes`). */
export type ProcessSummary = Answer<'/api/processes', 'get'>['items'][number];

/** `GET /api/processes/{id}/versions`: one published version on the user's path. */
export type PublishedVersion = Answer<'/api/processes/{processId}/versions', 'get'>['items'][number];

// The effective process is described in the OpenAPI document as an object only (its locks,
// parameters and overlay): kept here, in the engine's shapes, until the document describes it.

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
export type LevelDiff = Answer<'/api/processes/{processId}/diff', 'get'>;

/**
 * `POST /processes/{id}/overlay/verify`: the problems of a draft, its effective definition when it
 * applies, and whether it is the version in force already (nothing to publish).
 */
export type Verification = Answer<'/api/processes/{processId}/overlay/verify', 'post'>;

/** `POST /processes/{id}/overlay/replay`. */
export type ReplayReport = Answer<'/api/processes/{processId}/overlay/replay', 'post'>;

/** One closed case replayed against the draft. */
export type ReplayedCase = ReplayReport['cases'][number];

/** `POST /processes/{id}/migrations` with `dryRun`. */
export type MigrationReport = Answer<'/api/processes/{processId}/migrations', 'post'>;

/** One running case in a migration dry run. */
export type CaseMigration = MigrationReport['cases'][number];

/** `POST /processes/{id}/overlay/publish`. */
export type Publication = Answer<'/api/processes/{processId}/overlay/publish', 'post'>;
