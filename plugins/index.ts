import type { PluginManifest } from '../engine/index.ts';
import { employmentDifficulty } from './employment-difficulty/index.ts';
import { employmentRegistration } from './employment-registration/index.ts';
import { jobMatching } from './job-matching/index.ts';
import { publicWelfarePost } from './public-welfare-post/index.ts';
import { socialInsuranceSubsidy } from './social-insurance-subsidy/index.ts';
import { startUp } from './start-up/index.ts';
import { trainingSubsidy } from './training-subsidy/index.ts';
import { unemploymentBenefit } from './unemployment-benefit/index.ts';
import { unemploymentRegistration } from './unemployment-registration/index.ts';

/** Every ministry plugin, in one explicit list: nothing registers itself by being imported. */
export const plugins: readonly PluginManifest[] = [
  unemploymentRegistration,
  employmentRegistration,
  jobMatching,
  unemploymentBenefit,
  employmentDifficulty,
  publicWelfarePost,
  socialInsuranceSubsidy,
  trainingSubsidy,
  startUp,
];
