import { describe, expect, it } from 'vitest';
import { marketCells } from '../../admin-ui/src/national/market-cells.ts';

describe('全国查询: a province’s 求人倍率 as the table shows it', () => {
  it('shows the figures a province answered', () => {
    expect(marketCells({ province: '350000', name: '福建省人力资源和社会保障厅', figures: { demand: 3, supply: 2, ratio: 1.5 }, error: null })).toEqual({ demand: '3', supply: '2', ratio: '1.5', answered: true, error: null });
  });

  it('shows no ratio, but the zero it answered, for a province with no job seekers', () => {
    expect(marketCells({ province: '440000', name: '广东省人力资源和社会保障厅', figures: { demand: 4, supply: 0, ratio: null }, error: null })).toEqual({ demand: '4', supply: '0', ratio: '—', answered: true, error: null });
  });

  it('shows a province that did not answer as such, with the error’s code, never as zeros', () => {
    expect(marketCells({ province: '440000', name: '广东省人力资源和社会保障厅', figures: null, error: 'EXCHANGE_PEER_UNAVAILABLE' })).toEqual({ demand: '—', supply: '—', ratio: '—', answered: false, error: 'EXCHANGE_PEER_UNAVAILABLE' });
  });
});
