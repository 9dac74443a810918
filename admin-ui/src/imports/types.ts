import type { Answer } from '../../../client/index.ts';

/** A kind as `GET /api/imports/kinds` gives it: its fields and their default headers (the titles). */
export type KindSpec = Answer<'/api/imports/kinds', 'get'>['items'][number];

/** `persons`, `employers`, or a legacy registration a package declares (`registeredUnemployed`, `employed`). */
export type ImportKind = KindSpec['kind'];

/** An import as the API gives it; times ISO. */
export type ImportJob = Answer<'/api/imports/{id}', 'get'> & { alreadyImported?: boolean };

export type ImportStatus = ImportJob['status'];

/** One finding of a dry run. */
export type ImportIssue = Answer<'/api/imports/{id}/issues', 'get'>['items'][number];
