export { loadPlugins, type PluginRegistry, type StandardProcess } from './plugin-registry.ts';
export type { DeclaredLegacyImport } from './legacy-imports.ts';
export { installPlugins, publishStandard } from './install.ts';
export { installedPackages, withInstalled, compareVersions } from './installed-packages.ts';
export { processesInForce, type ProcessInForce } from './processes-in-force.ts';
export { parametersInForce, localParameterValues, resolveParameters, orgUnitIdsOf, type LocalParameterValues } from './parameters-in-force.ts';
export { publishedDefinition, type PublishedDefinition } from './published-definitions.ts';
export { readPackage, readPackages, packageFromManifest, STANDARD_PACKAGES } from './package-folder.ts';
