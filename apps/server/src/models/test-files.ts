import { idCheckCharacter } from '@procura/domain/clean/id-number';

/** A valid 18-digit id for a person born on `birth` (YYYYMMDD) in 成华区, sequence `n`. */
export function validId(birth: string, n: number): string {
  const first17 = `510108${birth}${String(n).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** The people of the small prisoner-subsidy fixture (hand-checked answers in the tests). */
export const people = {
  zhang: { name: '张伟', id: validId('19700101', 11) },
  li: { name: '李娜', id: validId('19800202', 22) },
  wang: { name: '王芳', id: validId('19900303', 33) },
  zhao: { name: '赵强', id: validId('19850505', 44) },
};

/**
 * 补助金发放名单: 张伟 is paid twice while in prison, 李娜 once after release (no hit), 王芳 once
 * in prison; a row with an unreadable date is rejected. `extra` adds rows (a newer month's file).
 */
export function paymentRows(extra: unknown[][] = []): unknown[][] {
  const { zhang, li, wang } = people;
  return [
    ['身份证号码', '姓名', '发放日期', '发放金额', '补助类型'],
    [zhang.id, zhang.name, '2022年3月5日', '680', '低保'],
    [zhang.id, zhang.name, '2022/4/5', '￥680.00', '低保'],
    [li.id, li.name, '2023-01-10', '1,200.50', '临时救助'],
    [wang.id, ` ${wang.name} `, '20220615', '500', '低保'],
    [li.id, li.name, '二〇二二年', '300', '低保'],
    ...extra,
  ];
}

/** 服刑人员名单, one row per spell; 李娜 was released before her payment. */
export function prisonerRows(): unknown[][] {
  const { zhang, li, wang } = people;
  return [
    ['公民身份号码', '罪犯姓名', '入监日期', '出监日期'],
    [zhang.id, zhang.name, '2022-01-01', '2023-01-01'],
    [li.id, li.name, '2021-01-01', '2022-06-30'],
    [wang.id, wang.name, '2022-05-01', ''],
  ];
}
