import type { PluginManifest } from '../engine/index.ts';
import { employmentRegistration } from './employment-registration/index.ts';
import { unemploymentRegistration } from './unemployment-registration/index.ts';

/** Every ministry plugin, in one explicit list: nothing registers itself by being imported. */
export const plugins: readonly PluginManifest[] = [unemploymentRegistration, employmentRegistration];
