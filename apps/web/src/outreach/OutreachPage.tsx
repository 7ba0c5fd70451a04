import { PlusOutlined } from '@ant-design/icons';
import type { TOutreachEvent } from '@procura/server/outreach/schema';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { type TOutreachFilters, useOutreachEvents } from './api.ts';
import { OutreachModal } from './OutreachModal.tsx';
import { outreachKindOptions } from './options.ts';

/** 法治宣传活动: 法治进校园, 小小检察官体验, 进社区 — what was done, where, for whom, how many. */
export default function OutreachPage() {
  const me = useMe();
  const [filters, setFilters] = useState<TOutreachFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<TOutreachEvent | 'new' | null>(null);
  const events = useOutreachEvents({ ...filters, ...page });
  const canWrite = me.actions.includes('outreach.write');
  const change = (next: TOutreachFilters) => {
    setFilters(next);
    setPage((current) => ({ ...current, page: 1 }));
  };
  const columns: TableColumnsType<TOutreachEvent> = [
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    { title: '类别', dataIndex: 'kindLabel', width: 130 },
    { title: '活动名称', dataIndex: 'title' },
    { title: '地点', dataIndex: 'place' },
    { title: '参加对象', dataIndex: 'audience' },
    { title: '人数', dataIndex: 'participantCount', width: 80 },
    {
      title: '宣传材料',
      dataIndex: 'materials',
      render: (text: string) => (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text || '—'}</Typography.Text>
      ),
    },
    { title: '登记部门', key: 'department', width: 120, render: (_, e) => e.department.name },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'edit',
            width: 80,
            render: (_: unknown, e: TOutreachEvent) =>
              e.department.id === me.department?.id || me.role === 'chief' || me.role === 'deputyChief' ? (
                <Button type="link" size="small" onClick={() => setEditing(e)}>
                  修改
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Card
      title="法治宣传活动"
      extra={<ExportButton path="/api/outreach-events/export" filters={filters} testId="outreach-export" />}
    >
      <Flex justify="space-between" gap={16} wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="类别"
            style={{ width: 160 }}
            options={outreachKindOptions}
            onChange={(kind) => change({ ...filters, kind })}
          />
          <DatePicker.RangePicker
            onChange={(dates) =>
              change({
                ...filters,
                from: dates?.[0]?.format('YYYY-MM-DD'),
                to: dates?.[1]?.format('YYYY-MM-DD'),
              })
            }
          />
          <Input.Search
            allowClear
            placeholder="名称、地点、对象"
            style={{ width: 220 }}
            onSearch={(q) => change({ ...filters, q: q || undefined })}
          />
        </Space>
        {canWrite && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="outreach-create"
          >
            登记活动
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        columns={columns}
        dataSource={events.data?.items}
        loading={events.isFetching}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: events.data?.total,
          showTotal: (total) => `共 ${total} 次活动，参加 ${events.data?.participants ?? 0} 人次`,
          onChange: (next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize }),
        }}
        data-testid="outreach-table"
      />
      {editing && (
        <OutreachModal
          event={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          withSchools={me.actions.includes('mailbox.read')}
        />
      )}
    </Card>
  );
}
