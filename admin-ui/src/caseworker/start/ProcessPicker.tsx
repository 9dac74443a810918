import { Radio } from 'antd';
import { useLocalized } from '../../i18n.ts';
import { useTitleOrder } from '../../shell/useTitleOrder.ts';
import type { ProcessSummary } from './types.ts';

/** The processes in force, one radio each in the order of their titles (arrow keys move between them); choosing one sets the subject the screen asks for. */
export function ProcessPicker({ processes, value, onChange, labelledBy }: { processes: ProcessSummary[]; value: string | null; onChange: (id: string) => void; labelledBy: string }) {
  const l = useLocalized();
  const byTitle = useTitleOrder();
  return (
    <Radio.Group
      className="start-processes"
      aria-labelledby={labelledBy}
      value={value}
      onChange={(event) => onChange(event.target.value as string)}
      options={byTitle(processes).map((process) => ({ value: process.id, label: l(process.title) }))}
    />
  );
}
