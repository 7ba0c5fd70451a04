import type { schema } from '@procura/db';
import type { TOutcomeKind } from '@procura/domain/cases/outcomes';
import type { TPilField } from '@procura/domain/public-interest-fields';
import type { letterTopicIds, suggestionKindIds } from '@procura/domain/states';
import { kindOf } from '../../models/dataset-kinds.ts';
import { addDays, chinaAt, weekday } from './calendar-days.ts';
import {
  DemoCase,
  type DemoDepartment,
  type DemoPlan,
  type DemoUser,
  demoMark,
  demoNote,
  idNumber,
  sha256,
} from './plan.ts';

type S = typeof schema;
type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DemoPeople {
  departments: {
    criminal: DemoDepartment;
    civil: DemoDepartment;
    pil: DemoDepartment;
    juvenile: DemoDepartment;
  };
  /** Deciders (heads) and handlers (prosecutors) of each casework department, and the analyst. */
  heads: { criminal: DemoUser; civil: DemoUser; pil: DemoUser; juvenile: DemoUser };
  handlers: { criminal: DemoUser[]; civil: DemoUser[]; pil: DemoUser[]; juvenile: DemoUser[] };
  analyst: DemoUser;
  schools: { id: number; name: string }[];
}

// Names a district's work is full of (成华区); organs and places are real bodies and streets of
// the district, the people and businesses invented.
const streets = [
  '猛追湾街道',
  '双桥子街道',
  '府青路街道',
  '二仙桥街道',
  '跳蹬河街道',
  '建设路街道',
  '万年场街道',
  '白莲池街道',
  '和美街道',
  '青龙街道',
  '保和街道',
  '龙潭街道',
  '双水碾街道',
  '圣灯街道',
];
const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '罗',
  '高',
  '林',
  '廖',
  '邓',
  '曾',
  '谢',
  '唐',
];
const givenNames = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '俊杰',
  '海燕',
  '文斌',
  '桂兰',
  '国华',
  '晓梅',
  '德明',
  '玉珍',
  '春生',
  '雪梅',
  '永刚',
  '淑芬',
  '子涵',
  '雨轩',
  '浩然',
  '欣怡',
  '梓萱',
  '宇航',
  '思琪',
  '俊熙',
];
const companies = [
  '锦程建筑劳务有限公司',
  '蓉兴物业管理有限公司',
  '川味坊餐饮管理有限公司',
  '华景园林绿化工程有限公司',
  '安达物流有限公司',
  '鑫源商贸有限公司',
  '立达装饰工程有限公司',
  '新都汇酒店管理有限公司',
  '宏远机械租赁有限公司',
  '恒通电动车销售有限公司',
];

const pilOrgans: Record<TPilField, string[]> = {
  ecology: ['成都市成华生态环境局', '成都市成华区水务局', '成都市成华区城市管理和综合执法局'],
  culturalHeritage: ['成都市成华区文化广电旅游体育局'],
  stateProperty: ['成都市成华区财政局', '成都市成华区农业农村局', '成都市成华区公园城市建设和城市更新局'],
  stateLandTransfer: ['成都市规划和自然资源局成华分局'],
  foodDrugSafety: ['成都市成华区市场监督管理局'],
  tax: ['国家税务总局成都市成华区税务局'],
  pensionSubsistenceFunds: [
    '成都市成华区人力资源和社会保障局',
    '成都市成华区民政局',
    '成都市成华区医疗保障局',
  ],
  heroesMartyrs: ['成都市成华区退役军人事务局'],
  minors: ['成都市成华区教育局', '成都市成华区市场监督管理局'],
  personalInformation: ['成都市公安局成华区分局', '成都市成华区市场监督管理局'],
  workSafety: ['成都市成华区应急管理局', '成都市成华区住房和城乡建设局', '成都市消防救援支队成华区大队'],
  other: ['成都市成华区住房和城乡建设局'],
};

const pilProblems: Record<TPilField, string[]> = {
  ecology: [
    '河道沿岸建筑垃圾倾倒',
    '餐饮油烟超标排放',
    '夜间施工噪声污染',
    '沙河支流排污口污水直排',
    '非法占用林地',
  ],
  culturalHeritage: ['工业遗产建筑保护不力', '历史建筑违规改建'],
  stateProperty: ['绿植补贴资金被骗取', '农业补贴资金违规发放', '国有资产出租收益流失'],
  stateLandTransfer: ['国有土地出让金欠缴'],
  foodDrugSafety: ['校园周边无证餐饮', '网络餐饮平台无证经营', '过期药品违规销售', '农贸市场食品安全隐患'],
  tax: ['民间借贷利息收入漏缴税款', '非法占用耕地漏缴耕地占用税'],
  pensionSubsistenceFunds: [
    '死亡人员养老金被冒领',
    '服刑人员违规领取低保金',
    '不符合条件人员领取最低生活保障金',
  ],
  heroesMartyrs: ['烈士纪念设施管护不到位'],
  minors: ['校园周边违规销售烟酒', '网吧违规接纳未成年人', '旅馆违规接待未成年人入住'],
  personalInformation: ['小区物业违规收集人脸信息', '快递面单个人信息泄露'],
  workSafety: [
    '老旧小区燃气管道安全隐患',
    '电动自行车违规停放充电',
    '高层建筑消防通道堵塞',
    '窨井盖缺失破损',
  ],
  other: ['无障碍设施建设不达标'],
};

const pilFieldWeights: (readonly [TPilField, number])[] = [
  ['ecology', 22],
  ['foodDrugSafety', 18],
  ['workSafety', 16],
  ['stateProperty', 10],
  ['pensionSubsistenceFunds', 6],
  ['tax', 6],
  ['minors', 6],
  ['personalInformation', 5],
  ['culturalHeritage', 3],
  ['heroesMartyrs', 2],
  ['stateLandTransfer', 2],
  ['other', 4],
];

const legalBasis: Record<(typeof suggestionKindIds)[number], string> = {
  preLitigation:
    '《中华人民共和国行政诉讼法》第二十五条第四款；《最高人民法院、最高人民检察院关于检察公益诉讼案件适用法律若干问题的解释》第二十一条',
  general: '《中华人民共和国人民检察院组织法》第二十一条',
  socialGovernance:
    '《中华人民共和国人民检察院组织法》第二十一条；《中华人民共和国未成年人保护法》第一百一十四条',
  classCase: '《中华人民共和国人民检察院组织法》第二十一条',
};

function personName(plan: DemoPlan): string {
  return plan.rnd.pick(surnames) + plan.rnd.pick(givenNames);
}

/** 王某某: how a person's name reads in a title. */
function maskedName(plan: DemoPlan): string {
  return `${plan.rnd.pick(surnames)}某某`;
}

function birthDate(plan: DemoPlan, age: number): string {
  const year = Number(plan.today.slice(0, 4)) - age;
  return `${year}-${String(plan.rnd.int(1, 12)).padStart(2, '0')}-${String(plan.rnd.int(1, 28)).padStart(2, '0')}`;
}

/** A day in the last two years (3 days ago at the latest), a weekday. */
function dayInWindow(plan: DemoPlan, minAgo = 3, maxAgo = 728): string {
  const raw = addDays(plan.today, -plan.rnd.int(minAgo, maxAgo));
  const day = weekday(raw);
  // A weekend at the end of the window falls back to its Friday rather than into the future.
  return day <= plan.today ? day : addDays(day, -3);
}

function yuan(plan: DemoPlan, min: number, max: number): number {
  return plan.rnd.int(min, max) * 100;
}

interface ClueInput {
  department: DemoDepartment;
  head: DemoUser;
  handler: DemoUser;
  source: Insert<S['clues']>['source'];
  title: string;
  description: string;
  receivedOn: string;
  pilField?: TPilField | null;
  party?: { kind: 'person' | 'organisation'; name: string; idNumber?: string | null };
  /** Assessed with the department's 30-day limit (部门设置). */
  assessed?: boolean;
}

