import type { THitQuery } from '@procura/server/models/schema';
import { Alert, Card } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import { useAllHits } from './api.ts';
import { HitsTable } from './HitsTable.tsx';
import { ReviewActions } from './ReviewActions.tsx';

const statusTitles: Record<string, string> = {
  pending: '待审查的命中',
  confirmed: '已确认的命中',
  dismissed: '已排除的命中',
  clue: '已转为线索的命中',
};

/** 命中 of every run in one review status (the workbench opens ?status=pending), to review in one place. */
export default function HitsPage() {
  const me = useMe();
  const workbench = useWorkbenchFilter(['status'] as const);
  const status = workbench.filter.status as THitQuery['status'];
  const hits = useAllHits(status ? { status } : {});
  const [selected, setSelected] = useState<number[]>([]);
  const canReview = me.actions.includes('hit.review');
  const shown = hits.data?.items.length ?? 0;
  return (
    <Card title={(status && statusTitles[status]) ?? '全部命中'} data-testid="all-hits">
      {workbench.notice}
      {hits.data && hits.data.total > shown && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`共 ${hits.data.total} 条，页面列出前 ${shown} 条；请在各次运行的页面导出全部命中`}
        />
      )}
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="命中不是结论：请对照证据行（展开每一行）复核身份与事实，再确认、排除或转为线索。"
      />
      {canReview && (
        <div style={{ marginBottom: 12 }}>
          <ReviewActions selected={selected} onDone={() => setSelected([])} />
        </div>
      )}
      <HitsTable
        hits={hits.data?.items}
        columnLabels={hits.data?.columnLabels ?? {}}
        loading={hits.isFetching}
        selectable={canReview}
        canReadClues={me.actions.includes('clue.read')}
        selected={selected}
        onSelect={setSelected}
      />
    </Card>
  );
}
