import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** What each filter a workbench link carries means, as the list page names it. */
const filterLabels: Record<string, Record<string, string>> = {
  mine: { '1': '我承办的' },
  overdue: { '1': '已逾期' },
  due: { '7d': '7日内到期' },
  timely: { met: '按期办结', overdue: '逾期（含超期完成）' },
  status: { pending: '待审查' },
  awaiting: {
    me: '待我审批或决定',
    decision: '待处置',
    answer: '待答复',
    feedback: '待反馈',
    review: '待我审核',
    approval: '待我审批',
    appeal: '待决定的复核',
  },
};

/**
 * The filters a workbench link opened a list with (`?overdue=1`, `?awaiting=me` …), read from the
 * address, and a notice above the list saying so with a button that clears them. The list merges
 * `filter` into its query, so it shows exactly the rows the workbench counted.
 */
export function useWorkbenchFilter<TKey extends string>(
  keys: readonly TKey[],
): { filter: Partial<Record<TKey, string>>; active: boolean; notice: ReactNode } {
  const [search, setSearch] = useSearchParams();
  const filter: Partial<Record<TKey, string>> = {};
  const labels: string[] = [];
  for (const key of keys) {
    const value = search.get(key);
    if (!value) continue;
    filter[key] = value;
    const label = filterLabels[key]?.[value];
    if (label) labels.push(label);
    else if (key === 'handlerId') labels.push('我承办的');
    else if (key === 'dueFrom') labels.push(`届满日自 ${value}`);
    else if (key === 'dueTo') labels.push(`届满日至 ${value}`);
    else if (key === 'departmentId') labels.push('本部门');
  }
  const active = Object.keys(filter).length > 0;
  const clear = () => {
    const next = new URLSearchParams(search);
    for (const key of keys) next.delete(key);
    setSearch(next);
  };
  const notice = active ? (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="workbench-filter"
      title={`工作台筛选：${labels.join('、')}`}
      action={
        <Button size="small" onClick={clear} data-testid="workbench-filter-clear">
          清除筛选
        </Button>
      }
    />
  ) : null;
  return { filter, active, notice };
}
