import type { TDatasetReject } from '@procura/server/models/schema';
import { Table } from 'antd';

/** 剔除行: every row the import could not clean, with file, row (as in Excel), column and reason. */
export function RejectsTable({ rejects, total }: { rejects: TDatasetReject[]; total: number }) {
  return (
    <Table<TDatasetReject>
      size="small"
      rowKey={(r) => `${r.file}:${r.row}:${r.column}`}
      dataSource={rejects}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      data-testid="rejects-table"
      title={() =>
        total > rejects.length
          ? `共 ${total} 行被剔除，下表列出前 ${rejects.length} 行`
          : `共 ${total} 行被剔除`
      }
      columns={[
        { title: '文件', dataIndex: 'file' },
        { title: '行号', dataIndex: 'row', width: 70 },
        { title: '列', dataIndex: 'column', width: 110 },
        { title: '原值', dataIndex: 'value', width: 160, render: (value?: string) => value || '（空）' },
        { title: '原因', dataIndex: 'reason' },
      ]}
    />
  );
}
