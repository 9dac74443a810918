// Type-only imports: erased from the bundle.
import type { Answer } from '../../../client/index.ts';

export type { Definition, DefinitionChange, EffectiveLock, FormDefinition, ListParameterSpec, NumberParameterSpec, Overlay, OverlayOperation, OverlayProblem, ParameterSpec, ParameterValue } from '../../../engine/index.ts';

/** A process in force for the user's org unit (`GET /api/processes`). */
export type ProcessSummary = Answer<'/api/processes', 'get'>['items'][number];

/** `GET /api/processes/{id}/versions`: one published version on the user's path. */
export type PublishedVersion = Answer<'/api/processes/{processId}/versions', 'get'>['items'][number];

/** `GET /processes/{id}/effective`: what a level sees of a process (definition, locks, parameters, the overlay being edited). */
export type EffectiveProcess = Answer<'/api/processes/{processId}/effective', 'get'>;

/** A parameter of the process's plugin with its bounds and the value in force today. */
export type EffectiveParameter = EffectiveProcess['parameters'][number];

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
