import type { TAdviserList } from '@procura/server/class-supervision/schema';
import { Button, Card, Popconfirm, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useAddAdviser, useAdvisers, useInvitedAccounts, useRemoveAdviser } from './api.ts';

type TAdviser = TAdviserList['items'][number];

/**
 * 检行协作 on the case page: the 特邀检察官助理 (seconded from 市场监管, 税务…) who read this case;
 * a decider of the case's department adds and removes them.
 */
export function CaseAdvisers({ caseId, mayManage }: { caseId: number; mayManage: boolean }) {
  const advisers = useAdvisers(caseId);
  const accounts = useInvitedAccounts(mayManage);
  const add = useAddAdviser(caseId);
  const remove = useRemoveAdviser(caseId);
  const [picked, setPicked] = useState<number | undefined>();
  const present = new Set((advisers.data?.items ?? []).map((a) => a.userId));
  return (
    <Card
      title="特邀检察官助理（检行协作）"
      data-testid="case-advisers"
      extra={
        mayManage && (
          <Space>
            <Select
              style={{ width: 260 }}
              placeholder="选择特邀检察官助理"
              value={picked}
              onChange={setPicked}
              options={(accounts.data?.items ?? [])
                .filter((a) => !present.has(a.id))
                .map((a) => ({ value: a.id, label: a.name }))}
              data-testid="case-adviser-pick"
            />
            <Button
              type="primary"
              disabled={picked === undefined}
              loading={add.isPending}
              onClick={() =>
                picked !== undefined &&
                add.mutate({ userId: picked }, { onSuccess: () => setPicked(undefined) })
              }
              data-testid="case-adviser-add"
            >
              添加
            </Button>
          </Space>
        )
      }
    >
      {add.error && <div style={{ color: '#cf1322', marginBottom: 8 }}>{errorText(add.error)}</div>}
      <Table<TAdviser>
        rowKey="userId"
        size="small"
        pagination={false}
        loading={advisers.isFetching}
        dataSource={advisers.data?.items}
        locale={{ emptyText: '未添加特邀检察官助理；添加后其仅可查阅本案，每次查阅均记入审计日志' }}
        columns={[
          { title: '姓名（单位）', key: 'name', render: (_, a) => a.name },
          { title: '添加人', key: 'addedBy', width: 140, render: (_, a) => a.addedBy },
          { title: '添加时间', key: 'addedAt', width: 170, render: (_, a) => formatDateTime(a.addedAt) },
          ...(mayManage
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, a: TAdviser) => (
                    <Popconfirm
                      title={`移除后${a.name}将不能再查阅本案，确定移除？`}
                      onConfirm={() => remove.mutate(a.userId)}
                    >
                      <Button type="link" danger data-testid={`case-adviser-remove-${a.userId}`}>
                        移除
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
