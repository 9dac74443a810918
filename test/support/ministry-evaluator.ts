import { permissionsOf, type SessionUser } from '../../runtime/auth/index.ts';

/** A ministry-level evaluator: every unit is in scope, so the analytics can be asked of any unit directly. */
export const ministryEvaluator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'rollup-evaluator',
  displayName: '评估员',
  role: 'evaluator',
  orgUnit: { id: '000000', name: '人力资源和社会保障部', kind: 'ministry', path: '/000000/', cityCode: null },
  jurisdictionPath: '/000000/',
  posts: [],
  permissions: permissionsOf('evaluator', 'ministry'),
  restriction: null,
};
