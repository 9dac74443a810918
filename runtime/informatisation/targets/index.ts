import { businessManagement } from './business-management.ts';
import { fundManagement } from './fund-management.ts';
import { informationCollection } from './information-collection.ts';
import { informationManagement } from './information-management.ts';
import { informationMonitoring } from './information-monitoring.ts';
import { informationRelease } from './information-release.ts';
import { serviceFunctions } from './service-functions.ts';
import { subjectCoverage } from './subject-coverage.ts';
import { systemCoverage } from './system-coverage.ts';
import { website } from './website.ts';
import type { Target } from './target.ts';

export type { AssessmentScope, Target, TargetCount } from './target.ts';
export { collectionSources, type CollectionSource } from './collection-sources.ts';

/** The ten targets in the annex's order (一 系统覆盖 … 十 经费管理). */
export const targets: readonly Target[] = [
  systemCoverage,
  informationManagement,
  informationRelease,
  subjectCoverage,
  serviceFunctions,
  businessManagement,
  informationMonitoring,
  website,
  informationCollection,
  fundManagement,
];
