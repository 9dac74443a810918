import { Descriptions, type DescriptionsProps } from 'antd';
import { useNarrowScreen } from '../../shell/useNarrowScreen.ts';

/**
 * A person's or employer's master data, a field a line: its label beside its value on a wide screen,
 * above it below `md` (a phone), where an English label beside its value pushed the value out of the card.
 */
export function MasterData({ items }: { items: DescriptionsProps['items'] }) {
  const narrow = useNarrowScreen('md');
  return <Descriptions size="small" bordered column={1} layout={narrow ? 'vertical' : 'horizontal'} items={items} />;
}
