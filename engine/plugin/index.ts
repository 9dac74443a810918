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
} from './plugin-manifest.ts';
export { roles, isRole, type Role } from './roles.ts';
