import { Grid } from 'antd';

/**
 * Whether the window is narrower than antd's breakpoint `below` (`md` 768 px, `lg` 992 px): a phone or a
 * small tablet. False until measured, so a desktop never flashes the phone layout.
 */
export function useNarrowScreen(below: 'md' | 'lg' = 'md'): boolean {
  return Grid.useBreakpoint()[below] === false;
}