/** A clue as registered; decide it with the helpers below (or leave it pending). */
function addClue(plan: DemoPlan, input: ClueInput): Insert<S['clues']> {
  const id = plan.id('clues');
  const receivedAt = chinaAt(input.receivedOn, plan.rnd.int(9, 16), plan.rnd.int(0, 59));
  const row: Insert<S['clues']> = {
    id,
    source: input.source,
    title: `${input.title}${demoMark}`,
    description: `${input.description}（${demoNote}）`,
    pilField: input.pilField ?? null,
    departmentId: input.department.id,
    handlerId: input.handler.id,
    status: 'pending',
    receivedAt,
    assessmentDueOn: null,
    createdBy: input.handler.id,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
  if (input.assessed !== false) {
    const [deadline] = plan.startLimit({ clueId: id }, 'clueAssessment', input.receivedOn, {
      period: { amount: 30, unit: 'day' },
    });
    row.assessmentDueOn = deadline!.dueOn ?? null;
  }
  plan.rows.clues.push(row);
  if (input.party) {
    plan.rows.clueParties.push({
      id: plan.id('clueParties'),
      clueId: id,
      kind: input.party.kind,
      name: input.party.name,
      idNumber: input.party.idNumber ?? null,
    });
  }
  return row;
}

function decideClue(
  plan: DemoPlan,
  clue: Insert<S['clues']>,
  decision: {
    status: 'opened' | 'declined' | 'transferred' | 'assessing';
    on: string;
    by: DemoUser;
    caseId?: number;
    reason?: string;
  },
): void {
  clue.status = decision.status;
  if (decision.status !== 'assessing') {
    clue.decidedAt = chinaAt(decision.on, 15, plan.rnd.int(0, 59));
    clue.decidedBy = decision.by.id;
    clue.updatedAt = clue.decidedAt;
    for (const d of plan.rows.deadlines) {
      if (d.clueId === clue.id && !d.completedOn) d.completedOn = decision.on;
    }
  }
  if (decision.caseId) clue.caseId = decision.caseId;
  if (decision.reason) clue.declineReason = decision.reason;
}

interface SuggestionDraft {
  row: Insert<S['suggestions']>;
}

function draftSuggestion(
  c: DemoCase,
  kind: (typeof suggestionKindIds)[number],
  addressee: string,
  facts: string,
  requests: string,
  code: string | null,
): SuggestionDraft {
  const plan = c.plan;
  const id = plan.id('suggestions');
  const at = chinaAt(c.day, 10);
  const row: Insert<S['suggestions']> = {
    id,
    caseId: c.id,
    kind,
    addressee,
    facts: `${facts}（${demoNote}）`,
    legalBasis: legalBasis[kind],
    requests,
    contactName: c.handler.displayName,
    contactPhone: '028-8431xxxx',
    copyTo: '',
    urgent: kind === 'preLitigation' && plan.rnd.chance(0.06),
    state: 'draft',
    approvals: [],
    createdBy: c.handler.id,
    createdAt: at,
    updatedAt: at,
  };
  if (code) plan.suggestionCodes.set(id, code);
  plan.rows.suggestions.push(row);
  return { row };
}

/**
 * The suggestion's way: submitted, approved by the head, issued (the case moves to `issueStage`),
 * delivered, replied to, its rectification checked. Stops where today falls; returns whether the
 * rectification was recorded and what it was.
 */
function runSuggestion(
  c: DemoCase,
  s: SuggestionDraft,
  head: DemoUser,
  options: { issueStage?: string; replyStage?: string; noReplyChance: number },
): { rectification: 'fullyRectified' | 'partlyRectified' | 'notRectified' | null } {
  const plan = c.plan;
  const row = s.row;
  const none = { rectification: null };
  if (!c.advance(1, 6)) return none;
  row.state = 'pendingApproval';
  row.updatedAt = chinaAt(c.day, 11);
  if (!c.advance(1, 4)) return none;
  row.state = 'approved';
  row.approvals = [
    {
      userId: head.id,
      name: head.displayName,
      at: chinaAt(c.day, 14).toISOString(),
      note: '同意',
      decision: 'approved',
    },
  ];
  if (!c.advance(0, 3)) return none;
  row.state = 'issued';
  row.issuedAt = chinaAt(c.day, 16);
  row.updatedAt = row.issuedAt;
  const kindLabel = row.kind === 'preLitigation' ? '诉前检察建议' : '检察建议';
  c.event('suggestionIssued', `签发${kindLabel}{文号}（${row.addressee}）`, { suggestionId: row.id });
  c.complete(['caseHandlingToSuggestion']);
  if (options.issueStage) c.stage(options.issueStage, '检察建议已签发');
  if (!c.advance(1, 5)) return none;
  row.state = 'delivered';
  row.deliveredOn = c.day;
  c.event('suggestionDelivered', `检察建议{文号}于 ${c.day} 送达${row.addressee}`, {
    suggestionId: row.id,
    deliveredOn: c.day,
  });
  plan.startLimit(
    { caseId: c.id, suggestionId: row.id },
    row.kind === 'preLitigation' ? 'preLitigationSuggestionReply' : 'generalSuggestionReply',
    c.day,
    {
      urgent: row.urgent ?? false,
      ...(row.urgent && row.kind !== 'preLitigation' ? { period: { amount: 15, unit: 'day' } } : {}),
    },
  );
  // Some addressees never answer: their reply limit runs out (逾期) and shows on the boards.
  if (plan.rnd.chance(options.noReplyChance)) {
    c.stopped = true;
    return none;
  }
  if (!c.advance(row.urgent ? 8 : 18, row.urgent ? 14 : 56)) return none;
  row.state = 'replied';
  row.replyOn = c.day;
  row.replyContent = `${row.addressee}书面回复：已成立专项工作组，制定整改方案并逐项落实（${demoNote}）`;
  c.event('replyReceived', `收到${row.addressee}书面回复`, { suggestionId: row.id, replyOn: c.day });
  for (const d of plan.rows.deadlines) {
    if (d.suggestionId === row.id && !d.completedOn && d.limitId !== 'suitDecisionAfterReply')
      d.completedOn = c.day;
  }
  if (options.replyStage) c.stage(options.replyStage);
  if (!c.advance(10, 40)) return none;
  const rectification = plan.rnd.weighted([
    ['fullyRectified', 80],
    ['partlyRectified', 13],
    ['notRectified', 7],
  ] as const);
  row.state = 'closed';
  row.rectification = rectification;
  row.followUp =
    rectification === 'fullyRectified'
      ? 'none'
      : rectification === 'partlyRectified'
        ? 'followUpSupervision'
        : 'litigation';
  row.rectificationNote = {
    fullyRectified: '经现场核查，已整改到位',
    partlyRectified: '部分整改，持续跟进监督',
    notRectified: '未整改，拟提起诉讼',
  }[rectification];
  row.updatedAt = chinaAt(c.day, 16);
  c.event('rectificationChecked', row.rectificationNote, {
    suggestionId: row.id,
    result: rectification,
    followUp: row.followUp,
  });
  for (const d of plan.rows.deadlines) {
    if (d.suggestionId === row.id && !d.completedOn) d.completedOn = c.day;
  }
  return { rectification };
}

/** What a public-interest case of this field achieves, in the seed's orders of magnitude. */
function pilOutcome(c: DemoCase, field: TPilField): void {
  const plan = c.plan;
  const add = (kind: TOutcomeKind, value: { amountFen?: number; count?: number }) => {
    c.outcome(kind, value);
  };
  switch (field) {
    case 'ecology':
      if (plan.rnd.chance(0.5)) add('ecologicalRestoration', { count: plan.rnd.int(2, 40) });
      else add('wasteRemoved', { count: plan.rnd.int(5, 300) });
      break;
    case 'stateProperty':
    case 'stateLandTransfer':
      add('stateAssetsRecovered', { amountFen: yuan(plan, 8_000, 90_000) });
      break;
    case 'tax':
      add('taxRecovered', { amountFen: yuan(plan, 30_000, 260_000) });
      break;
    case 'pensionSubsistenceFunds':
      add('subsidiesRecovered', { amountFen: yuan(plan, 3_000, 26_000) });
      break;
    case 'workSafety':
    case 'foodDrugSafety':
    case 'minors':
    case 'culturalHeritage':
    case 'heroesMartyrs':
    case 'other':
      add('hazardsRemoved', { count: plan.rnd.int(1, 30) });
      break;
    case 'personalInformation':
      add('peopleHelped', { count: plan.rnd.int(20, 300) });
      break;
  }
}

/** 行政公益诉讼 from its clue to closure; `special` fixes the title and the money (the seed's cases). */
function publicInterestCase(
  plan: DemoPlan,
  people: DemoPeople,
  openedOn: string,
  options: {
    field?: TPilField;
    clue?: Insert<S['clues']>;
    title?: string;
    money?: { kind: TOutcomeKind; amountFen: number };
    civil?: boolean;
  } = {},
): DemoCase {
  const field = options.field ?? plan.rnd.weighted(pilFieldWeights);
  const street = plan.rnd.pick(streets);
  const problem = plan.rnd.pick(pilProblems[field]);
  const organ = plan.rnd.pick(pilOrgans[field]);
  const department = people.departments.pil;
  const handler = plan.rnd.pick(people.handlers.pil);
  const title =
    options.title ?? `督促整治${street}${problem}${options.civil ? '民事公益诉讼案' : '行政公益诉讼案'}`;
  const clue =
    options.clue ??
    addClue(plan, {
      department,
      head: people.heads.pil,
      handler,
      source: plan.rnd.weighted([
        ['publicReport', 30],
        ['selfDiscovered', 30],
        ['adminTransfer', 10],
        ['congressReferral', 8],
        ['media', 8],
        ['criminalTransfer', 14],
      ] as const),
      title: `${street}${problem}线索`,
      description: `反映${street}存在${problem}问题，${organ}可能未依法履行监督管理职责`,
      receivedOn: weekday(addDays(openedOn, -plan.rnd.int(6, 24))),
      pilField: field,
      party: { kind: 'organisation', name: organ },
    });
  const c = new DemoCase(plan, {
    type: options.civil ? 'civilPublicInterest' : 'adminPublicInterest',
    departmentId: department.id,
    handler,
    title,
    openedOn,
    pilField: field,
    clueId: clue.id!,
  });
  decideClue(plan, clue, { status: 'opened', on: openedOn, by: people.heads.pil, caseId: c.id });
  if (!c.advance(12, 40)) return c;
  c.event('investigationReport', `调查终结报告：${organ}对${problem}负有监督管理职责`);
  if (options.civil) {
    c.stage('announcement');
    c.event('announcementPublished', '在正义网发布诉前公告，公告期三十日');
    c.startLimitsFor('announcementPublished');
    if (!c.advance(31, 40)) return c;
    c.complete(['civilPilAnnouncement']);
    if (plan.rnd.chance(0.3)) {
      c.event('terminationDecision', '公告期满，法律规定的机关和有关组织已提起诉讼，终结审查');
      c.stage('terminated');
      return c;
    }
    c.stage('litigation');
    c.event('suitFiled', '向成都铁路运输第一法院提起民事公益诉讼');
    if (!c.advance(40, 120)) return c;
    c.event('judgment', '判决支持全部诉讼请求');
    if (!c.advance(5, 30)) return c;
    c.event('closureDecision', '判决已生效，结案');
    c.stage('closed');
    c.outcome('compensationPaid', { amountFen: yuan(plan, 20_000, 180_000) });
    if (field === 'ecology') c.outcome('ecologicalRestoration', { count: plan.rnd.int(3, 25) });
    return c;
  }
  if (!options.money && plan.rnd.chance(0.07)) {
    c.event('terminationDecision', '行政机关已在立案前依法履职，国家利益不再处于受侵害状态，终结案件');
    c.startLimitsFor('terminationDecision');
    c.stage('terminated');
    c.complete(['caseHandlingToSuggestion']);
    if (c.advance(2, 5)) c.complete(['caseClosureNotice']);
    return c;
  }
  const s = draftSuggestion(
    c,
    'preLitigation',
    organ,
    `经调查，${street}存在${problem}问题，${organ}未依法全面履行监督管理职责，致使社会公共利益受到侵害`,
    `一、依法履行监督管理职责，对${problem}问题进行整改；二、建立长效机制，防止问题反弹；三、在收到本检察建议书之日起两个月内书面回复本院。`,
    department.docCode,
  );
  const { rectification } = runSuggestion(c, s, people.heads.pil, {
    replyStage: 'followUp',
    noReplyChance: options.money ? 0 : 0.07,
  });
  if (!rectification) return c;
  if (rectification === 'notRectified') {
    c.stage('litigation', '行政机关未依法全面履职');
    if (!c.advance(15, 40)) return c;
    c.event('suitFiled', '向成都铁路运输第一法院提起行政公益诉讼');
    if (!c.advance(60, 150)) return c;
    c.event('judgment', '判决确认行政机关未依法履职，责令限期履行');
  }
  if (!c.advance(5, 25)) return c;
  c.event('closureDecision', '整改到位，结案');
  c.stage('closed');
  if (options.money) c.outcome(options.money.kind, { amountFen: options.money.amountFen });
  else pilOutcome(c, field);
  return c;
}

/** 行政违法行为监督 / 行政非诉执行监督: a general suggestion to an organ. */
function adminSupervisionCase(
  plan: DemoPlan,
  people: DemoPeople,
  openedOn: string,
  type: 'adminViolation' | 'nonLitigationEnforcement',
  fromClue?: Insert<S['clues']>,
): DemoCase {
  const department = people.departments.civil;
  const handler = plan.rnd.pick(people.handlers.civil);
  const organ = plan.rnd.pick([
    '成都市成华区市场监督管理局',
    '成都市成华区城市管理和综合执法局',
    '成都市成华区住房和城乡建设局',
    '成都市公安局成华区分局',
    '成都市成华区人力资源和社会保障局',
  ]);
  const problem =
    type === 'adminViolation'
      ? plan.rnd.pick(['行政处罚程序违法', '未依法移送涉嫌犯罪案件', '行政许可审查不严', '怠于履行查处职责'])
      : plan.rnd.pick(['行政处罚决定未申请强制执行', '非诉执行案件超期未执结', '罚没款未依法收缴']);
  const clue =
    fromClue ??
    addClue(plan, {
      department,
      head: people.heads.civil,
      handler,
      source:
        type === 'adminViolation'
          ? 'criminalTransfer'
          : plan.rnd.pick(['selfDiscovered', 'publicReport'] as const),
      title: `${organ}${problem}线索`,
      description: `${organ}在执法中可能存在${problem}的情形`,
      receivedOn: weekday(addDays(openedOn, -plan.rnd.int(5, 20))),
      party: { kind: 'organisation', name: organ },
    });
  const c = new DemoCase(plan, {
    type,
    departmentId: department.id,
    handler,
    title: `${organ}${problem}${type === 'adminViolation' ? '行政违法行为监督案' : '行政非诉执行监督案'}`,
    openedOn,
    clueId: clue.id!,
  });
  decideClue(plan, clue, { status: 'opened', on: openedOn, by: people.heads.civil, caseId: c.id });
  if (!c.advance(10, 35)) return c;
  c.event(
    type === 'adminViolation' ? 'investigationReport' : 'reviewReport',
    `${type === 'adminViolation' ? '调查核实' : '审查'}终结：${problem}属实`,
  );
  if (plan.rnd.chance(0.08)) {
    c.event('terminationDecision', '行政机关已自行纠正，终结审查');
    c.stage('terminated');
    return c;
  }
  const s = draftSuggestion(
    c,
    'general',
    organ,
    `本院在履行法律监督职责中发现，${organ}存在${problem}的情形`,
    `一、依法纠正${problem}问题；二、加强执法规范化建设；三、在收到本检察建议书之日起两个月内书面回复本院。`,
    department.docCode,
  );
  const { rectification } = runSuggestion(c, s, people.heads.civil, {
    issueStage: 'suggestion',
    replyStage: 'followUp',
    noReplyChance: 0.06,
  });
  if (!rectification) return c;
  if (!c.advance(3, 20)) return c;
  c.event('closureDecision', '行政机关已纠正，结案');
  c.stage('closed');
  return c;
}

const claimKinds = [
  ['labourPay', 55],
  ['childSupport', 12],
  ['elderSupport', 12],
  ['domesticViolence', 6],
  ['disabilityFund', 5],
  ['other', 10],
] as const;

/** 民事支持起诉: 77 in three years in the seed, 60余万元 recovered; so about 50 here, 40余万元. */
function supportedSuitCase(plan: DemoPlan, people: DemoPeople, openedOn: string): DemoCase {
  const department = people.departments.civil;
  const handler = plan.rnd.pick(people.handlers.civil);
  const claimKind = plan.rnd.weighted(claimKinds);
  const company = plan.rnd.pick(companies);
  const applicantCount = claimKind === 'labourPay' ? plan.rnd.int(1, 4) : 1;
  const lead = personName(plan);
  const what = {
    labourPay: `${applicantCount > 1 ? `${lead}等${applicantCount}人` : lead}追索劳动报酬`,
    childSupport: `${lead}追索抚养费`,
    elderSupport: `${lead}追索赡养费`,
    domesticViolence: `${lead}家庭暴力损害赔偿`,
    disabilityFund: `${lead}追索残疾人就业保障金`,
    other: `${lead}人身损害赔偿`,
  }[claimKind];
  const clue = addClue(plan, {
    department,
    head: people.heads.civil,
    handler,
    source: plan.rnd.pick(['labourBureau', 'legalAidAgency', 'publicReport'] as const),
    title: `${what}支持起诉申请`,
    description: `${what}，申请检察机关支持起诉`,
    receivedOn: weekday(addDays(openedOn, -plan.rnd.int(3, 15))),
    party: { kind: 'person', name: lead },
  });
  const c = new DemoCase(plan, {
    type: 'supportedSuit',
    departmentId: department.id,
    handler,
    title: `${what}支持起诉案`,
    openedOn,
    clueId: clue.id!,
  });
  decideClue(plan, clue, { status: 'opened', on: openedOn, by: people.heads.civil, caseId: c.id });
  const category = (
    {
      labourPay: 'migrantWorker',
      childSupport: 'minor',
      elderSupport: 'elderly',
      domesticViolence: 'domesticViolenceVictim',
      disabilityFund: 'disabled',
      other: 'poor',
    } as const
  )[claimKind];
  const applicants: Insert<S['supportedProsecutionApplicants']>[] = [];
  for (let i = 0; i < applicantCount; i++) {
    const name = i === 0 ? lead : personName(plan);
    const claimFen = yuan(
      plan,
      claimKind === 'labourPay' ? 1_500 : 3_000,
      claimKind === 'labourPay' ? 9_000 : 15_000,
    );
    applicants.push({
      id: plan.id('supportedProsecutionApplicants'),
      caseId: c.id,
      name,
      idNumber: idNumber(
        plan.rnd,
        birthDate(plan, plan.rnd.int(category === 'elderly' ? 65 : 22, category === 'elderly' ? 85 : 58)),
      ),
      phone: null,
      category,
      claimFen,
      recoveredFen: null,
      paidOn: null,
      createdBy: handler.id,
      createdAt: chinaAt(openedOn, 11),
      updatedAt: chinaAt(openedOn, 11),
    });
  }
  plan.rows.supportedProsecutionApplicants.push(...applicants);
  const record: Insert<S['supportedProsecutions']> = {
    caseId: c.id,
    respondent: claimKind === 'labourPay' ? `成都${company}` : `${maskedName(plan)}`,
    claimKind,
    claimKindOther: claimKind === 'other' ? '人身损害赔偿' : null,
    updatedBy: handler.id,
    updatedAt: chinaAt(openedOn, 11),
  };
  plan.rows.supportedProsecutions.push(record);
  const step = (
    kind: Insert<S['supportedProsecutionSteps']>['kind'],
    extra: Partial<Insert<S['supportedProsecutionSteps']>> = {},
  ) => {
    plan.rows.supportedProsecutionSteps.push({
      id: plan.id('supportedProsecutionSteps'),
      caseId: c.id,
      kind,
      on: c.day,
      recordedBy: handler.id,
      createdAt: chinaAt(c.day, 15),
      ...extra,
    });
  };
  c.event('applicationReceived', '收到支持起诉申请');
  if (!c.advance(5, 15)) return c;
  c.event('reviewReport', '审查终结：符合支持起诉条件');
  step('eligibilityReview', {
    result: 'eligible',
    reasonKinds: ['noLegalKnowledge', 'cannotAfford'],
    person: handler.displayName,
    detail: `申请人系弱势群体，维权能力弱（${demoNote}）`,
  });
  c.stage('support');
  if (!c.advance(3, 12)) return c;
  step('legalAidReferral', { result: 'aidGranted', body: '成华区法律援助中心' });
  c.event('supportOpinion', '制发支持起诉意见书');
  if (!c.advance(5, 20)) return c;
  c.event('suitFiled', '申请人向成华区人民法院起诉');
  step('courtFiling', {
    body: '成都市成华区人民法院',
    reference: `（${c.day.slice(0, 4)}）川0108民初${plan.rnd.int(1000, 9999)}号`,
  });
  if (!c.advance(20, 80)) return c;
  const settled = plan.rnd.chance(0.45);
  if (settled) step('mediation', { result: 'settled', detail: '双方达成调解协议' });
  else {
    c.stage('trial');
    c.event('judgment', '判决支持申请人诉讼请求');
    step('judgment', { result: plan.rnd.chance(0.8) ? 'upheld' : 'partlyUpheld' });
  }
  if (!c.advance(10, 40)) return c;
  // Money recovered: most in full, some in part; the outcome is their sum (sync-outcome.ts).
  let amountFen = 0;
  let helped = 0;
  for (const a of applicants) {
    const recovered = plan.rnd.chance(0.75)
      ? a.claimFen
      : Math.round((a.claimFen * plan.rnd.int(40, 90)) / 10_000) * 100;
    a.recoveredFen = recovered;
    a.paidOn = c.day;
    amountFen += recovered;
    if (recovered > 0) helped++;
  }
  step('enforcement', { result: 'enforced' });
  c.event('closureDecision', '款项已全部到位，结案');
  c.stage('closed');
  record.amountOutcomeId = c.outcome(
    claimKind === 'labourPay' ? 'wagesRecovered' : 'compensationPaid',
    { amountFen },
    '由申请人追回金额合计自动计算',
  );
  record.peopleOutcomeId = c.outcome('peopleHelped', { count: helped }, '由申请人追回金额合计自动计算');
  return c;
}

/** 行政争议实质性化解: 15 in three years in the seed. */
function disputeCase(plan: DemoPlan, people: DemoPeople, openedOn: string): DemoCase {
  const department = people.departments.civil;
  const handler = plan.rnd.pick(people.handlers.civil);
  const phase = plan.rnd.weighted([
    ['preLitigation', 3],
    ['inLitigation', 4],
    ['postLitigation', 3],
  ] as const);
  const organ = plan.rnd.pick([
    '成都市成华区人力资源和社会保障局',
    '成都市成华区住房和城乡建设局',
    '成都市规划和自然资源局成华分局',
    '成都市成华区市场监督管理局',
  ]);
  const act = plan.rnd.pick(['工伤认定', '房屋征收补偿决定', '行政处罚决定', '不予登记决定']);
  const applicant = personName(plan);
  const c = new DemoCase(plan, {
    type: 'adminDisputeResolution',
    departmentId: department.id,
    handler,
    title: `${applicant.slice(0, 1)}某某与${organ}${act}行政争议化解案`,
    openedOn,
    phase,
  });
  const dispute: Insert<S['adminDisputes']> = {
    caseId: c.id,
    entryStage: phase,
    referredBy:
      phase === 'preLitigation'
        ? '成都市成华区司法局'
        : phase === 'inLitigation'
          ? '成都铁路运输第一法院'
          : applicant,
    referredOn: openedOn,
    parties: [
      { name: applicant, role: '申请人' },
      { name: organ, role: '行政机关' },
    ],
    administrativeOrgan: organ,
    administrativeAct: act,
    disputeFocus: `${act}是否合法、补偿标准是否合理（${demoNote}）`,
    means: [],
    updatedBy: handler.id,
    updatedAt: chinaAt(openedOn, 11),
  };
  plan.rows.adminDisputes.push(dispute);
  if (!c.advance(7, 25)) return c;
  c.event('reviewReport', '审查终结：争议具备实质性化解条件');
  c.stage('resolution');
  dispute.means = plan.rnd.chance(0.5) ? ['publicHearing', 'explanation'] : ['explanation'];
  if (!c.advance(20, 90)) return c;
  if (plan.rnd.chance(0.15)) {
    dispute.outcome = 'unresolved';
    dispute.outcomeOn = c.day;
    dispute.outcomeNote = '双方分歧较大，未能化解';
    c.event('terminationDecision', '争议未能化解，终结');
    c.stage('terminated');
    return c;
  }
  dispute.outcome = plan.rnd.pick(['withdrawn', 'settled', 'organPerformed', 'complaintsEnded'] as const);
  dispute.outcomeOn = c.day;
  dispute.outcomeNote = `争议已实质性化解（${demoNote}）`;
  c.event('resolutionAgreement', '当事人签订和解协议');
  c.event('closureDecision', '行政争议已实质性化解，结案');
  c.stage('closed');
  return c;
}

/** 未检: a case with its minors; victims' cases may bring 督促监护令 and 司法救助, suspects' 帮教 and sealing. */
function juvenileCase(
  plan: DemoPlan,
  people: DemoPeople,
  openedOn: string,
  type: 'juvenileVictim' | 'juvenileSuspect',
): DemoCase {
  const department = people.departments.juvenile;
  const handler = plan.rnd.pick(people.handlers.juvenile);
  const offence =
    type === 'juvenileVictim'
      ? plan.rnd.pick(['猥亵儿童', '强奸', '故意伤害', '虐待', '拐骗儿童', '帮助信息网络犯罪活动'])
      : plan.rnd.pick(['盗窃', '抢劫', '寻衅滋事', '聚众斗殴', '故意伤害', '帮助信息网络犯罪活动']);
  const suspect = maskedName(plan);
  const c = new DemoCase(plan, {
    type,
    departmentId: department.id,
    handler,
    title:
      type === 'juvenileVictim'
        ? `${suspect}${offence}案（被害人系未成年人）`
        : `未成年人${suspect}涉嫌${offence}案`,
    openedOn,
  });
  const minorName = personName(plan);
  const minorAge = type === 'juvenileVictim' ? plan.rnd.int(6, 16) : plan.rnd.int(14, 17);
  const minorId = plan.id('juvenileMinors');
  plan.rows.juvenileMinors.push({
    id: minorId,
    caseId: c.id,
    role: type === 'juvenileVictim' ? 'victim' : 'suspect',
    name: minorName,
    gender: plan.rnd.pick(['male', 'female'] as const),
    birthDate: birthDate(plan, minorAge),
    idNumber: null,
    guardianName: personName(plan),
    guardianRelation: plan.rnd.pick(['父亲', '母亲', '祖母']),
    createdBy: handler.id,
    createdAt: chinaAt(openedOn, 10),
  });
  if (type === 'juvenileVictim' && plan.rnd.chance(0.45)) {
    plan.rows.judicialAids.push(
      judicialAid(plan, c, people.heads.juvenile, { minorId, name: minorName, category: 'juvenile' }),
    );
  }
  if (!c.advance(10, 30)) return c;
  c.event('reviewReport', '审查报告');
  if (type === 'juvenileSuspect' && plan.rnd.chance(0.4)) {
    c.event('conditionalNonProsecution', '作出附条件不起诉决定，考验期六个月');
    c.stage('probation');
    followUp(plan, people, c, minorName, 'caseInvolved');
    if (!c.advance(180, 200)) return c;
    c.event('probationEvaluation', '考验期满评估：表现良好');
    c.event('nonProsecutionDecision', '考验期满，作出不起诉决定');
    c.stage('closed');
    seal(plan, c, 'nonProsecution', null);
    return c;
  }
  if (plan.rnd.chance(0.12)) {
    c.event(
      'nonProsecutionDecision',
      type === 'juvenileSuspect' ? '犯罪情节轻微，作出相对不起诉决定' : '证据不足，作出不起诉决定',
    );
    c.stage('terminated');
    if (type === 'juvenileSuspect') seal(plan, c, 'nonProsecution', null);
    return c;
  }
  c.event('publicProsecution', '向成华区人民法院提起公诉');
  c.stage('prosecution');
  if (type === 'juvenileVictim' && plan.rnd.chance(0.5)) guardianshipOrder(plan, c, minorId, minorName);
  if (type === 'juvenileSuspect') followUp(plan, people, c, minorName, 'caseInvolved');
  if (type === 'juvenileVictim' && plan.rnd.chance(0.2)) {
    const s = draftSuggestion(
      c,
      'socialGovernance',
      plan.rnd.pick(['成都市成华区教育局', '成都市成华区市场监督管理局', '成都市公安局成华区分局']),
      '本院在办理侵害未成年人案件中发现，相关单位未落实强制报告和入职查询制度',
      '一、落实强制报告制度；二、开展入职查询；三、依法书面回复本院。',
      people.departments.juvenile.docCode,
    );
    runSuggestion(c, s, people.heads.juvenile, { noReplyChance: 0.05 });
    c.stopped = false;
  }
  if (!c.advance(40, 120)) return c;
  const months = plan.rnd.weighted([
    [plan.rnd.int(6, 36), 80],
    [plan.rnd.int(37, 60), 12],
    [plan.rnd.int(61, 120), 8],
  ] as const);
  c.event('judgment', `法院判处有期徒刑${months}个月`, { sentenceMonths: months });
  if (!c.advance(10, 25)) return c;
  c.event('closureDecision', '判决生效，结案');
  c.stage('closed');
  // 刑事诉讼法 第二百八十六条: 犯罪的时候不满十八周岁，被判处五年有期徒刑以下刑罚的，应当封存。
  if (type === 'juvenileSuspect' && months <= 60) seal(plan, c, 'sentence', months);
  return c;
}

function seal(
  plan: DemoPlan,
  c: DemoCase,
  basis: 'sentence' | 'nonProsecution',
  months: number | null,
): void {
  plan.rows.juvenileSealings.push({
    id: plan.id('juvenileSealings'),
    caseId: c.id,
    basis,
    sentenceMonths: months,
    sealedOn: c.day,
    sealedBy: c.handler.id,
    createdAt: chinaAt(c.day, 17),
  });
}

function guardianshipOrder(plan: DemoPlan, c: DemoCase, minorId: number, minorName: string): void {
  const issuedOn = c.day;
  const sessions = [0, 1, 2].map((i) => {
    const on = weekday(addDays(issuedOn, 20 + i * 30));
    return {
      on,
      topic: ['亲子沟通', '安全教育', '心理疏导'][i]!,
      attended: on <= plan.today ? true : null,
      note: '',
    };
  });
  const evaluated = addDays(issuedOn, 100) <= plan.today;
  plan.rows.juvenileGuardianshipOrders.push({
    id: plan.id('juvenileGuardianshipOrders'),
    caseId: c.id,
    minorId,
    guardianName: personName(plan),
    relation: '父亲',
    facts: `监护人对${minorName.slice(0, 1)}某某疏于照料、管教（${demoNote}）`,
    requirements: '一、履行监护职责；二、接受家庭教育指导；三、定期报告监护情况。',
    partnerBody: '成华区妇女联合会',
    sessions,
    issuedOn,
    evaluation: evaluated ? '监护人认真履行监护职责，家庭教育指导效果良好' : null,
    evaluatedAt: evaluated ? chinaAt(addDays(issuedOn, 100), 15) : null,
    createdBy: c.handler.id,
    createdAt: chinaAt(issuedOn, 11),
  });
}

function followUp(
  plan: DemoPlan,
  people: DemoPeople,
  c: DemoCase | null,
  minorName: string,
  subject: 'caseInvolved' | 'unsupervised',
  startedOn = c?.day ?? plan.today,
): void {
  const id = plan.id('juvenileFollowUps');
  const handler = c?.handler ?? plan.rnd.pick(people.handlers.juvenile);
  const months = 6;
  const ends = addDays(startedOn, months * 30 + 10);
  const done = ends <= plan.today;
  const outcome = done
    ? plan.rnd.weighted([
        ['backToSchool', 45],
        ['employed', 25],
        ['training', 15],
        ['backHome', 10],
        ['other', 5],
      ] as const)
    : null;
  plan.rows.juvenileFollowUps.push({
    id,
    departmentId: people.departments.juvenile.id,
    handlerId: handler.id,
    caseId: c?.id ?? null,
    subject,
    minorName,
    goal: '帮助其回归校园或稳定就业，矫正不良行为',
    startedOn,
    outcome,
    outcomeNote: outcome
      ? `帮教期满，${{ backToSchool: '已复学', employed: '已稳定就业', training: '参加职业技能培训', backHome: '回归家庭', other: '情况稳定' }[outcome]}（${demoNote}）`
      : null,
    closedAt: done ? chinaAt(ends, 16) : null,
    createdBy: handler.id,
    createdAt: chinaAt(startedOn, 10),
  });
  for (let month = 1; month <= months; month++) {
    const dueOn = weekday(addDays(startedOn, month * 30));
    // A visit due in the last fortnight may not be done yet: 到期/逾期 on the workbench.
    const isDone = dueOn < addDays(plan.today, -14) || (dueOn <= plan.today && plan.rnd.chance(0.5));
    plan.rows.juvenileFollowUpVisits.push({
      id: plan.id('juvenileFollowUpVisits'),
      followUpId: id,
      dueOn,
      doneOn: isDone ? dueOn : null,
      notes: isDone
        ? `按期回访，${plan.rnd.pick(['学习态度明显好转', '作息规律', '与家人关系改善', '已按时报到'])}（${demoNote}）`
        : null,
      progress: isDone ? plan.rnd.pick(['良好', '稳定', '有进步']) : null,
      recordedBy: isDone ? handler.id : null,
    });
  }
}

function judicialAid(
  plan: DemoPlan,
  c: { id: number; day: string; handler: DemoUser },
  decider: DemoUser,
  options: { minorId?: number; name: string; category: Insert<S['judicialAids']>['category'] },
): Insert<S['judicialAids']> {
  const appliedOn = weekday(addDays(c.day, plan.rnd.int(5, 30)));
  const applied = appliedOn <= plan.today ? appliedOn : c.day;
  const decidedOn = weekday(addDays(applied, plan.rnd.int(10, 30)));
  const decided = decidedOn <= plan.today;
  const granted = decided && plan.rnd.chance(0.85);
  const approvedFen = granted ? yuan(plan, 5_000, 30_000) : null;
  const paidOn = granted ? weekday(addDays(decidedOn, plan.rnd.int(7, 20))) : null;
  const paid = paidOn !== null && paidOn <= plan.today;
  return {
    id: plan.id('judicialAids'),
    caseId: c.id,
    minorId: options.minorId ?? null,
    applicantName: options.name,
    applicantIdNumber: options.minorId ? null : idNumber(plan.rnd, birthDate(plan, plan.rnd.int(25, 70))),
    appliedOn: applied,
    category: options.category,
    reason: `因案致困，家庭生活困难（${demoNote}）`,
    decision: decided ? (granted ? 'granted' : 'refused') : 'pending',
    decidedOn: decided ? decidedOn : null,
    decidedBy: decided ? decider.id : null,
    decisionNote: decided ? (granted ? '符合国家司法救助条件' : '不符合救助条件') : null,
    approvedFen,
    paidOn: paid ? paidOn : null,
    paidFen: paid ? approvedFen : null,
    createdBy: c.handler.id,
    createdAt: chinaAt(applied, 10),
    updatedAt: chinaAt(applied, 10),
  };
}

/** 第一检察部: criminal cases' clues sent on to the other lines (刑检移送), some declined. */
function criminalClue(
  plan: DemoPlan,
  people: DemoPeople,
  receivedOn: string,
): { transferredTo?: 'civil' | 'pil'; clue: Insert<S['clues']> } {
  const department = people.departments.criminal;
  const handler = plan.rnd.pick(people.handlers.criminal);
  const suspect = maskedName(plan);
  const offence = plan.rnd.pick([
    '盗窃',
    '诈骗',
    '危险驾驶',
    '非法占用农用地',
    '生产销售不符合安全标准的食品',
    '污染环境',
    '交通肇事',
  ]);
  const clue = addClue(plan, {
    department,
    head: people.heads.criminal,
    handler,
    source: 'criminalTransfer',
    title: `${suspect}${offence}案中发现的监督线索`,
    description: `办理${suspect}${offence}案时发现相关行政机关可能存在监管漏洞`,
    receivedOn,
    party: {
      kind: 'person',
      name: personName(plan),
      idNumber: idNumber(plan.rnd, birthDate(plan, plan.rnd.int(20, 60))),
    },
    assessed: false,
  });
  const decideOn = weekday(addDays(receivedOn, plan.rnd.int(2, 12)));
  if (decideOn > plan.today) return { clue };
  const target = plan.rnd.weighted([
    ['pil', 45],
    ['civil', 30],
    ['declined', 15],
    ['outside', 10],
  ] as const);
  if (target === 'declined') {
    decideClue(plan, clue, {
      status: 'declined',
      on: decideOn,
      by: people.heads.criminal,
      reason: '经审查不属于监督事项',
    });
    return { clue };
  }
  decideClue(plan, clue, { status: 'transferred', on: decideOn, by: people.heads.criminal });
  const transfer: Insert<S['clueTransfers']> = {
    id: plan.id('clueTransfers'),
    clueId: clue.id!,
    fromDepartmentId: department.id,
    reason: '属于其他业务部门管辖的监督事项，依法移送',
    transferredAt: chinaAt(decideOn, 16),
    transferredBy: people.heads.criminal.id,
  };
  plan.rows.clueTransfers.push(transfer);
  if (target === 'outside') {
    transfer.toOutsideBody = '成都市公安局成华区分局';
    const back = weekday(addDays(decideOn, plan.rnd.int(5, 30)));
    if (back <= plan.today) {
      transfer.receivedAt = chinaAt(decideOn, 17);
      transfer.receivedBy = '成华区分局法制大队';
      transfer.feedback = `已立案查处（${demoNote}）`;
      transfer.feedbackAt = chinaAt(back, 11);
      transfer.feedbackRecordedBy = people.heads.criminal.id;
    }
    return { clue };
  }
  transfer.toDepartmentId = people.departments[target].id;
  transfer.receivedAt = chinaAt(decideOn, 16);
  return { clue, transferredTo: target };
}

/** A clue received by a casework department that became nothing yet (pending) or was declined. */
function otherClue(
  plan: DemoPlan,
  people: DemoPeople,
  line: 'civil' | 'pil' | 'juvenile',
  receivedOn: string,
): void {
  const department = people.departments[line];
  const handler = plan.rnd.pick(people.handlers[line]);
  const field = line === 'pil' ? plan.rnd.weighted(pilFieldWeights) : null;
  const street = plan.rnd.pick(streets);
  const topic = field
    ? plan.rnd.pick(pilProblems[field])
    : line === 'civil'
      ? plan.rnd.pick(['拖欠农民工工资', '行政处罚未执行', '民事执行活动违法'])
      : plan.rnd.pick(['校园欺凌', '监护缺失', '网吧接纳未成年人']);
  const clue = addClue(plan, {
    department,
    head: people.heads[line],
    handler,
    source: plan.rnd.pick(['publicReport', 'selfDiscovered', 'media', 'adminTransfer'] as const),
    title: `${street}${topic}线索`,
    description: `群众反映${street}${topic}问题`,
    receivedOn,
    pilField: field,
  });
  const age = Math.round((Date.parse(plan.today) - Date.parse(receivedOn)) / 86_400_000);
  // Old clues were decided; of the last weeks' some wait, a few beyond their 30 days (逾期).
  if (age > 45 || plan.rnd.chance(age > 20 ? 0.6 : 0.2)) {
    const on = weekday(addDays(receivedOn, plan.rnd.int(5, 25)));
    decideClue(plan, clue, {
      status: 'declined',
      on: on <= plan.today ? on : receivedOn,
      by: people.heads[line],
      reason: '经初查，问题已由行政机关依法处理，不予立案',
    });
  } else if (plan.rnd.chance(0.5)) {
    decideClue(plan, clue, { status: 'assessing', on: receivedOn, by: people.heads[line] });
  }
}

/** 大数据法律监督模型 runs with their hits; the seed's 服刑人员违规领取补(救)助金: 5 cases, 4万余元. */
function modelRuns(
  plan: DemoPlan,
  people: DemoPeople,
  build: (openedOn: string, fn: () => void) => void,
): void {
  const runs = [
    {
      modelId: 'prisoner-subsidy',
      roles: ['payments', 'prisoners'],
      ago: 400,
      hits: 11,
      toCases: 5,
      total: 4_268_000,
      field: 'pensionSubsistenceFunds' as const,
      problem: '服刑人员违规领取补(救)助金',
    },
    {
      modelId: 'deceased-pension',
      roles: ['pensions', 'deaths'],
      ago: 250,
      hits: 9,
      toCases: 4,
      total: 10_352_000,
      field: 'pensionSubsistenceFunds' as const,
      problem: '死亡人员养老金被冒领',
    },
    {
      modelId: 'stolen-vehicle',
      roles: ['stolen', 'seized'],
      ago: 500,
      hits: 96,
      toCases: 0,
      total: 0,
      field: null,
      problem: '盗窃案赃物未返还',
    },
  ];
  for (const run of runs) {
    const day = weekday(addDays(plan.today, -run.ago));
    const inputs = run.roles.map((role, i) => {
      const id = plan.id('collideDatasets');
      const kind = kindOf(run.modelId, role).id;
      const fileName = `${run.modelId}-${role}${demoMark}.xlsx`;
      plan.rows.collideDatasets.push({
        id,
        kind,
        fileName,
        contentHash: sha256(`procura-demo-dataset:${run.modelId}:${role}`),
        // No snapshot file exists: a demo data set shows its run and hits; rerunning it asks for an upload.
        snapshot: `datasets/demo-${run.modelId}-${role}.parquet`,
        sizeBytes: 48_000 + i * 1024,
        rowsRead: run.modelId === 'stolen-vehicle' ? 504 : 3_200,
        rowsCleaned: run.modelId === 'stolen-vehicle' ? 498 : 3_170,
        rowsRejected: run.modelId === 'stolen-vehicle' ? 6 : 30,
        rejects: [],
        uploadedBy: people.analyst.id,
        uploadedAt: chinaAt(day, 9),
      });
      return {
        role,
        datasetId: id,
        contentHash: sha256(`procura-demo-dataset:${run.modelId}:${role}`),
        fileName,
      };
    });
    const runId = plan.id('collideRuns');
    // The stolen-vehicle run: 504 theft cases, 74 vehicles returned (12万余元), as in the seed.
    const hitAmounts: number[] = [];
    for (let i = 0; i < run.hits; i++)
      hitAmounts.push(run.modelId === 'stolen-vehicle' ? yuan(plan, 900, 2_400) : yuan(plan, 2_000, 30_000));
    plan.rows.collideRuns.push({
      id: runId,
      modelId: run.modelId,
      inputs,
      status: 'succeeded',
      stage: 'done',
      percent: 100,
      hitCount: run.hits,
      newHitCount: run.hits,
      amountFen: hitAmounts.reduce((a, b) => a + b, 0),
      startedBy: people.analyst.id,
      createdAt: chinaAt(day, 10),
      startedAt: chinaAt(day, 10),
      finishedAt: chinaAt(day, 10, 3),
    });
    let remaining = run.total;
    for (let i = 0; i < run.hits; i++) {
      const name = personName(plan);
      const id = idNumber(plan.rnd, birthDate(plan, plan.rnd.int(30, 80)));
      const hitId = plan.id('collideHits');
      const reviewOn = weekday(addDays(day, plan.rnd.int(3, 20)));
      const status =
        run.modelId === 'stolen-vehicle'
          ? i < 74
            ? 'confirmed'
            : i < 90
              ? 'dismissed'
              : 'pending'
          : i < run.toCases
            ? 'clue'
            : i < run.toCases + 2
              ? 'confirmed'
              : i < run.toCases + 4
                ? 'dismissed'
                : 'pending';
      const hit: Insert<S['collideHits']> = {
        id: hitId,
        runId,
        hitKey: sha256(`procura-demo-hit:${run.modelId}:${i}`),
        isNew: true,
        subject:
          run.modelId === 'stolen-vehicle' ? `车架号 LDemo${String(i).padStart(6, '0')}` : `${name}（${id}）`,
        idNumber: run.modelId === 'stolen-vehicle' ? null : id,
        name: run.modelId === 'stolen-vehicle' ? null : name,
        count: plan.rnd.int(1, 12),
        amountFen: hitAmounts[i]!,
        confidence: plan.rnd.chance(0.85) ? 'exact' : 'suspected',
        score: null,
        explanation: `${run.problem}：命中第 ${i + 1} 条（${demoNote}）`,
        evidence: [],
        status,
        dismissReason: status === 'dismissed' ? '经核实已退回或系误报' : null,
        reviewedBy: status === 'pending' ? null : people.analyst.id,
        reviewedAt: status === 'pending' ? null : chinaAt(reviewOn, 15),
      };
      plan.rows.collideHits.push(hit);
      if (status !== 'clue') continue;
      // Hits into clues and cases: the money split so the cases sum to the seed's total.
      const last = i === run.toCases - 1;
      const amountFen = last
        ? remaining
        : Math.round(run.total / run.toCases / 100 + plan.rnd.int(-1500, 1500)) * 100;
      remaining -= amountFen;
      build(addDays(reviewOn, 7), () => {
        const clue = addClue(plan, {
          department: people.departments.pil,
          head: people.heads.pil,
          handler: people.handlers.pil[0]!,
          source: 'dataModel',
          title: `${run.problem}（${name.slice(0, 1)}某某）`,
          description: `模型命中：${run.problem}，涉及金额待核实`,
          receivedOn: reviewOn,
          pilField: run.field,
          party: { kind: 'person', name, idNumber: id },
        });
        hit.clueId = clue.id!;
        publicInterestCase(plan, people, weekday(addDays(reviewOn, 7)), {
          field: run.field!,
          clue,
          title: `督促追回${name.slice(0, 1)}某某${run.problem}行政公益诉讼案`,
          money: { kind: 'subsidiesRecovered', amountFen },
        });
      });
    }
  }
}

const letterTexts: Record<(typeof letterTopicIds)[number], string[]> = {
  bullying: ['班上有同学经常抢我的零花钱，还说告诉老师就打我。', '有几个高年级同学总在厕所堵我。'],
  family: ['爸爸妈妈经常吵架，我不想回家。', '爷爷奶奶年纪大了，没人辅导我作业。'],
  sexualSafety: ['有个陌生人在网上让我发照片，我很害怕。'],
  online: ['游戏里有人让我充值，说可以退钱，我被骗了。', '我总是控制不住玩手机到很晚。'],
  mentalHealth: ['最近考试压力很大，晚上睡不着。', '我觉得没有人理解我，很孤单。'],
  legalQuestion: ['未成年人可以自己去打工吗？', '同学借钱不还，我该怎么办？'],
  other: ['谢谢检察官姐姐来学校讲课！', '希望学校门口的小卖部不要卖烟。'],
};

function letters(plan: DemoPlan, people: DemoPeople): void {
  if (!people.schools.length) return;
  const prosecutor = people.handlers.juvenile[0]!;
  for (let i = 0; i < 64; i++) {
    const topic = plan.rnd.weighted([
      ['bullying', 14],
      ['family', 12],
      ['online', 12],
      ['mentalHealth', 12],
      ['legalQuestion', 16],
      ['sexualSafety', 4],
      ['other', 10],
    ] as const);
    // Most letters were answered long ago; the last few days' wait for an answer.
    const day = i < 6 ? dayInWindow(plan, 0, 10) : dayInWindow(plan, 1, 700);
    const age = Math.round((Date.parse(plan.today) - Date.parse(day)) / 86_400_000);
    const status =
      age > 14
        ? 'answered'
        : age > 5
          ? plan.rnd.pick(['read', 'answered'] as const)
          : plan.rnd.pick(['new', 'read'] as const);
    const at = chinaAt(day, plan.rnd.int(12, 20), plan.rnd.int(0, 59));
    const answeredOn = weekday(addDays(day, plan.rnd.int(1, 4)));
    plan.rows.mailboxLetters.push({
      id: plan.id('mailboxLetters'),
      schoolId: plan.rnd.pick(people.schools).id,
      topic,
      topicSource: plan.rnd.chance(0.7) ? 'student' : 'keywords',
      grade: plan.rnd.pick(['三年级', '五年级', '初一', '初二', null]),
      body: `${plan.rnd.pick(letterTexts[topic])}${demoMark}`,
      contact: null,
      urgent: topic === 'sexualSafety',
      urgentReasons: topic === 'sexualSafety' ? [{ category: 'sexualSafety', word: '照片' }] : [],
      // sha256 of a text no pickup code hashes to: nobody can open a demo letter as its writer.
      pickupCodeHash: sha256(`procura-demo-letter:${i}`),
      status,
      readAt: status === 'new' ? null : chinaAt(addDays(day, 1), 9),
      readBy: status === 'new' ? null : prosecutor.id,
      answer:
        status === 'answered'
          ? `同学你好，检察官已收到你的来信，我们会和学校一起帮助你。（${demoNote}）`
          : null,
      answeredAt: status === 'answered' ? chinaAt(answeredOn, 10) : null,
      answeredBy: status === 'answered' ? prosecutor.id : null,
      createdAt: at,
    });
  }
}

function outreach(plan: DemoPlan, people: DemoPeople): void {
  for (let i = 0; i < 36; i++) {
    const kind = plan.rnd.weighted([
      ['lawToSchool', 6],
      ['littleProsecutor', 2],
      ['toCommunity', 3],
    ] as const);
    const heldOn = dayInWindow(plan, 2, 720);
    const school = people.schools.length && kind !== 'toCommunity' ? plan.rnd.pick(people.schools) : null;
    const street = plan.rnd.pick(streets);
    const title = {
      lawToSchool: `"法治进校园"${plan.rnd.pick(['预防校园欺凌', '防范电信网络诈骗', '未成年人保护法'])}专题讲座`,
      littleProsecutor: '"小小检察官"检察开放日体验活动',
      toCommunity: `${street}"检察护未"进社区普法宣传`,
    }[kind];
    plan.rows.outreachEvents.push({
      id: plan.id('outreachEvents'),
      kind,
      title: `${title}${demoMark}`,
      heldOn,
      place: school ? school.name : `${street}社区服务中心`,
      audience: kind === 'toCommunity' ? '社区居民和家长' : '在校学生',
      participantCount:
        kind === 'lawToSchool'
          ? plan.rnd.int(120, 900)
          : kind === 'littleProsecutor'
            ? plan.rnd.int(20, 60)
            : plan.rnd.int(40, 300),
      materials: '',
      schoolId: school ? school.id : null,
      departmentId: people.departments.juvenile.id,
      createdBy: people.handlers.juvenile[0]!.id,
      createdAt: chinaAt(heldOn, 18),
      updatedAt: chinaAt(heldOn, 18),
    });
  }
}

/**
 * Two years of a district procuratorate's work up to today, written into `plan.rows`. Cases are
 * opened in date order, so their numbers run in order within each year and series.
 */
export function generateDemoWork(plan: DemoPlan, people: DemoPeople): void {
  const seeds: { on: string; order: number; build: () => void }[] = [];
  const build = (on: string, fn: () => void) => seeds.push({ on, order: seeds.length, build: fn });

  // 第一检察部: clues from criminal cases, most sent on to the public-interest and civil lines.
  const transferredClues: { on: string; line: 'civil' | 'pil'; clue: Insert<S['clues']> }[] = [];
  for (let i = 0; i < 72; i++) {
    const receivedOn = dayInWindow(plan, 1, 728);
    const { transferredTo, clue } = criminalClue(plan, people, receivedOn);
    if (transferredTo)
      transferredClues.push({
        on: clue.decidedAt ? chinaDay(clue.decidedAt as Date) : receivedOn,
        line: transferredTo,
        clue,
      });
  }
  // The transferred clue arrives as a new clue in the receiving department, which opens a case on most.
  for (const t of transferredClues) {
    const transfer = plan.rows.clueTransfers.find((x) => x.clueId === t.clue.id)!;
    const department = people.departments[t.line];
    const received = addClue(plan, {
      department,
      head: people.heads[t.line],
      handler: plan.rnd.pick(people.handlers[t.line]),
      source: 'criminalTransfer',
      title: (t.clue.title as string).replace(demoMark, ''),
      description: (t.clue.description as string).replace(`（${demoNote}）`, ''),
      receivedOn: t.on,
      pilField: t.line === 'pil' ? plan.rnd.weighted(pilFieldWeights) : null,
    });
    transfer.receivedClueId = received.id!;
    const openOn = weekday(addDays(t.on, plan.rnd.int(5, 25)));
    if (openOn > addDays(plan.today, -1) || plan.rnd.chance(0.15)) continue;
    if (t.line === 'pil')
      build(openOn, () =>
        publicInterestCase(plan, people, openOn, { clue: received, field: received.pilField ?? 'other' }),
      );
    else build(openOn, () => adminSupervisionCase(plan, people, openOn, 'adminViolation', received));
  }
  // The seed's 廖某某骗取绿植补贴资金 case: a criminal department's clue, 追回国有财产119万余元.
  {
    const openOn = weekday(addDays(plan.today, -520));
    build(openOn, () => {
      const clue = addClue(plan, {
        department: people.departments.pil,
        head: people.heads.pil,
        handler: people.handlers.pil[0]!,
        source: 'criminalTransfer',
        title: '廖某某骗取绿植补贴资金线索',
        description: '刑检部门办理廖某某诈骗案时发现绿植补贴资金被骗取，国有财产受损',
        receivedOn: weekday(addDays(openOn, -12)),
        pilField: 'stateProperty',
        party: { kind: 'organisation', name: '成都市成华区公园城市建设和城市更新局' },
      });
      publicInterestCase(plan, people, openOn, {
        field: 'stateProperty',
        clue,
        title: '督促追回廖某某骗取绿植补贴资金行政公益诉讼案',
        money: { kind: 'stateAssetsRecovered', amountFen: 119_368_500 },
      });
    });
  }
  for (let i = 0; i < 70; i++) {
    const on = dayInWindow(plan);
    build(on, () => publicInterestCase(plan, people, on));
  }
  for (let i = 0; i < 8; i++) {
    const on = dayInWindow(plan, 10);
    build(on, () =>
      publicInterestCase(plan, people, on, {
        civil: true,
        field: plan.rnd.pick(['ecology', 'foodDrugSafety', 'personalInformation'] as const),
      }),
    );
  }
  for (let i = 0; i < 50; i++) {
    const on = dayInWindow(plan);
    build(on, () => supportedSuitCase(plan, people, on));
  }
  for (let i = 0; i < 12; i++) {
    const on = dayInWindow(plan);
    build(on, () => adminSupervisionCase(plan, people, on, 'nonLitigationEnforcement'));
  }
  for (let i = 0; i < 8; i++) {
    const on = dayInWindow(plan);
    build(on, () => adminSupervisionCase(plan, people, on, 'adminViolation'));
  }
  for (let i = 0; i < 13; i++) {
    const on = dayInWindow(plan);
    build(on, () => disputeCase(plan, people, on));
  }
  for (let i = 0; i < 24; i++) {
    const on = dayInWindow(plan);
    build(on, () => juvenileCase(plan, people, on, 'juvenileVictim'));
  }
  for (let i = 0; i < 28; i++) {
    const on = dayInWindow(plan);
    build(on, () => juvenileCase(plan, people, on, 'juvenileSuspect'));
  }
  modelRuns(plan, people, build);

  seeds.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
  for (const seed of seeds) seed.build();

  // Judicial aid on supported-prosecution cases (the juvenile cases' is written with them).
  for (const c of plan.rows.cases.filter((x) => x.type === 'supportedSuit').slice(0, 12)) {
    const target = {
      id: c.id!,
      day: chinaDay(c.openedAt as Date),
      handler: plan.usersById.get(c.handlerId!)!,
    };
    plan.rows.judicialAids.push(
      judicialAid(plan, target, people.heads.civil, {
        name: personName(plan),
        category: 'civilUncompensated',
      }),
    );
  }
  for (let i = 0; i < 40; i++)
    otherClue(
      plan,
      people,
      plan.rnd.weighted([
        ['pil', 5],
        ['civil', 3],
        ['juvenile', 2],
      ] as const),
      dayInWindow(plan, 1, 728),
    );
  for (let i = 0; i < 8; i++)
    followUp(plan, people, null, personName(plan), 'unsupervised', dayInWindow(plan, 20, 400));
  letters(plan, people);
  outreach(plan, people);
  plan.finishCounters();
}

function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
