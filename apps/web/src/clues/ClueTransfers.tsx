import type { TClueTransfer } from '@procura/server/clues/schema';
import { Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { TransferFeedbackModal } from './TransferFeedbackModal.tsx';

function receiver(transfer: TClueTransfer): string {
  return transfer.toDepartment?.name ?? `${transfer.toOutsideBody ?? '—'}（外单位）`;
}

/** 移送记录: where the clue went, the receipt (签收) and the feedback. */
export function ClueTransfers({ transfers }: { transfers: TClueTransfer[] }) {
  const me = useMe();
  const [recording, setRecording] = useState<TClueTransfer | null>(null);
  const mayRecord = me.actions.includes('clue.transfer');

  const columns: TableColumnsType<TClueTransfer> = [
    { title: '移送时间', key: 'at', width: 150, render: (_, t) => formatDateTime(t.transferredAt) },
    { title: '移送部门', key: 'from', width: 120, render: (_, t) => t.fromDepartment.name },
    { title: '接收方', key: 'to', width: 160, render: (_, t) => receiver(t) },
    { title: '移送理由', dataIndex: 'reason' },
    {
      title: '签收',
      key: 'receipt',
      width: 180,
      render: (_, t) => (t.receivedAt ? `${t.receivedBy ?? ''} ${formatDateTime(t.receivedAt)}` : '未签收'),
    },
    { title: '反馈', key: 'feedback', render: (_, t) => t.feedback ?? '—' },
  ];
  if (mayRecord && transfers.some((t) => t.toOutsideBody)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, t) =>
        t.toOutsideBody && (
          <Button
            type="link"
            size="small"
            onClick={() => setRecording(t)}
            data-testid={`transfer-feedback-${t.id}`}
          >
            记录回执反馈
          </Button>
        ),
    });
  }

  return (
    <>
      <Table<TClueTransfer>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={transfers}
        pagination={false}
        locale={{ emptyText: '尚未移送' }}
        data-testid="clue-transfers"
      />
      <TransferFeedbackModal transfer={recording} onClose={() => setRecording(null)} />
    </>
  );
}
