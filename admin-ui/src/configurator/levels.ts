import { useCallback } from 'react';
import type { SessionUser } from '../api.ts';
import { useConfigMessages } from './messages.ts';
import type { PublishedVersion } from './types.ts';

/** Where the signed-in user sits in the org tree; `/auth/me` sends the unit's kind and path with its name. */
export function placementOf(user: SessionUser): { kind: string; path: string } {
  const unit = user.orgUnit as SessionUser['orgUnit'] & { kind?: string; path?: string };
  return { kind: unit.kind ?? '', path: unit.path ?? `/${unit.id}/` };
}

/** Only province and city configurators keep a draft overlay; everyone else reads. */
export function editsOverlays(user: SessionUser): boolean {
  return user.role === 'configurator' && ['province', 'city'].includes(placementOf(user).kind);
}

/** The level an org unit on the user's path is: 0 the ministry, 1 a province, 2 a city. */
function depthOnPath(user: SessionUser, orgUnitId: string): number {
  return placementOf(user).path.split('/').filter(Boolean).indexOf(orgUnitId);
}

const NO_VERSIONS: readonly PublishedVersion[] = [];

/**
 * Names the levels a lock, a diff or a version mentions: `ministry`, `draft`, or an org unit id,
 * named from the version history (every level that published on the user's path is in it), else
 * by its depth on the user's path.
 */
export function useLevelName(user: SessionUser, versions: readonly PublishedVersion[] = NO_VERSIONS) {
  const t = useConfigMessages();
  return useCallback(
    (level: string) => {
      if (level === 'ministry') return t('ministry');
      if (level === 'draft') return t('draft');
      const named = versions.find((v) => v.level.id === level);
      if (named) return named.level.kind === 'ministry' ? t('ministry') : named.level.name;
      if (level === user.orgUnit.id) return user.orgUnit.name;
      const depth = depthOnPath(user, level);
      return depth === 0 ? t('ministry') : depth === 1 ? t('province') : depth === 2 ? t('city') : level;
    },
    [t, user, versions],
  );
}
