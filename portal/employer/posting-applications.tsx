/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { Site } from '../site.ts';

/**
 * The place on an employer's posting page for the applications to the posting (who applied, and
 * the hire recorded from one): nothing yet. Online applications fill it in; the page passes the
 * posting it shows, already checked to be the signed-in employer's own.
 */
export const PostingApplications: FC<{ site: Site; postingId: string }> = () => null;
