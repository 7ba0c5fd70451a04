import type { TDataset, TUploadResult } from '@procura/server/models/schema';
import { Alert, Card, Drawer, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../shared/dates.ts';
import { useDataset, useDatasets } from './api.ts';
import { sizeText } from './format.ts';
import { RejectsTable } from './RejectsTable.tsx';
import { UploadDatasetForm } from './UploadDatasetForm.tsx';

/** 模型数据集: upload, the list of snapshots, and each one's rejected rows. */
export default function DatasetsPage() {
  const [kind, setKind] = useState<string>();
  const [last, setLast] = useState<TUploadResult | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const datasets = useDatasets(kind);
  const detail = useDataset(openId);
  const kinds = datasets.data?.kinds ?? [];

  return (
    <Flex vertical gap={16}>
      <Card title="上传数据集">
        <UploadDatasetForm kinds={kinds} onUploaded={setLast} />
        {last && (
          <Flex vertical gap={12} style={{ marginTop: 16 }}>
            <Alert
              type={last.dataset.rowsRejected > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="upload-result"
              message={
                last.reused
                  ? `内容相同的数据集已存在（${last.dataset.fileName}），直接使用，未重复导入`
                  : `已导入「${last.dataset.fileName}」：读取 ${last.dataset.rowsRead} 行，可用 ${last.dataset.rowsCleaned} 行，剔除 ${last.dataset.rowsRejected} 行`
              }
              description={`内容指纹 sha256 ${last.dataset.contentHash.slice(0, 16)}…`}
            />
            {last.dataset.rejects.length > 0 && (
              <RejectsTable rejects={last.dataset.rejects} total={last.dataset.rowsRejected} />
            )}
          </Flex>
        )}
      </Card>
      <Card
        title="数据集"
        extra={
          <Select
            allowClear
            placeholder="全部类型"
            style={{ width: 260 }}
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k.id, label: k.label }))}
          />
        }
      >
        <Table<TDataset>
          rowKey="id"
          loading={datasets.isFetching}
          dataSource={datasets.data?.items}
          data-testid="datasets-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: '文件',
              key: 'file',
              render: (_, d) => (
                <Typography.Link onClick={() => setOpenId(d.id)} data-testid={`dataset-${d.id}`}>
                  {d.fileName}
                </Typography.Link>
              ),
            },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '读取行', dataIndex: 'rowsRead', width: 90 },
            { title: '可用行', dataIndex: 'rowsCleaned', width: 90 },
            { title: '剔除行', dataIndex: 'rowsRejected', width: 90 },
            { title: '大小', key: 'size', width: 90, render: (_, d) => sizeText(d.sizeBytes) },
            {
              title: '内容指纹',
              key: 'hash',
              width: 130,
              render: (_, d) => <Typography.Text code>{d.contentHash.slice(0, 10)}</Typography.Text>,
            },
            { title: '上传人', key: 'by', width: 120, render: (_, d) => d.uploadedBy.name },
            { title: '上传时间', key: 'at', width: 150, render: (_, d) => formatDateTime(d.uploadedAt) },
          ]}
        />
      </Card>
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        width={820}
        title={detail.data ? `${detail.data.fileName}（${detail.data.kindLabel}）` : '数据集'}
      >
        {detail.data &&
          (detail.data.rowsRejected > 0 ? (
            <RejectsTable rejects={detail.data.rejects} total={detail.data.rowsRejected} />
          ) : (
            <Alert type="success" showIcon message={`${detail.data.rowsRead} 行全部清洗成功，没有剔除行`} />
          ))}
      </Drawer>
    </Flex>
  );
}
