import type { TCheckBatch } from '@procura/server/employment-checks/schema';
import { Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { notifySuccess } from '../api/notify.ts';
import { useMe } from '../auth/hooks.ts';
import { formatDateTime } from '../shared/dates.ts';
import { useChecks, useLoadRecords, useRecordSets, useSubmitCheck } from './api.ts';
import { UploadXlsx } from './UploadXlsx.tsx';

const columns: TableColumnsType<TCheckBatch> = [
  {
    title: '查询时间',
    key: 'at',
    width: 160,
    render: (_, b) => (
      <Link to={`/employment-checks/${b.id}`} data-testid={`check-link-${b.id}`}>
        {formatDateTime(b.requestedAt)}
      </Link>
    ),
  },
  { title: '单位', key: 'school', render: (_, b) => b.school.name },
  { title: '文件', dataIndex: 'fileName' },
  { title: '查询人', dataIndex: 'requestedBy', width: 180 },
  { title: '人数', dataIndex: 'peopleCount', width: 70 },
  {
    title: '需人工核实',
    key: 'review',
    width: 110,
    render: (_, b) =>
      b.reviewCount > 0 ? <Tag color="orange">{b.reviewCount} 人</Tag> : <Tag color="green">无</Tag>,
  },
];

/** 入职查询: a school uploads its new hires; the juvenile department sees every check and loads the records. */
export default function EmploymentChecksPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const checks = useChecks(page);
  const submit = useSubmitCheck();
  const canSubmit = me.actions.includes('employmentCheck.submit');
  const canLoad = me.actions.includes('offenceRecords.load');
  const sets = useRecordSets(canLoad);
  const load = useLoadRecords();
  const current = sets.data?.items[0];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {canSubmit && (
        <Card title="提交入职查询">
          <Typography.Paragraph>
            根据《中华人民共和国未成年人保护法》第六十二条，密切接触未成年人的单位招聘工作人员时，应当查询应聘者是否具有性侵害、虐待、拐卖、暴力伤害等违法犯罪记录，并每年定期查询在职人员。
            请上传 .xlsx 名单，表头包含 <b>姓名</b>、<b>身份证号</b>，可含 <b>岗位</b>
            。每人返回“无相关记录”或“需人工核实”。
          </Typography.Paragraph>
          <UploadXlsx
            buttonText="提交查询"
            pending={submit.isPending}
            error={submit.error}
            onReset={submit.reset}
            onSubmit={(file) =>
              submit.mutate(file, {
                onSuccess: (batch) => {
                  notifySuccess(`已查询 ${batch.peopleCount} 人`);
                  navigate(`/employment-checks/${batch.id}`);
                },
              })
            }
            testId="check-upload"
          />
        </Card>
      )}
      {canLoad && (
        <Card title="比对用的违法犯罪记录">
          <Typography.Paragraph>
            {current
              ? `当前使用：${current.fileName}（${current.rowCount} 条，${current.uploadedBy} 于 ${formatDateTime(current.uploadedAt)} 载入）。`
              : '尚未载入：学校暂时无法查询。'}
            载入新文件（表头：身份证号、姓名、罪名、判决日期）后，此后的查询以新文件为准；每次查询记录所用的批次。
          </Typography.Paragraph>
          <UploadXlsx
            buttonText="载入记录"
            pending={load.isPending}
            error={load.error}
            onReset={load.reset}
            onSubmit={(file) =>
              load.mutate(file, { onSuccess: (set) => notifySuccess(`已载入 ${set.rowCount} 条记录`) })
            }
            testId="records-upload"
          />
        </Card>
      )}
      <Card title={canSubmit ? '本单位的查询记录' : '入职查询记录'}>
        <Table
          rowKey="id"
          columns={columns}
          dataSource={checks.data?.items}
          loading={checks.isFetching}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: checks.data?.total,
            onChange: (next, pageSize) => setPage({ page: pageSize === page.pageSize ? next : 1, pageSize }),
          }}
          data-testid="checks-table"
        />
      </Card>
    </Space>
  );
}
