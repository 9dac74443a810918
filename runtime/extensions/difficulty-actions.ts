import { PlatformError, type ActionImplementation } from '../../engine/index.ts';

/**
 * `emitDifficultyEnded`: the domain event `difficulty.ended` with the exit reason. A human
 * exit carries the reason in its form; the expiry timer sends no form, so its transition
 * names the reason in `params.exitReason`.
 */
export const emitDifficultyEnded: ActionImplementation = ({ form }, params) => {
  const exitReason = form['exitReason'] ?? params['exitReason'];
  if (typeof exitReason !== 'string') {
    throw new PlatformError('DEFINITION_INVALID', { details: { action: 'emitDifficultyEnded', param: 'exitReason', reason: 'neither the form nor params give an exit reason' } });
  }
  return [{ kind: 'emit', event: 'difficulty.ended', payload: { exitReason } }];
};
