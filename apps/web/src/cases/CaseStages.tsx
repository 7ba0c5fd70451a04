import { caseTypes } from '@procura/domain/cases/case-types';
import type { TCaseDetail } from '@procura/server/cases/schema';
import { Steps } from 'antd';

type TStepStatus = 'wait' | 'process' | 'finish' | 'error';

/**
 * The type's stages as antd Steps: the working stages in order, then 结案 or 终结 (whichever the
 * case reached, 结案 while it is open). Stages the case passed are finished, skipped ones wait.
 */
export function CaseStages({ detail }: { detail: TCaseDetail }) {
  const definition = caseTypes[detail.type];
  const visited = new Set<string>([definition.initialStage]);
  for (const event of detail.timeline) {
    if (event.kind === 'stageChanged' && typeof event.data.to === 'string') visited.add(event.data.to);
  }
  const final = detail.stage === 'terminated' ? 'terminated' : 'closed';
  const stages = definition.stages.filter((stage) => !('final' in stage) || stage.id === final);
  const items = stages.map((stage) => {
    let status: TStepStatus = visited.has(stage.id) ? 'finish' : 'wait';
    if (stage.id === detail.stage)
      status = 'final' in stage ? (stage.id === 'terminated' ? 'error' : 'finish') : 'process';
    return { key: stage.id, title: stage.label, status };
  });
  return <Steps size="small" items={items} data-testid="case-stages" />;
}
