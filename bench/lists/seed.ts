/**
 * Seeds many cases and clues quickly: deterministic pseudo-random rows, 1,000-row multi-VALUES
 * INSERTs (RECIPES.md: one INSERT per row is ten times slower on PGlite).
 */
import type { Database } from '@procura/db';
import { type CaseTypeDefinition, caseTypes } from '@procura/domain/cases/case-types';
import { clueSourceIds, clueStatusIds } from '@procura/domain/cases/clue-sources';

const places = [
  '成华区',
  '建设路街道',
  '猛追湾街道',
  '双桥子街道',
  '府青路街道',
  '二仙桥街道',
  '跳蹬河街道',
  '保和街道',
  '龙潭街道',
  '青龙街道',
];
const orgs = [
  '某园林公司',
  '某物业公司',
  '某建筑公司',
  '某餐饮店',
  '某养老机构',
  '某学校',
  '某医院',
  '某农贸市场',
  '某化工厂',
  '某小区',
  '某社区卫生服务中心',
  '某运输公司',
  '某劳务公司',
  '某药店',
  '某加油站',
];
const issues = [
  '骗取绿植补贴资金',
  '河道污染',
  '违规占用耕地',
  '欠薪',
  '食品安全隐患',
  '违规处置医疗废物',
  '消防通道堵塞',
  '噪声扰民',
  '违规发放养老补贴',
  '偷逃税款',
  '非法采砂',
  '扬尘污染',
  '无障碍设施缺失',
  '违规收费',
  '侵占国有资产',
  '药品经营不规范',
  '燃气安全隐患',
  '未成年人违规进入网吧',
  '个人信息泄露',
  '危险废物非法倾倒',
];
const sentences = [
  '群众通过12309检察服务中心反映相关问题。',
  '经初步核查，涉及金额较大，需进一步调查。',
  '行政机关未依法全面履行监管职责。',
  '该单位存在虚报冒领财政资金的情况。',
  '现场查看发现问题仍在持续，社会公共利益受到侵害。',
  '大数据法律监督模型比对发现异常数据。',
  '相关部门已多次接到投诉但未处理到位。',
  '需调取财务凭证和审批材料核实。',
];

/** mulberry32: the same rows every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const firstDay = '2021-01-01';
const dayCount = 6 * 365;

const dayAt = (n: number, minutes: number) =>
  new Date(Date.parse(`${firstDay}T09:00:00+08:00`) + n * 86_400_000 + minutes * 60_000).toISOString();

/** Multi-row INSERT of `rows` in chunks; returns the ids in order. */
async function insertRows(
  database: Database,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const marks = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${marks.join(',')})`;
    });
    const result = await database.query<{ id: number }>(
      `insert into ${table} (${columns.join(',')}) values ${tuples.join(',')} returning id`,
      params,
    );
    for (const r of result) ids.push(Number(r.id));
  }
  return ids;
}

async function people(database: Database) {
  const departments = await database.query<{ id: number; name: string; line: string }>(
    'select id, name, line from departments order by id',
  );
  const users = await database.query<{
    id: number;
    role: string;
    department_id: number | null;
    username: string;
  }>('select id, role, department_id, username from users');
  const chief = users.find((u) => u.username === 'chief')!.id;
  const handlersOf = (departmentId: number) =>
    users
      .filter((u) => u.department_id === departmentId && ['departmentHead', 'prosecutor'].includes(u.role))
      .map((u) => u.id);
  return { departments, chief, handlersOf };
}

/** Cases of every type in the departments of its line, opened evenly over six years. */
export async function seedCases(
  database: Database,
  count: number,
): Promise<{ first: string; count: number }> {
  const rnd = random(2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const { departments, chief, handlersOf } = await people(database);
  const types = (Object.values(caseTypes) as CaseTypeDefinition[]).filter((t) =>
    departments.some((d) => d.line === t.line),
  );
  const seq = new Map<string, number>();
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const type = pick(types);
    const department = pick(departments.filter((d) => d.line === type.line));
    const day = Math.floor((i * dayCount) / count);
    const openedAt = dayAt(day, Math.floor(rnd() * 480));
    const year = Number(openedAt.slice(0, 4));
    const key = `${type.code}${year}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    const stage = pick(type.stages);
    const handlers = handlersOf(department.id);
    rows.push([
      `成华检${type.code}〔${year}〕${n}号`,
      year,
      n,
      type.id,
      type.phases ? pick(type.phases).id : null,
      stage.id,
      department.id,
      handlers.length && rnd() < 0.8 ? pick(handlers) : null,
      `${pick(places)}${pick(orgs)}${pick(issues)}${type.name}案`,
      openedAt,
      stage.final ? dayAt(Math.min(dayCount, day + 30 + Math.floor(rnd() * 200)), 0) : null,
      chief,
    ]);
  }
  await insertRows(
    database,
    'cases',
    [
      'case_number',
      'number_year',
      'number_seq',
      'type',
      'phase',
      'stage',
      'department_id',
      'handler_id',
      'title',
      'opened_at',
      'closed_at',
      'created_by',
    ],
    rows,
  );
  return { first: firstDay, count: dayCount };
}

/** Clues in the caseworking departments, each with one organisation as party. */
export async function seedClues(database: Database, count: number): Promise<void> {
  const rnd = random(1207);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const { departments, chief, handlersOf } = await people(database);
  const receiving = departments.filter((d) =>
    ['criminal', 'civilAdministrative', 'publicInterest', 'juvenile'].includes(d.line),
  );
  const rows: unknown[][] = [];
  const parties: string[] = [];
  for (let i = 0; i < count; i++) {
    const department = pick(receiving);
    const org = `${pick(places)}${pick(orgs)}`;
    const issue = pick(issues);
    const handlers = handlersOf(department.id);
    const handler = handlers.length && rnd() < 0.5 ? pick(handlers) : null;
    rows.push([
      pick(clueSourceIds),
      `${org}${issue}`,
      `${org}涉嫌${issue}。${pick(sentences)}${pick(sentences)}${pick(sentences)}`,
      department.id,
      handler,
      handler ? pick(clueStatusIds.filter((s) => s !== 'pending')) : 'pending',
      dayAt(Math.floor((i * dayCount) / count), Math.floor(rnd() * 480)),
      chief,
    ]);
    parties.push(org);
  }
  const ids = await insertRows(
    database,
    'clues',
    ['source', 'title', 'description', 'department_id', 'handler_id', 'status', 'received_at', 'created_by'],
    rows,
  );
  await insertRows(
    database,
    'clue_parties',
    ['clue_id', 'kind', 'name'],
    ids.map((id, i) => [id, 'organisation', parties[i]]),
  );
}
