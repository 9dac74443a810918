import { Alert, Button, Typography } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { useErrorMessages } from '../../shell/useErrorMessages.ts';
import { ElementPath } from '../ElementPath.tsx';
import { elementTarget } from '../elements.ts';
import type { Definition, EffectiveParameter, OverlayProblem } from '../types.ts';
import { numericBounds } from './bounds.ts';
import { useDraftMessages } from './messages.ts';
import { useBoundsText } from './useBoundsText.ts';

/** A problem's code as a person reads it: the platform's message for it, or the code itself. */
export function useProblemTitle() {
  const l = useLocalized();
  const messages = useErrorMessages();
  return (code: string) => (messages[code] ? l(messages[code]) : code);
}

/**
 * Why a problem was found, in the reader's language: a parameter out of bounds names the bounds
 * in the parameter's unit (yuan, days), anything else reads as the server explains it.
 */
export function useProblemExplanation(parameters: readonly EffectiveParameter[]) {
  const t = useDraftMessages();
  const l = useLocalized();
  const boundsText = useBoundsText();
  return (problem: OverlayProblem) => {
    const target = elementTarget(problem.element);
    const parameter = target.kind === 'parameter' ? parameters.find((p) => p.id === target.parameter) : undefined;
    if (problem.code === 'PARAMETER_OUT_OF_BOUNDS' && parameter && numericBounds(parameter)) return t('outOfBounds', { bounds: boundsText(parameter) });
    return l(problem.reason);
  };
}

/** Problems as one line, each its code's message and why, e.g. for a badge's tooltip on the element they concern. */
export function useProblemsText(parameters: readonly EffectiveParameter[] = []) {
  const title = useProblemTitle();
  const explain = useProblemExplanation(parameters);
  return (problems: readonly OverlayProblem[]) => problems.map((problem) => `${title(problem.code)}：${explain(problem)}`).join('；');
}

/**
 * What verification found in the draft, each problem with its code's message, the element it
 * concerns, the server's reason and (for a lock) who set it, and a button showing the element.
 */
export function ProblemList({
  problems,
  definitions,
  parameters,
  levelName,
  onLocate,
}: {
  problems: readonly OverlayProblem[];
  definitions: readonly Definition[];
  parameters: readonly EffectiveParameter[];
  levelName: (level: string) => string;
  onLocate: (problem: OverlayProblem) => void;
}) {
  const t = useDraftMessages();
  const title = useProblemTitle();
  const explain = useProblemExplanation(parameters);
  if (problems.length === 0) return <Alert type="success" showIcon title={t('noProblems')} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('problems', { n: problems.length })}
      description={
        <ul className="config-problems" aria-label={t('problems', { n: problems.length })}>
          {problems.map((problem, i) => (
            <li key={`${problem.code}-${problem.element}-${i}`}>
              <Typography.Text strong>{title(problem.code)}</Typography.Text>
              {problem.element && (
                <>
                  {' · '}
                  <ElementPath path={problem.element} definitions={definitions} parameters={parameters} />
                </>
              )}
              <div className="config-problem-reason">
                {explain(problem)}
                {problem.lockedBy && ` · ${t('problemLockedBy', { by: levelName(problem.lockedBy) })}`}
              </div>
              {problem.element && (
                <Button size="small" onClick={() => onLocate(problem)}>
                  {t('locate')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}
