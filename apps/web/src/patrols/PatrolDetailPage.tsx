import { patrolFindingKinds, patrolKinds } from '@procura/domain/patrols';
import type { TPatrol } from '@procura/server/patrols/schema';
import { Alert, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { Attachments } from '../attachments/Attachments.tsx';
import { useMe } from '../auth/hooks.ts';
import { NotFound } from '../layout/NotFound.tsx';
import { FormModal } from '../shared/FormModal.tsx';
import { type TFindingInput, useAddFinding, useMakeClues, usePatrol } from './api.ts';
import { FindingFields } from './FindingFields.tsx';

type TFinding = TPatrol['findings'][number];

/** One patrol: its findings, repeats flagged, and 生成线索 for the selected ones. */
export default function PatrolDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const query = usePatrol(id);
  const makeClues = useMakeClues(id);
  const addFinding = useAddFinding(id);
  const [selected, setSelected] = useState<number[]>([]);
  const [adding, setAdding] = useState(false);
  if (query.isError) return <NotFound />;
  const patrol = query.data;
  if (!patrol) return <Card loading />;
  const actions = me.actions;
  const canMake = actions.includes('patrol.makeClues');
  return (
    <Card
      title={`网络巡查：${patrol.platform}`}
      extra={
        actions.includes('patrol.write') && (
          <Button onClick={() => setAdding(true)} data-testid="finding-new">
            添加发现
          </Button>
        )
      }
    >
      <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="巡查类型">{patrolKinds[patrol.kind]}</Descriptions.Item>
        <Descriptions.Item label="平台">{patrol.platform}</Descriptions.Item>
        <Descriptions.Item label="巡查人">{patrol.patrolledBy}</Descriptions.Item>
        <Descriptions.Item label="巡查日期">{patrol.patrolledOn}</Descriptions.Item>
      </Descriptions>
      {makeClues.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(makeClues.error)}
          style={{ marginBottom: 16 }}
          data-testid="make-clues-error"
        />
      )}
      {canMake && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={makeClues.isPending}
            data-testid="make-clues"
            onClick={() =>
              makeClues.mutate(selected, {
                onSuccess: (result) => {
                  notifySuccess(`已生成 ${result.clues.length} 条线索`);
                  setSelected([]);
                },
              })
            }
          >
            生成线索{selected.length > 0 ? `（${selected.length}）` : ''}
          </Button>
          <span>每条所选发现登记为一条线索（来源：自行发现）</span>
        </Space>
      )}
      <Table<TFinding>
        rowKey="id"
        dataSource={patrol.findings}
        pagination={false}
        data-testid="findings"
        rowSelection={
          canMake
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (f) => ({ disabled: f.clueId !== null }),
              }
            : undefined
        }
        columns={[
          {
            title: '店铺',
            dataIndex: 'shopName',
            render: (name: string, f) => (
              <Space>
                {name}
                {f.repeatOf.length > 0 && (
                  <Tag
                    color="red"
                    data-testid="repeat-flag"
                    title={f.repeatOf.map((r) => r.patrolledOn).join('、')}
                  >
                    重复发现（此前 {f.repeatOf.length} 次）
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: '链接',
            dataIndex: 'link',
            render: (link: string | null) =>
              link ? (
                <a href={link} target="_blank" rel="noreferrer noopener">
                  {link}
                </a>
              ) : (
                '—'
              ),
          },
          { title: '问题', dataIndex: 'kind', render: (kind: TFinding['kind']) => patrolFindingKinds[kind] },
          { title: '说明', dataIndex: 'note', render: (note: string | null) => note ?? '—' },
          {
            title: '截图',
            dataIndex: 'screenshots',
            render: (files: TFinding['screenshots'], f) => (
              <Attachments
                basePath={`/api/patrol-findings/${f.id}/attachments`}
                files={files}
                canUpload={actions.includes('patrol.write')}
                refresh={[['patrols', 'detail', id]]}
                testId={`finding-screenshots-${f.id}`}
              />
            ),
          },
          {
            title: '线索',
            dataIndex: 'clueId',
            render: (clueId: number | null) =>
              clueId ? <Link to={`/clues/${clueId}`}>线索 {clueId}</Link> : <Tag>未生成</Tag>,
          },
        ]}
      />
      <FormModal<TFindingInput, TFindingInput>
        title="添加巡查发现"
        open={adding}
        onClose={() => setAdding(false)}
        mutation={addFinding}
        testId="finding-form"
        toBody={(values) => values}
        done="发现已添加"
      >
        <FindingFields />
      </FormModal>
    </Card>
  );
}
