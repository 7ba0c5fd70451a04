import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-rules.ts';

describe('password rules', () => {
  it.each([
    ['Aaaaaaaaa1', '重复'],
    ['Abababab12', '重复'],
    ['Chenghua2026', '本院名称'],
    ['ch3nghu@2026', '本院名称'],
    ['成华区检察院2026a', '本院名称'],
    ['JianChaYuan1', '本院名称'],
    ['xy-jcy-2026', '本院名称'],
    ['Liming2026abc', '用户名'],
    ['gnimil2026abc', '用户名'],
  ])('refuses %s naming the rule', (password, rule) => {
    expect(checkPassword(password, 'liming')).toContain(rule);
  });

  it.each(['Initial2026pw', 'Brandnew2026pw', 'Kindred2026pw', 'Resetby2026admin'])(
    'accepts %s',
    (password) => {
      expect(checkPassword(password, 'liming')).toBeNull();
    },
  );
});
