import { idCheckCharacter } from '@procura/domain/clean/id-number';
import { between, pickFrom } from './random.ts';

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建国志强文斌海燕丹宇浩然子涵梓轩欣怡俊杰晨曦思远雨桐嘉怡';
const compound = ['欧阳', '司马', '诸葛', '上官'];
const minorityNames = ['阿卜杜·热合曼', '买买提·吐尔逊', '古丽·努尔', '扎西·多吉'];
/** Chengdu districts and a few others: 成华区 510108, 锦江区 510104, 青羊区 510105, 金牛区 510106 … */
export const regions = [
  '510108',
  '510104',
  '510105',
  '510106',
  '510107',
  '510112',
  '510113',
  '510114',
  '110105',
  '500103',
];

export interface Person {
  idNumber: string;
  name: string;
}

export function randomName(random: () => number): string {
  const roll = random();
  if (roll < 0.01) return pickFrom(random, minorityNames);
  const surname =
    roll < 0.03 ? pickFrom(random, compound) : surnames[Math.floor(random() * surnames.length)]!;
  const length = random() < 0.7 ? 2 : 1;
  let name = surname;
  for (let i = 0; i < length; i++) name += given[Math.floor(random() * given.length)];
  return name;
}

/** A valid 18-character id: region, birth date (1930–2005), sequence, check character. */
export function randomIdNumber(random: () => number): string {
  const birth = new Date(Date.UTC(1930, 0, 1) + Math.floor(random() * 75 * 365.25) * 86_400_000);
  const first17 =
    pickFrom(random, regions) +
    birth.toISOString().slice(0, 10).replaceAll('-', '') +
    String(between(random, 0, 999)).padStart(3, '0');
  return first17 + idCheckCharacter(first17);
}

/** `count` people with distinct ids. */
export function randomPeople(random: () => number, count: number): Person[] {
  const seen = new Set<string>();
  const people: Person[] = [];
  while (people.length < count) {
    const idNumber = randomIdNumber(random);
    if (seen.has(idNumber)) continue;
    seen.add(idNumber);
    people.push({ idNumber, name: randomName(random) });
  }
  return people;
}
