import { describe, expect, it } from 'vitest';
import { matchHeaders } from '../import/headers.ts';
import { compile } from './compile.ts';
import { builtinSpecs, findModel, listModels } from './registry.ts';

describe('compile', () => {
  it('compiles every built-in model without errors', () => {
    for (const spec of builtinSpecs) expect(compile(spec, { asOf: '2024-06-30' }).errors).toEqual([]);
    expect(listModels()).toHaveLength(8);
  });

  it('asks for the check date instead of reading the clock when a model compares with it', () => {
    expect(compile(findModel('banned-driver')).errors).toEqual([
      { path: 'asOf', message: '该模型按核查日判断，须给出核查日' },
    ]);
    // A model without such a condition needs no date.
    expect(compile(findModel('prisoner-subsidy')).errors).toEqual([]);
  });

  it('prisoner-subsidy: exact and suspected matches in one join on the whole id, then filtered on the spell', () => {
    const { sql, setup } = compile(findModel('prisoner-subsidy'));
    // a person among the payments with the prisoner's name, birth date and region, another id
    expect(setup).toHaveLength(1);
    expect(
      setup[0],
    ).toContain(`JOIN "payments__people" AS p ON p."name" = a."name" AND left(p."idNumber", 14) = left(a."idNumber", 14)
WHERE p."idNumber" <> a."idNumber" AND jaro_winkler_similarity(p."idNumber", a."idNumber") >= 0.8`);
    expect(sql).toContain('SELECT * FROM suspect_keys');
    expect(sql).toContain(`FROM "payments" AS f
JOIN keys AS a ON a._key = f."idNumber"
WHERE (a."idNumber" = f."idNumber" OR a."name" = f."name")
  AND f."paidDate" >= a."admitted" AND (a."released" IS NULL OR f."paidDate" <= a."released")`);
    expect(sql).toContain(
      "WHERE confidence = 'exact' OR fact_id NOT IN (SELECT fact_id FROM pairs WHERE confidence = 'exact')",
    );
  });

  it('deceased-pension: month after the month of death', () => {
    expect(compile(findModel('deceased-pension')).sql).toContain(
      `\n  AND f."payMonth" > date_trunc('month', a."deathDate")`,
    );
  });

  it('prisoner-pension: from the month after admission to the month of release', () => {
    expect(compile(findModel('prisoner-pension')).sql).toContain(
      `WHERE f."payMonth" > date_trunc('month', a."admitted") AND (date_trunc('month', a."released") IS NULL OR f."payMonth" <= date_trunc('month', a."released"))`,
    );
  });

  it('loan-interest-tax: an absent match becomes NOT EXISTS, fact-only conditions stay outside', () => {
    // each match carries the fact's place in file order, the amount summed, the id and name shown
    expect(compile(findModel('loan-interest-tax')).sql).toBe(
      `SELECT f._id AS fact_id, NULL::INTEGER AS against_id, f."idNumber" AS subject, 'exact' AS confidence, 1.0::DOUBLE AS score, (f._src::BIGINT * 4294967296 + f._row) AS "f._at", f."interest" AS "f.interest", f."idNumber" AS "f.idNumber", f."name" AS "f.name"
FROM "judgments" AS f
WHERE f."interest" > 0
  AND NOT EXISTS (
  SELECT 1 FROM "taxes" AS a
  WHERE a."idNumber" = f."idNumber"
    AND (a."kind" IS NULL OR (contains(a."kind", '利息')))
)`,
    );
  });

  it('stolen-vehicle: one join per key, united; banned-driver: the check date is a literal', () => {
    const stolen = compile(findModel('stolen-vehicle')).sql;
    expect(stolen).toContain(`JOIN "seized" AS a ON a."frame" = f."frame"`);
    expect(stolen).toContain(`UNION\nSELECT`);
    expect(stolen).toContain(`JOIN "seized" AS a ON a."motor" = f."motor"`);
    expect(stolen).toContain('coalesce(f."frame", f."motor") AS subject');
    const banned = compile(findModel('banned-driver'), { asOf: '2024-06-30' }).sql;
    expect(banned).toContain(
      `DATE '2024-06-30' >= a."startDate" AND (a."endDate" IS NULL OR DATE '2024-06-30' <= a."endDate")`,
    );
    expect(banned).toContain(`(f."status" IS NULL OR NOT (contains(f."status", '注销') OR`);
  });

  it('names the path of each bad field', () => {
    const spec = structuredClone(findModel('prisoner-subsidy')!) as Record<string, unknown> & {
      conditions: Record<string, unknown>[];
    };
    expect(
      compile({ ...spec, conditions: [{ kind: 'compare', left: 'payments.paidDate', op: '≈', right: 'x' }] })
        .errors,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'conditions.0.op' })]));
    const wrongColumn = compile({
      ...spec,
      conditions: [{ ...spec.conditions[0], to: 'prisoners.deathDate' }],
    });
    expect(wrongColumn.errors).toEqual([
      { path: 'conditions.0.to', message: '输入 prisoners 没有列 deathDate' },
    ]);
    expect(wrongColumn.sql).toBe('');
    expect(compile({ ...spec, subject: { facts: 'payments', against: 'jail' } }).errors).toContainEqual({
      path: 'subject.against',
      message: '没有名为 jail 的输入（有：payments、prisoners）',
    });
    expect(compile({ ...spec, explanation: '{payments.nothing}' }).errors).toContainEqual({
      path: 'explanation',
      message: '输入 payments 没有列 nothing',
    });
    expect(compile({ ...spec, aggregate: { amount: 'prisoners.admitted' } }).errors).toContainEqual({
      path: 'aggregate.amount',
      message: '金额合计只能用 payments 的金额列',
    });
    expect(compile({ ...spec, id: 'Bad Id' }).errors[0]).toEqual({
      path: 'id',
      message: '模型编号只能用小写字母、数字和连字符',
    });
  });
});

describe('header recognition', () => {
  it.each([
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['社会保障号码', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['罪犯姓名', 'name'],
    ['人员姓名', 'name'],
    ['名字', 'name'],
    ['发放时间', 'paidDate'],
    ['支付日期', 'paidDate'],
    ['发放年月', 'payMonth'],
    ['所属期', 'payMonth'],
    ['发放金额', 'amount'],
    ['养老金金额（元）', 'amount'],
    ['收监日期', 'admitted'],
    ['入狱日期', 'admitted'],
    ['刑满释放日期', 'released'],
    ['死亡日期', 'deathDate'],
    ['车牌号', 'plate'],
    ['车辆识别代号', 'frame'],
    ['电机号', 'motor'],
    [' 身份证号 ', 'idNumber'],
  ] as const)('%s → %s', (header, key) => {
    expect(matchHeaders(['序号', header], [key]).indexes[key]).toBe(1);
  });

  it('prefers an exact variant to a header that only contains the word, and --map to both', () => {
    expect(matchHeaders(['应发金额', '金额'], ['amount']).indexes.amount).toBe(1);
    expect(matchHeaders(['应发金额', '金额'], ['amount'], { amount: '应发金额' }).indexes.amount).toBe(0);
    expect(matchHeaders(['姓名'], ['idNumber']).missing).toEqual(['idNumber']);
  });
});
