export { checkPackage, installPackage, type PackageBundle, type PackageFinding, type PackageCheck } from './package-install.ts';
export { INSTALL_CHECK_MS, loadInstalledRegistry, refreshRegistry } from './installed-registry.ts';
