export { checkPackage, installPackage, type PackageBundle, type PackageFinding, type PackageCheck } from './package-install.ts';
