import { Card, Col, Flex, Row, Select, Statistic } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { seesAllDepartments } from '../auth/reach.ts';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import { useDeadlineBoard } from './api.ts';
import { DeadlineTable } from './DeadlineTable.tsx';
import { statusOrder } from './statuses.ts';

const statColors: Record<string, string | undefined> = { overdue: '#cf1322', dueSoon: '#d48806' };

/** 部门期限看板: counts by state and the department's unfinished deadlines. Loaded lazily. */
export default function DeadlineBoardPage() {
  const me = useMe();
  const leader = seesAllDepartments(me);
  const departments = useDepartments();
  const [departmentId, setDepartmentId] = useState<number | undefined>(me.department?.id);
  const board = useDeadlineBoard(departmentId, departmentId !== undefined);

  return (
    <Flex vertical gap={16}>
      <Card
        title={`部门期限看板${board.data ? `：${board.data.department.name}` : ''}`}
        extra={
          leader && (
            <Select
              placeholder="请选择部门"
              aria-label="部门"
              value={departmentId}
              onChange={setDepartmentId}
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              options={departmentOptions(departments.data)}
              style={{ width: 200 }}
              data-testid="board-department"
            />
          )
        }
      >
        <Row gutter={[16, 16]} data-testid="board-counts">
          {statusOrder.map(({ status, label }) => (
            <Col key={status} xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic
                  title={label}
                  value={board.data?.counts[status] ?? 0}
                  loading={board.isPending && departmentId !== undefined}
                  styles={{ content: { color: statColors[status] } }}
                  data-testid={`board-count-${status}`}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Card title="未完成的期限">
        <DeadlineTable
          items={board.data?.items}
          loading={board.isFetching}
          testId="board-table"
          emptyText={departmentId === undefined ? '请选择部门' : '本部门没有未完成的期限'}
        />
      </Card>
    </Flex>
  );
}
