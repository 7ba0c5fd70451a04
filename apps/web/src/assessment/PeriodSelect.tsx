import { periodStatusLabels } from '@procura/domain/assessment/schemes';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { usePeriods } from './api.ts';

/** The chosen period (the newest open one at first) and a select to change it. */
export function usePeriodChoice() {
  const periods = usePeriods();
  const [periodId, setPeriodId] = useState<number | null>(null);
  useEffect(() => {
    if (periodId !== null || !periods.data?.length) return;
    setPeriodId((periods.data.find((p) => p.status === 'open') ?? periods.data[0]!).id);
  }, [periods.data, periodId]);
  const select = (
    <Select
      style={{ minWidth: 240 }}
      value={periodId}
      onChange={setPeriodId}
      placeholder="考核周期"
      data-testid="period-select"
      loading={periods.isLoading}
      options={(periods.data ?? []).map((p) => ({
        value: p.id,
        label: `${p.name}（${periodStatusLabels[p.status]}${p.isExample ? '，示例' : ''}）`,
      }))}
    />
  );
  return { periodId, setPeriodId, periods, select };
}
