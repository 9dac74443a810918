export { createPortalApp, portalPaths } from './portal.tsx';
