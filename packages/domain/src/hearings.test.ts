import { describe, expect, it } from 'vitest';
import { drawOfficers } from './hearing-draw.ts';
import { isResolved, maskNamesIn, maskPersonName, officerConflict } from './hearings.ts';

describe('hearing officers', () => {
  const officer = {
    name: '刘某某',
    organisation: '成都市成华区某街道办事处',
    relations: [{ relation: '女儿', name: '刘小某' }],
  };

  it('names the relation that makes an officer unfit for a party', () => {
    expect(officerConflict(officer, ['成都市成华区某街道办事处 '])).toBe(
      '听证员刘某某的工作单位“成都市成华区某街道办事处”是本案当事人，存在利害关系，不能担任本案听证员',
    );
    expect(officerConflict(officer, ['刘小某'])).toBe(
      '听证员刘某某申报的关系人“刘小某”（女儿）是本案当事人，存在利害关系，不能担任本案听证员',
    );
    expect(officerConflict(officer, ['王某', '某公司'])).toBeNull();
  });

  it('draws the same officers from the same seed and candidates, whatever their order', () => {
    const a = drawOfficers('seed', [1, 2, 3, 4, 5, 6], 3);
    expect(a).toHaveLength(3);
    expect(drawOfficers('seed', [6, 5, 4, 3, 2, 1], 3)).toEqual(a);
    expect(new Set(a).size).toBe(3);
  });
});

describe('masking and counting', () => {
  it('masks people, keeps organisations', () => {
    expect(maskPersonName('张三丰')).toBe('张某');
    expect(maskPersonName('欧阳娜娜')).toBe('欧阳某');
    expect(maskPersonName('某街道办事处')).toBe('某街道办事处');
    expect(maskNamesIn('张三丰与张三达成协议', ['张三', '张三丰'])).toBe('张某与张某达成协议');
  });

  it('counts every outcome but 未化解 as resolved', () => {
    expect(isResolved('withdrawn')).toBe(true);
    expect(isResolved('unresolved')).toBe(false);
    expect(isResolved(null)).toBe(false);
  });
});
