import { chinaDayStart, errorKind, PlatformError, type Actor } from '../../engine/index.ts';
import { isUniqueViolation, type Transaction } from '../db/index.ts';
import { processesInForce, publishedDefinition, type DeclaredLegacyImport } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import type { ImportJobRef } from './import-kind.ts';

/** Who the records of an imported case name: the reviewer who approved the import, acting for the office the row names. */
function importActor(job: ImportJobRef, office: string): Actor {
  return { id: job.approvedBy ?? job.uploadedBy, name: '历史数据导入', role: 'system', post: null, orgUnit: office };
}

/**
 * Writes one staged registration as a case through the case transaction (`rt.stepper.importCase`),
 * in a savepoint of the batch: pinned to the version of the meaning's process in force at the
 * office, its history the registration (on its date, with the row's case data) and, when it ended, the end (on its date, with
 * the reason), the statuses the declaration gives the state it reached. A row refused since the dry
 * run (the person registered in another city or here meanwhile) is skipped, the rest of the batch
 * goes on.
 */
export async function commitLegacyRow(tx: Transaction, rt: RuntimeContext, declared: DeclaredLegacyImport, job: ImportJobRef, values: Record<string, unknown>): Promise<string | undefined> {
  const { declaration, meaning } = declared;
  const state = values['state'] as string;
  const office = values['office'] as string;
  const officePath = values['officePath'] as string;
  const [inForce] = await processesInForce(tx, officePath, meaning.process);
  if (!inForce) throw new PlatformError('PROCESS_NOT_FOUND', { details: { processId: meaning.process } });
  const published = await publishedDefinition(tx, rt.registry, inForce.definitionId);
  const registered = { state: meaning.state!, at: chinaDayStart(values['registeredOn'] as string).toISOString(), data: { ...(values['data'] as Record<string, unknown> | undefined), [declaration.dateField]: values['registeredOn'] } };
  const ended = declaration.states[state]?.ended;
  const history = ended
    ? [registered, { state, at: chinaDayStart(values['endedOn'] as string).toISOString(), data: { [ended.dateField]: values['endedOn'], [ended.reasonField]: values['endReason'] } }]
    : [registered];
  try {
    const row = await tx.transaction((savepoint) =>
      rt.stepper.importCase(savepoint, rt, {
        published,
        cityCode: job.cityCode,
        subjectId: values['subjectId'] as string,
        orgUnit: { id: office, path: officePath },
        actor: importActor(job, office),
        createdBy: job.approvedBy ?? job.uploadedBy,
        history,
        statuses: declaration.states[state]?.statuses,
        importId: job.id,
      }),
    );
    return row.id;
  } catch (error) {
    if (isUniqueViolation(error) || (error instanceof PlatformError && errorKind(error.code) === 'refusal')) return undefined;
    throw error;
  }
}
