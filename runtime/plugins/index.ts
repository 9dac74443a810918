export { loadPlugins, type PluginRegistry, type StandardProcess } from './plugin-registry.ts';
export { installPlugins, publishStandard } from './install.ts';
export { checkPackage, installPackage, installedPackages, withInstalled, compareVersions, type PackageBundle, type PackageFinding, type PackageCheck } from './package-store.ts';
export { processesInForce, type ProcessInForce } from './processes-in-force.ts';
export { parametersInForce, localParameterValues, resolveParameters, orgUnitIdsOf, type LocalParameterValues } from './parameters-in-force.ts';
export { readPackage, readPackages, packageFromManifest, STANDARD_PACKAGES } from './package-folder.ts';
