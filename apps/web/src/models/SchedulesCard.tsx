import type { TSchedule } from '@procura/server/models/schema';
import { Alert, Button, Card, Flex, InputNumber, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useCreateSchedule, useSchedules, useToggleSchedule } from './api.ts';

/** 定期运行 (体检): monthly on a day or every N days, on the newest data set of each kind. */
export function SchedulesCard({ modelId, canRun }: { modelId: string; canRun: boolean }) {
  const schedules = useSchedules(modelId);
  const create = useCreateSchedule();
  const toggle = useToggleSchedule();
  const [repeat, setRepeat] = useState<'monthly' | 'days'>('monthly');
  const [every, setEvery] = useState<number | null>(1);

  return (
    <Card title="定期运行" size="small">
      {canRun && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
          <Select
            value={repeat}
            onChange={setRepeat}
            style={{ width: 120 }}
            options={[
              { value: 'monthly', label: '每月' },
              { value: 'days', label: '每隔' },
            ]}
          />
          <InputNumber min={1} max={repeat === 'monthly' ? 28 : 366} value={every} onChange={setEvery} />
          <span>{repeat === 'monthly' ? '日（1–28）' : '天'}，凌晨 2 点用各类型最新的数据集运行</span>
          <Button
            loading={create.isPending}
            disabled={!every}
            onClick={() => create.mutate({ modelId, repeat, every: every ?? 1 })}
            data-testid="create-schedule"
          >
            添加
          </Button>
        </Flex>
      )}
      {create.error && (
        <Alert type="error" showIcon message={errorText(create.error)} style={{ marginBottom: 12 }} />
      )}
      <Table<TSchedule>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={schedules.data?.items}
        locale={{ emptyText: '未设置定期运行' }}
        columns={[
          { title: '周期', dataIndex: 'label' },
          {
            title: '下次运行',
            key: 'next',
            render: (_, s) => (s.enabled ? formatDateTime(s.nextRunAt) : '—'),
          },
          { title: '上次运行', key: 'last', render: (_, s) => formatDateTime(s.lastRunAt) },
          { title: '未能运行的原因', key: 'error', render: (_, s) => s.lastError ?? '—' },
          { title: '设置人', key: 'by', render: (_, s) => s.createdBy.name },
          {
            title: '启用',
            key: 'enabled',
            render: (_, s) => (
              <Switch
                checked={s.enabled}
                disabled={!canRun}
                loading={toggle.isPending && toggle.variables?.id === s.id}
                onChange={(enabled) => toggle.mutate({ id: s.id, enabled })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
