export { definePlugin, type PluginManifest, type ParameterSpec, type Lock, type IndicatorSpec, type RecordSelector, type Subscription } from './plugin-manifest.ts';
export { roles, isRole, type Role } from './roles.ts';
