/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { Site } from '../site.ts';
import { CSRF_FIELD } from './session.tsx';

/** The form token every POST form of the site carries (see `portalSession`). */
export const CsrfField: FC<{ site: Site }> = ({ site }) => <input type="hidden" name={CSRF_FIELD} value={site.csrf} />;
