import { Alert, Card, Descriptions, Flex, Progress, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { ExportButton } from '../shared/ExportButton.tsx';
import { isActive, useHits, useRun } from './api.ts';
import { yuan } from './format.ts';
import { HitsTable } from './HitsTable.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { RunStatus } from './RunsTable.tsx';

/** 一次运行: live progress while it runs, then its hits to review. */
export default function RunPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const run = useRun(id);
  const [onlyNew, setOnlyNew] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const done = run.data?.status === 'succeeded';
  const canRead = me.actions.includes('hit.read');
  const canReview = me.actions.includes('hit.review');
  const query = onlyNew ? { onlyNew: 'true' as const } : {};
  const hits = useHits(id, query, done && canRead);
  if (!run.data) return <Card loading />;
  const r = run.data;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <span>
            <Link to={`/models/${r.modelId}`}>{r.modelName}</Link> · 第 {r.id} 次运行 <RunStatus run={r} />
          </span>
        }
      >
        {isActive(r) && (
          <Flex vertical gap={4} style={{ marginBottom: 16 }}>
            <Typography.Text>当前阶段：{r.stageLabel}</Typography.Text>
            <Progress percent={r.percent} status="active" data-testid="run-progress" />
          </Flex>
        )}
        {done && <Progress percent={100} data-testid="run-progress" style={{ marginBottom: 16 }} />}
        {r.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            message="运行失败"
            description={r.error}
            style={{ marginBottom: 16 }}
          />
        )}
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label="数据集" span={3}>
            {r.inputs.map((input) => (
              <div key={input.role}>
                {input.label}：{input.fileName}{' '}
                <Typography.Text type="secondary" code>
                  sha256 {input.contentHash.slice(0, 16)}
                </Typography.Text>
              </div>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label="命中">{r.hitCount ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="其中新增">{r.newHitCount ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="涉及金额">{yuan(r.amountFen)}</Descriptions.Item>
          <Descriptions.Item label="发起">
            {r.startedBy.name}
            {r.scheduleId ? '（定期运行）' : ''}
          </Descriptions.Item>
          <Descriptions.Item label="开始">{formatDateTime(r.startedAt ?? r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="结束">{formatDateTime(r.finishedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {done && canRead && (
        <Card
          title={`命中（共 ${hits.data?.total ?? r.hitCount ?? 0} 条，新增 ${hits.data?.newCount ?? r.newHitCount ?? 0} 条）`}
          extra={
            <Flex gap={12} align="center">
              <span>仅显示新增</span>
              <Switch checked={onlyNew} onChange={setOnlyNew} data-testid="only-new" />
              <ExportButton path={`/api/model-runs/${id}/hits/export`} filters={query} testId="hits-export" />
            </Flex>
          }
        >
          {hits.data && hits.data.items.length < (onlyNew ? hits.data.newCount : hits.data.total) && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={`页面列出前 ${hits.data.items.length} 条；全部命中请导出 Excel`}
            />
          )}
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="命中不是结论：请对照证据行（展开每一行）复核身份与事实，再确认、排除或转为线索。"
          />
          {canReview && (
            <div style={{ marginBottom: 12 }}>
              <ReviewActions selected={selected} onDone={() => setSelected([])} />
            </div>
          )}
          <HitsTable
            hits={hits.data?.items}
            columnLabels={hits.data?.columnLabels ?? {}}
            loading={hits.isFetching}
            selectable={canReview}
            canReadClues={me.actions.includes('clue.read')}
            selected={selected}
            onSelect={setSelected}
          />
        </Card>
      )}
    </Flex>
  );
}
