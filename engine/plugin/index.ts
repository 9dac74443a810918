export {
  definePlugin,
  parameterValueOn,
  type PluginManifest,
  type ParameterSpec,
  type NumberParameterSpec,
  type ListParameterSpec,
  type EffectiveValue,
  type Lock,
  type IndicatorSpec,
  type RecordSelector,
  type Subscription,
  meaningNames,
  meaningParts,
  type Meaning,
  type MeaningName,
  type NationwideExclusion,
  type StatusDeclaration,
} from './plugin-manifest.ts';
export { roles, isRole, type Role } from './roles.ts';
export { packageManifestSchema, parsePackageManifest, type PackageManifest, type ManifestFinding } from './package-manifest.ts';
