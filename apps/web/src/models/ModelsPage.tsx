import type { TModelSummary } from '@procura/server/models/schema';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useModels } from './api.ts';
import { yuan } from './format.ts';

/** 大数据法律监督模型: the built-in models, what each checks, and what it has found and recovered. */
export default function ModelsPage() {
  const me = useMe();
  const models = useModels();
  return (
    <Card
      title="大数据法律监督模型"
      extra={
        me.actions.includes('dataset.read') && (
          <Link to="/models/datasets">
            <Button data-testid="open-datasets">数据集</Button>
          </Link>
        )
      }
    >
      <Table<TModelSummary>
        rowKey="id"
        loading={models.isFetching}
        dataSource={models.data?.items}
        pagination={false}
        data-testid="models-table"
        columns={[
          {
            title: '模型',
            key: 'name',
            render: (_, m) => (
              <Flex vertical gap={4}>
                <Link to={`/models/${m.id}`} data-testid={`model-${m.id}`}>
                  {m.name}
                </Link>
                <Typography.Text type="secondary">{m.description}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: '需要的数据',
            key: 'inputs',
            width: 260,
            render: (_, m) => m.inputs.map((i) => i.label).join(' × '),
          },
          { title: '运行次数', key: 'runs', width: 90, render: (_, m) => m.stats.runs },
          { title: '最近运行', key: 'last', width: 150, render: (_, m) => formatDateTime(m.stats.lastRunAt) },
          { title: '命中', key: 'hits', width: 70, render: (_, m) => m.stats.hits },
          { title: '转线索', key: 'clues', width: 80, render: (_, m) => m.stats.clues },
          { title: '挽回金额', key: 'money', width: 130, render: (_, m) => yuan(m.stats.recoveredFen) },
        ]}
      />
    </Card>
  );
}
