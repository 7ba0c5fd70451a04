import type { TDeadlineOverview } from '@procura/server/deadlines/schema';
import { Card, Col, Flex, Row, Select, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { seesAllDepartments } from '../auth/reach.ts';
import { departmentOptions, useDepartments } from '../departments/api.ts';
import { useDeadlineBoard, useDeadlineOverview } from './api.ts';
import { DeadlineTable } from './DeadlineTable.tsx';
import { statusOrder } from './statuses.ts';

const statColors: Record<string, string | undefined> = { overdue: '#cf1322', dueSoon: '#d48806' };

/** The value of the department picker that means the whole procuratorate. */
const wholeProcuratorate = 0;

type TDepartmentRow = TDeadlineOverview['departments'][number];

/** Departments side by side: one row each, one column per state; a name opens its board. */
function DepartmentsSideBySide({
  overview,
  loading,
  onOpen,
}: {
  overview: TDeadlineOverview | undefined;
  loading: boolean;
  onOpen: (departmentId: number) => void;
}) {
  const columns: TableColumnsType<TDepartmentRow> = [
    {
      title: '部门',
      key: 'department',
      render: (_, row) => (
        <Typography.Link
          onClick={() => onOpen(row.department.id)}
          data-testid={`board-open-${row.department.id}`}
        >
          {row.department.name}
        </Typography.Link>
      ),
    },
    ...statusOrder.map(({ status, label }) => ({
      title: label,
      key: status,
      width: 90,
      align: 'right' as const,
      render: (_: unknown, row: TDepartmentRow) => (
        <span style={{ color: row.counts[status] > 0 ? statColors[status] : undefined }}>
          {row.counts[status]}
        </span>
      ),
    })),
  ];
  return (
    <Table<TDepartmentRow>
      rowKey={(row) => row.department.id}
      size="small"
      columns={columns}
      dataSource={overview?.departments}
      loading={loading}
      pagination={false}
      data-testid="board-departments"
    />
  );
}

/**
 * 部门期限看板: counts by state and the department's unfinished deadlines. The chief and deputies
 * open on the whole procuratorate (全院), departments side by side, and may pick one. Loaded lazily.
 */
export default function DeadlineBoardPage() {
  const me = useMe();
  const leader = seesAllDepartments(me);
  const departments = useDepartments();
  const [departmentId, setDepartmentId] = useState<number | undefined>(
    leader ? wholeProcuratorate : me.department?.id,
  );
  const whole = leader && departmentId === wholeProcuratorate;
  const overview = useDeadlineOverview(whole);
  const board = useDeadlineBoard(departmentId, !whole && departmentId !== undefined);
  const shown = whole ? overview : board;
  const title = whole ? '全院期限看板' : `部门期限看板${board.data ? `：${board.data.department.name}` : ''}`;

  return (
    <Flex vertical gap={16}>
      <Card
        title={<span data-testid="board-title">{title}</span>}
        extra={
          leader && (
            <Select
              placeholder="请选择部门"
              aria-label="部门"
              value={departmentId}
              onChange={setDepartmentId}
              showSearch={{ optionFilterProp: 'label' }}
              loading={departments.isPending}
              options={[
                { label: '全院（各部门并列）', value: wholeProcuratorate },
                ...departmentOptions(departments.data),
              ]}
              style={{ width: 220 }}
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
                  value={shown.data?.counts[status] ?? 0}
                  loading={shown.isPending && departmentId !== undefined}
                  styles={{ content: { color: statColors[status] } }}
                  data-testid={`board-count-${status}`}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      {whole && (
        <Card title="各部门期限">
          <DepartmentsSideBySide
            overview={overview.data}
            loading={overview.isPending}
            onOpen={setDepartmentId}
          />
        </Card>
      )}
      <Card title={whole ? '全院未完成的期限' : '未完成的期限'}>
        <DeadlineTable
          items={shown.data?.items}
          loading={shown.isFetching}
          testId="board-table"
          emptyText={
            departmentId === undefined
              ? '请选择部门'
              : whole
                ? '全院没有未完成的期限'
                : '本部门没有未完成的期限'
          }
        />
      </Card>
    </Flex>
  );
}
