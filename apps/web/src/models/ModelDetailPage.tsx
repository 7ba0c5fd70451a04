import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { useModel, useRuns } from './api.ts';
import { yuan } from './format.ts';
import { RunsTable } from './RunsTable.tsx';
import { SchedulesCard } from './SchedulesCard.tsx';
import { StartRunModal } from './StartRunModal.tsx';

/** One model: what it checks and on what basis, its runs, schedules, clues and money recovered. */
export default function ModelDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const model = useModel(id);
  const runs = useRuns(id);
  const [starting, setStarting] = useState(false);
  const canRun = me.actions.includes('model.run');
  if (!model.data) return <Card loading />;
  const m = model.data;

  return (
    <Flex vertical gap={16}>
      <Card
        title={m.name}
        extra={
          canRun && (
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              onClick={() => setStarting(true)}
              data-testid="start-run"
            >
              运行模型
            </Button>
          )
        }
      >
        <Flex gap={48} style={{ marginBottom: 16 }}>
          <Statistic title="运行次数" value={m.stats.runs} />
          <Statistic title="命中（去重）" value={m.stats.hits} />
          <Statistic title="转为线索" value={m.stats.clues} />
          <Statistic title="挽回金额" value={yuan(m.stats.recoveredFen)} />
        </Flex>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="规则">{m.description}</Descriptions.Item>
          <Descriptions.Item label="需要的数据">{m.inputs.map((i) => i.label).join(' × ')}</Descriptions.Item>
          <Descriptions.Item label="命中说明示例">
            <Typography.Text type="secondary" data-testid="explanation-example">
              {m.explanationExample}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="法律依据">
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {m.legalBasis.map((basis) => (
                <li key={basis}>{basis}</li>
              ))}
            </ul>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="运行记录" size="small">
        <RunsTable runs={runs.data?.items} loading={runs.isFetching && !runs.data} />
      </Card>
      <SchedulesCard modelId={m.id} canRun={canRun} />
      {me.actions.includes('hit.read') && (
        <Card title="由命中转成的线索" size="small">
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={m.clues}
            locale={{ emptyText: '尚无' }}
            columns={[
              { title: '线索', dataIndex: 'title' },
              { title: '接收部门', dataIndex: 'department', width: 120 },
              { title: '状态', dataIndex: 'statusLabel', width: 90 },
              { title: '案号', dataIndex: 'caseNumber', width: 200, render: (n: string | null) => n ?? '—' },
              {
                title: '挽回金额',
                dataIndex: 'recoveredFen',
                width: 130,
                render: (fen: number) => yuan(fen),
              },
              {
                title: '来自',
                key: 'run',
                width: 110,
                render: (_, c) => <Link to={`/models/runs/${c.runId}`}>第 {c.runId} 次运行</Link>,
              },
            ]}
          />
        </Card>
      )}
      <StartRunModal model={m} open={starting} onClose={() => setStarting(false)} />
    </Flex>
  );
}
