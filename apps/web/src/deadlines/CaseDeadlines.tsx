import { Card } from 'antd';
import { useCase } from '../cases/api.ts';
import { useCaseDeadlines } from './api.ts';
import { DeadlineTable } from './DeadlineTable.tsx';

/** 期限 card of the case page: the case's deadlines with how each was computed. */
export function CaseDeadlines({ caseId }: { caseId: number }) {
  const detail = useCase(caseId);
  const deadlines = useCaseDeadlines(caseId, detail.dataUpdatedAt);
  return (
    <Card title="期限">
      <DeadlineTable
        items={deadlines.data?.items}
        loading={deadlines.isFetching}
        showRecord={false}
        testId="case-deadlines"
        emptyText="本案尚无期限"
      />
    </Card>
  );
}
