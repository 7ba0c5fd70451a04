import { SwapOutlined } from '@ant-design/icons';
import type { TCase } from '@procura/server/cases/schema';
import type { TClue } from '@procura/server/clues/schema';
import { Button, Card, Segmented, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { seesAllDepartments } from '../auth/reach.ts';
import { type TCaseFilters, useCases } from '../cases/api.ts';
import { CaseFilters } from '../cases/CaseFilters.tsx';
import { type TClueFilters, useClues } from '../clues/api.ts';
import { ClueFilters } from '../clues/ClueFilters.tsx';
import { useHandlerOptions } from '../shared/useHandlerOptions.ts';
import { ReassignModal } from './ReassignModal.tsx';

const caseColumns: TableColumnsType<TCase> = [
  {
    title: '案号',
    key: 'caseNumber',
    width: 230,
    render: (_, c) => <Link to={`/cases/${c.id}`}>{c.caseNumber}</Link>,
  },
  { title: '案件名称', dataIndex: 'title' },
  {
    title: '阶段',
    key: 'stage',
    width: 110,
    render: (_, c) => <Tag color={c.closedAt ? 'default' : 'blue'}>{c.stageLabel}</Tag>,
  },
  { title: '承办人', key: 'handler', width: 130, render: (_, c) => c.handler?.name ?? '—' },
  { title: '部门', key: 'department', width: 120, render: (_, c) => c.department.name },
];

const clueColumns: TableColumnsType<TClue> = [
  { title: '标题', key: 'title', render: (_, c) => <Link to={`/clues/${c.id}`}>{c.title}</Link> },
  { title: '状态', dataIndex: 'statusLabel', width: 90 },
  { title: '承办人', key: 'handler', width: 130, render: (_, c) => c.handler?.name ?? '—' },
  { title: '部门', key: 'department', width: 120, render: (_, c) => c.department.name },
];

type TKind = 'cases' | 'clues';

/** 改派: pick cases and clues (e.g. all of a prosecutor who left) and give them to another handler. */
export default function ReassignPage() {
  const me = useMe();
  const [kind, setKind] = useState<TKind>('cases');
  const [caseFilters, setCaseFilters] = useState<TCaseFilters>({ open: 'true' });
  const [clueFilters, setClueFilters] = useState<TClueFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [caseIds, setCaseIds] = useState<number[]>([]);
  const [clueIds, setClueIds] = useState<number[]>([]);
  const [open, setOpen] = useState(false);
  const cases = useCases({ ...caseFilters, ...page });
  const clues = useClues({ ...clueFilters, ...page });
  const handlerOptions = useHandlerOptions(me);
  const showDepartment = seesAllDepartments(me);
  const pagination = (total: number | undefined) => ({
    current: page.page,
    pageSize: page.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n: number) => `共 ${n} 条`,
    onChange: (next: number, pageSize: number) =>
      setPage({ page: pageSize === page.pageSize ? next : 1, pageSize }),
  });
  const firstPage = () => setPage((current) => ({ ...current, page: 1 }));

  return (
    <Card
      title="改派承办人"
      extra={
        <Button
          type="primary"
          icon={<SwapOutlined />}
          disabled={caseIds.length + clueIds.length === 0}
          onClick={() => setOpen(true)}
          data-testid="reassign-open"
        >
          改派（{caseIds.length + clueIds.length}）
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        勾选要改派的案件和线索（可跨页、跨两类选择），指定新承办人并填写理由。期限不变，新承办人会收到通知。
      </Typography.Paragraph>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Segmented<TKind>
          value={kind}
          onChange={(next) => {
            setKind(next);
            firstPage();
          }}
          options={[
            { value: 'cases', label: `案件（已选 ${caseIds.length}）` },
            { value: 'clues', label: `线索（已选 ${clueIds.length}）` },
          ]}
          data-testid="reassign-kind"
        />
        {kind === 'cases' ? (
          <>
            <CaseFilters
              showDepartment={showDepartment}
              handlerOptions={handlerOptions}
              onChange={(next) => {
                setCaseFilters({ open: 'true', ...next });
                firstPage();
              }}
            />
            <Table<TCase>
              rowKey="id"
              columns={caseColumns}
              dataSource={cases.data?.items}
              loading={cases.isFetching}
              rowSelection={{
                selectedRowKeys: caseIds,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setCaseIds(keys.map(Number)),
                getCheckboxProps: (c) => ({ disabled: c.closedAt !== null }),
              }}
              pagination={pagination(cases.data?.total)}
              scroll={{ x: 900 }}
              data-testid="reassign-cases-table"
            />
          </>
        ) : (
          <>
            <ClueFilters
              showDepartment={showDepartment}
              handlerOptions={handlerOptions}
              onChange={(next) => {
                setClueFilters(next);
                firstPage();
              }}
            />
            <Table<TClue>
              rowKey="id"
              columns={clueColumns}
              dataSource={clues.data?.items}
              loading={clues.isFetching}
              rowSelection={{
                selectedRowKeys: clueIds,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setClueIds(keys.map(Number)),
              }}
              pagination={pagination(clues.data?.total)}
              scroll={{ x: 800 }}
              data-testid="reassign-clues-table"
            />
          </>
        )}
      </Space>
      <ReassignModal
        open={open}
        caseIds={caseIds}
        clueIds={clueIds}
        onClose={() => setOpen(false)}
        onDone={() => {
          setCaseIds([]);
          setClueIds([]);
        }}
      />
    </Card>
  );
}
