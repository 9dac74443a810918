import { describe, expect, it } from 'vitest';
import { codeLabel, countiesOf, tablesIn, type CodeItem } from '../../admin-ui/src/forms/code-tables.ts';
import { codeTree, pathTo, selectableBy, takesStreets, type CodeOption } from '../../admin-ui/src/forms/code-tree.ts';
import { CODE_TABLE_WIDGET, withCodeWidgets } from '../../admin-ui/src/forms/code-widgets.ts';

const item = (code: string, name: string, level: number, parent: string | null): CodeItem => ({ code, name, level, parent });

/** A slice of the 大典: major 2, middle 2-06, minor 2-06-03 with one 细类, and a 细类 whose 小类 4-10-01 the table lacks. */
const occupations = [
  item('2', '专业技术人员', 1, null),
  item('2-06', '经济和金融专业人员', 2, '2'),
  item('2-06-03', '会计专业人员', 3, '2-06'),
  item('2-06-03-00', '会计专业人员', 4, '2-06-03'),
  item('4', '社会生产服务和生活服务人员', 1, null),
  item('4-10', '居民服务人员', 2, '4'),
  item('4-10-01-02', '保育师', 4, '4-10-01'),
];

const divisions = [item('350000', '福建省', 1, null), item('350200', '厦门市', 2, '350000'), item('350203', '思明区', 3, '350200')];
const streets = new Map([['350203', [item('350203001', '厦港街道', 4, '350203')]]]);

/** The option of `code` anywhere in the tree. */
function find(options: readonly CodeOption[], code: string): CodeOption | undefined {
  for (const option of options) {
    if (option.code === code) return option;
    const below = find(option.children ?? [], code);
    if (below) return below;
  }
  return undefined;
}

describe('code table pickers', () => {
  it('builds the cascader tree from flat entries, hanging an entry whose parent the table lacks under its nearest listed ancestor', () => {
    const tree = codeTree('occupation-2022', occupations, new Map(), selectableBy('^\\d(-\\d{2}){1,3}$'));
    expect(tree.map((option) => option.code)).toEqual(['2', '4']);
    expect(find(tree, '4-10')!.children!.map((option) => option.code)).toEqual(['4-10-01-02']);
    // The pattern refuses a major group: opened through, not chosen.
    expect(find(tree, '2')).toMatchObject({ selectable: false, disableCheckbox: true });
    expect(find(tree, '2')!.disabled).toBeUndefined();
    expect(find(tree, '2-06-03-00')).toMatchObject({ selectable: true });
  });

  it('disables a leaf the field may not hold, and in a list of codes ticks only entries without entries below them', () => {
    const classes = codeTree('occupation-2022', occupations, new Map(), selectableBy('^\\d-\\d{2}$'));
    expect(find(classes, '2-06-03-00')).toMatchObject({ selectable: false, disabled: true });
    const list = codeTree('occupation-2022', occupations, new Map(), selectableBy(undefined), true);
    expect(find(list, '2-06')!.disableCheckbox).toBe(true);
    expect(find(list, '2-06-03-00')!.disableCheckbox).toBeUndefined();
  });

  it('leaves a county open for its streets until they load, then lists them under it; a list of areas stops at the counties', () => {
    expect(find(codeTree('division', divisions, new Map(), selectableBy(undefined)), '350203')).toMatchObject({ isLeaf: false });
    const loaded = find(codeTree('division', divisions, streets, selectableBy(undefined)), '350203')!;
    expect(loaded.isLeaf).toBeUndefined();
    expect(loaded.children!.map((option) => option.name)).toEqual(['厦港街道']);
    expect(find(codeTree('division', divisions, new Map(), selectableBy(undefined), true), '350203')!.isLeaf).toBeUndefined();
  });

  it('offers a county’s streets only where the field may hold a street: a 户籍地 (6 digits) ends at the counties, chosen there', () => {
    const hukou = selectableBy('^\\d{6}$');
    const residence = selectableBy('^\\d{6}(\\d{3}(\\d{3})?)?$');
    expect(takesStreets(divisions, hukou)).toBe(false);
    expect(takesStreets(divisions, residence)).toBe(true);
    expect(takesStreets(divisions, selectableBy('^35\\d{7}$'))).toBe(true);
    expect(takesStreets(divisions, selectableBy('^11\\d{7}$'))).toBe(false);
    const county = find(codeTree('division', divisions, new Map(), hukou, false, false), '350203')!;
    expect(county).toMatchObject({ selectable: true });
    expect(county.isLeaf).toBeUndefined();
    expect(county.disabled).toBeUndefined();
    expect(county.children).toBeUndefined();
  });

  it('finds the path to a code, a street whose county has not loaded under that county, and a code the table lacks alone', () => {
    expect(pathTo('4-10-01-02', occupations, new Map())).toEqual(['4', '4-10', '4-10-01-02']);
    expect(pathTo('350203001', divisions, streets)).toEqual(['350000', '350200', '350203', '350203001']);
    expect(pathTo('350203002', divisions, new Map())).toEqual(['350000', '350200', '350203', '350203002']);
    expect(pathTo('9-99', occupations, new Map())).toEqual(['9-99']);
  });

  it('names the picker for each x-code-table field, nested and in lists, unless the UI schema names a widget', () => {
    const schema = {
      properties: {
        occupation: { type: 'string', 'x-code-table': 'occupation-2022' },
        areas: { type: 'array', items: { type: 'string', 'x-code-table': 'division' } },
        employer: { type: 'object', properties: { industry: { type: 'string', 'x-code-table': 'industry-gb4754-2017' } } },
        custom: { type: 'string', 'x-code-table': 'education-gb4658' },
        note: { type: 'string' },
      },
    };
    expect(withCodeWidgets(schema, { custom: { 'ui:widget': 'radio' }, note: { 'ui:widget': 'textarea' } })).toEqual({
      occupation: { 'ui:widget': CODE_TABLE_WIDGET },
      areas: { 'ui:widget': CODE_TABLE_WIDGET },
      employer: { industry: { 'ui:widget': CODE_TABLE_WIDGET } },
      custom: { 'ui:widget': 'radio' },
      note: { 'ui:widget': 'textarea' },
    });
    expect(tablesIn([schema, null])).toEqual(['division', 'education-gb4658', 'industry-gb4754-2017', 'occupation-2022']);
  });

  it('reads a code as 名称 (代码) once named, and loads the streets of the counties a value names, each once', () => {
    expect(codeLabel('350203', '思明区')).toBe('思明区 (350203)');
    expect(codeLabel('350203', undefined)).toBe('350203');
    expect(countiesOf(['350206002', '350203', '350206001', '350203001', '2-06-03-00'])).toEqual(['350203', '350206']);
  });
});
