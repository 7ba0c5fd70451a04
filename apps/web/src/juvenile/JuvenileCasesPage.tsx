import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCaseDetail, TOpenCaseBody } from '@procura/server/cases/schema';
import type { TJuvenileCase } from '@procura/server/juvenile/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { hasAccess } from '../auth/access.ts';
import { useMe } from '../auth/hooks.ts';
import { formatDate } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import { useJuvenileCases } from './api.ts';

const columns = [
  {
    title: '案号',
    key: 'caseNumber',
    width: 200,
    render: (_: unknown, c: TJuvenileCase) => (
      <Space>
        <Link to={`/juvenile/cases/${c.id}`}>{c.caseNumber}</Link>
        {c.sealed && (
          <Tag icon={<LockOutlined />} color="purple">
            已封存
          </Tag>
        )}
      </Space>
    ),
  },
  { title: '案件名称', dataIndex: 'title' },
  { title: '类型', dataIndex: 'typeLabel', width: 170 },
  { title: '阶段', dataIndex: 'stageLabel', width: 130 },
  {
    title: '涉案未成年人（询问次数）',
    key: 'minors',
    render: (_: unknown, c: TJuvenileCase) =>
      c.minors.length === 0
        ? '—'
        : c.minors.map((m) => (
            <Tag key={m.id} color={m.role === 'victim' && m.inquiries > 1 ? 'orange' : undefined}>
              {m.name}
              {m.role === 'victim' ? `（询问${m.inquiries}次）` : '（嫌疑人）'}
            </Tag>
          )),
  },
  {
    title: '承办人',
    key: 'handler',
    width: 120,
    render: (_: unknown, c: TJuvenileCase) => c.handler?.name ?? '—',
  },
  { title: '立案日期', dataIndex: 'openedAt', width: 110, render: (at: string) => formatDate(at) },
];

type TOpenValues = { type: 'juvenileVictim' | 'juvenileSuspect'; title: string };

function OpenCaseButton() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: TOpenCaseBody) => api<TCaseDetail>('/api/cases', { method: 'POST', body }),
    meta: { silent: true },
    onSuccess: async (detail) => {
      await queryClient.invalidateQueries({ queryKey: ['juvenile'] });
      navigate(`/juvenile/cases/${detail.id}`);
    },
  });
  return (
    <>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => setOpen(true)}
        data-testid="juvenile-open"
      >
        新建未检案件
      </Button>
      <FormModal<TOpenValues, TOpenCaseBody>
        title="新建未成年人检察案件"
        open={open}
        onClose={() => setOpen(false)}
        mutation={mutation}
        toBody={(v) => v}
        done="已立案"
        testId="juvenile-open-form"
        initialValues={{ type: 'juvenileVictim' }}
      >
        <Form.Item label="案件类型" name="type" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'juvenileVictim', label: '侵害未成年人犯罪案件' },
              { value: 'juvenileSuspect', label: '未成年人犯罪案件' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="案件名称"
          name="title"
          extra="列表中会自动隐去登记在案的未成年人姓名"
          rules={[{ required: true, min: 2, message: '案件名称至少 2 个字' }]}
        >
          <Input data-testid="juvenile-open-title" />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** 未成年人检察: the department's cases with minors masked, inquiry counts and sealed marks. */
export default function JuvenileCasesPage() {
  const me = useMe();
  const [page, setPage] = useState(1);
  const [sealed, setSealed] = useState<'' | 'true' | 'false'>('');
  const pageSize = 20;
  // 待我审批的再次询问 from the workbench (?awaiting=me), on top of the sealed choice.
  const workbench = useWorkbenchFilter(['awaiting'] as const);
  const list = useJuvenileCases({
    page,
    pageSize,
    sealed: sealed || undefined,
    ...(workbench.filter.awaiting === 'me' ? { awaiting: 'me' as const } : {}),
  });
  return (
    <Card
      title="未成年人检察案件"
      // Only a juvenile department opens these cases: anyone else would be refused by the server.
      extra={hasAccess(me, 'case.create') && me.department?.line === 'juvenile' && <OpenCaseButton />}
      data-testid="juvenile-cases"
    >
      {workbench.notice}
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          依照《未成年人保护法》第一百零三条，列表和导出中未成年人姓名一律隐去；完整信息仅承办检察官、未检部门负责人和检察长可查看，每次查看记入审计日志。
        </Typography.Text>
        <Radio.Group
          value={sealed}
          onChange={(e) => {
            setSealed(e.target.value);
            setPage(1);
          }}
          optionType="button"
          options={[
            { value: '', label: '全部' },
            { value: 'false', label: '未封存' },
            { value: 'true', label: '已封存' },
          ]}
        />
        <Table
          rowKey="id"
          size="middle"
          columns={columns}
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          locale={{ emptyText: '暂无未成年人检察案件' }}
        />
      </Flex>
    </Card>
  );
}
