import type { eligibilityReasonIds, supportStepKindIds, supportStepResultIds } from './states.ts';

/**
 * The work of a 民事支持起诉 case after its applicants are listed, in order: why the party cannot
 * sue alone (审查), help on the way (法律援助, 取证), the suit (立案), its resolution — mediation or
 * settlement first (和解优先), otherwise judgment — and enforcement.
 */
export const supportStepKinds = {
  eligibilityReview: '支持起诉条件审查',
  legalAidReferral: '转介法律援助',
  evidenceCollection: '协助收集证据',
  courtFiling: '起诉立案',
  mediation: '调解（和解）',
  judgment: '判决',
  enforcement: '申请执行',
} as const satisfies Record<(typeof supportStepKindIds)[number], string>;
export type TSupportStepKind = keyof typeof supportStepKinds;

/** The name of each step's date, as error messages and the page call it. */
export const supportStepDateLabels: Record<TSupportStepKind, string> = {
  eligibilityReview: '审查日期',
  legalAidReferral: '转介日期',
  evidenceCollection: '取证日期',
  courtFiling: '立案日期',
  mediation: '调解日期',
  judgment: '判决日期',
  enforcement: '申请执行日期',
};

export const supportStepResults = {
  eligible: '符合支持起诉条件',
  ineligible: '不符合支持起诉条件',
  aidGranted: '已指派律师',
  aidRefused: '不予援助',
  aidPending: '待答复',
  settled: '达成调解（和解）协议',
  notSettled: '调解不成',
  upheld: '支持诉讼请求',
  partlyUpheld: '部分支持诉讼请求',
  dismissed: '驳回诉讼请求',
  enforced: '执行完毕',
  partlyEnforced: '部分执行到位',
  enforcing: '执行中',
} as const satisfies Record<(typeof supportStepResultIds)[number], string>;
export type TSupportStepResult = keyof typeof supportStepResults;

/** Which results each step takes (none: the step has no result). */
export const resultsOfStep: Record<TSupportStepKind, readonly TSupportStepResult[]> = {
  eligibilityReview: ['eligible', 'ineligible'],
  legalAidReferral: ['aidGranted', 'aidRefused', 'aidPending'],
  evidenceCollection: [],
  courtFiling: [],
  mediation: ['settled', 'notSettled'],
  judgment: ['upheld', 'partlyUpheld', 'dismissed'],
  enforcement: ['enforced', 'partlyEnforced', 'enforcing'],
};

/** Why the party cannot easily sue alone (the eligibility review's reasons; free text adds detail). */
export const eligibilityReasons = {
  noLegalKnowledge: '缺乏法律知识，诉讼能力弱',
  cannotAfford: '经济困难，无力负担诉讼费用或聘请律师',
  evidenceHeldByOther: '证据由对方掌握，取证困难',
  limitedMobility: '年老、患病或残疾，行动不便',
  incapacity: '未成年人或无、限制民事行为能力人',
  fearOfReprisal: '受家庭暴力或胁迫，不敢起诉',
  manyClaimants: '人数众多的群体性纠纷',
  other: '其他',
} as const satisfies Record<(typeof eligibilityReasonIds)[number], string>;
export type TEligibilityReason = keyof typeof eligibilityReasons;

/** What the order rules need of a step. */
export interface StepFacts {
  kind: TSupportStepKind;
  /** 'YYYY-MM-DD' */
  on: string;
  result: TSupportStepResult | null;
}

type Found = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): Found => ({ ok: false, reason });

const named = (step: StepFacts) =>
  `${supportStepKinds[step.kind]}的${supportStepDateLabels[step.kind]} ${step.on}`;

/** The latest of the steps by date (the last recorded on a tie). */
function latest(steps: readonly StepFacts[]): StepFacts | undefined {
  return steps.reduce<StepFacts | undefined>((best, s) => (!best || s.on >= best.on ? s : best), undefined);
}

/**
 * Whether a step may be added after the steps already recorded, in Chinese when not. The order:
 * an eligibility review that found the party eligible comes first (the latest review counts);
 * legal aid, evidence and mediation follow it; a judgment needs the filing and no settlement; only
 * one filing and one judgment; enforcement follows a judgment or a settlement. A step dated before
 * the step it follows is refused naming both dates.
 */
export function checkNextStep(recorded: readonly StepFacts[], next: StepFacts): Found {
  const of = (kind: TSupportStepKind) => recorded.filter((s) => s.kind === kind);
  const allowed = resultsOfStep[next.kind];
  if (allowed.length === 0 ? next.result !== null : next.result === null || !allowed.includes(next.result)) {
    return refuse(
      allowed.length === 0
        ? `${supportStepKinds[next.kind]}不填写结果`
        : `${supportStepKinds[next.kind]}的结果应为：${allowed.map((r) => supportStepResults[r]).join('、')}`,
    );
  }
  const notBefore = (previous: StepFacts): Found =>
    next.on < previous.on
      ? refuse(`${supportStepDateLabels[next.kind]} ${next.on} 早于${named(previous)}，请核对日期`)
      : { ok: true };

  if (next.kind === 'eligibilityReview') return { ok: true };
  const review = latest(of('eligibilityReview'));
  if (!review) return refuse(`请先记录支持起诉条件审查，再记录${supportStepKinds[next.kind]}`);
  if (review.result !== 'eligible') {
    return refuse(`${review.on} 的审查结论为不符合支持起诉条件，不能记录${supportStepKinds[next.kind]}`);
  }
  const judgment = of('judgment')[0];
  const settlement = latest(of('mediation').filter((s) => s.result === 'settled'));
  const filing = of('courtFiling')[0];

  switch (next.kind) {
    case 'legalAidReferral':
    case 'evidenceCollection':
      return notBefore(review);
    case 'courtFiling':
      if (filing) return refuse(`本案已于 ${filing.on} 起诉立案，不能重复记录`);
      if (settlement) return refuse(`本案已于 ${settlement.on} 达成调解（和解）协议，无需再起诉`);
      return notBefore(review);
    case 'mediation':
      if (judgment) return refuse(`本案已于 ${judgment.on} 判决，不能再记录调解`);
      if (settlement) return refuse(`本案已于 ${settlement.on} 达成调解（和解）协议，不能重复记录`);
      return notBefore(filing && filing.on > review.on ? filing : review);
    case 'judgment':
      if (!filing) return refuse('尚未起诉立案，不能记录判决');
      if (judgment) return refuse(`本案已于 ${judgment.on} 判决，不能重复记录`);
      if (settlement) return refuse(`本案已于 ${settlement.on} 达成调解（和解）协议，不再判决`);
      return notBefore(filing);
    case 'enforcement': {
      const basis = judgment ?? settlement;
      if (!basis) return refuse('尚无判决或调解（和解）协议，不能申请执行');
      if (judgment?.result === 'dismissed') return refuse('判决驳回诉讼请求，没有可以申请执行的内容');
      return notBefore(latest([basis, ...of('enforcement')])!);
    }
  }
}
