import { useCallback } from 'react';
import type { SessionUser } from '../api.ts';
import { useDivisionNames } from '../forms/code-tables.ts';
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
 * by its depth on the user's path; a unit below the user's (a city a province's publication updated)
 * by the name of the division its id is the code of (configurators read no org tree, but the
 * division tree), or while that is unknown as a level below with the code in brackets.
 */
export function useLevelName(user: SessionUser, versions: readonly PublishedVersion[] = NO_VERSIONS) {
  const t = useConfigMessages();
  const divisionName = useDivisionNames();
  return useCallback(
    (level: string) => {
      if (level === 'ministry') return t('ministry');
      if (level === 'draft') return t('draft');
      const named = versions.find((v) => v.level.id === level);
      if (named) return named.level.kind === 'ministry' ? t('ministry') : named.level.name;
      if (level === user.orgUnit.id) return user.orgUnit.name;
      const depth = depthOnPath(user, level);
      return depth === 0 ? t('ministry') : depth === 1 ? t('province') : depth === 2 ? t('city') : (divisionName(level) ?? t('unitBelow', { code: level }));
    },
    [t, user, versions, divisionName],
  );
}

/**
 * A version as a person tells it apart from the others: the level that published it and its number
 * there (部标 第1版, 福建省 第2版, 厦门市 第2版). Numbers grow along each path, so a province and a
 * city may each have a version 2: the number alone says nothing.
 */
export function useVersionLabel(user: SessionUser, versions: readonly PublishedVersion[] = NO_VERSIONS) {
  const t = useConfigMessages();
  const levelName = useLevelName(user, versions);
  return useCallback(
    (level: string, version: number) => {
      const published = versions.find((v) => v.level.id === level);
      const ministry = level === 'ministry' || published?.level.kind === 'ministry' || (!published && depthOnPath(user, level) === 0);
      return t('versionOf', { level: ministry ? t('ministryShort') : levelName(level), n: version });
    },
    [t, user, versions, levelName],
  );
}
