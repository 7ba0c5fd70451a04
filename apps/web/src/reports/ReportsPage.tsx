import { pilFields } from '@procura/domain/public-interest-fields';
import { reportKinds, reportLines, type TReportKind } from '@procura/domain/reports/kinds';
import type { TReportCreate } from '@procura/server/reports/schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorText } from '../api/errors.ts';
import { chinaToday, formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { type TReportSummary, useCreateReport, useReports } from './api.ts';

type TValues = { kind: TReportKind; period: [Dayjs, Dayjs]; subject?: string };

const kindOptions = Object.entries(reportKinds).map(([value, k]) => ({ value, label: k.label }));
const lineOptions = Object.entries(reportLines).map(([value, label]) => ({ value, label }));
const fieldOptions = Object.entries(pilFields).map(([value, label]) => ({ value, label }));

/** The last day shown → the period's exclusive end. */
const dayAfter = (day: Dayjs) => day.add(1, 'day').format('YYYY-MM-DD');
const lastDay = (to: string) => {
  const day = new Date(`${to}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
};

function CreateReport({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<TValues>();
  const kind = Form.useWatch('kind', form);
  const today = chinaToday();
  return (
    <FormModal<TValues, TReportCreate, { id: number }>
      title="生成报告"
      open
      onClose={onClose}
      form={form}
      initialValues={{ kind: 'workReport', period: [today.startOf('year'), today] }}
      mutation={useCreateReport()}
      toBody={(v) => ({
        kind: v.kind,
        from: v.period[0].format('YYYY-MM-DD'),
        to: dayAfter(v.period[1]),
        ...(v.kind === 'workReport' ? {} : { subject: v.subject ?? null }),
      })}
      done="报告草稿已生成，可修改各节文字后下载"
      onDone={(report) => navigate(`/cockpit/reports/${report.id}`)}
      okText="生成"
      testId="report-create"
    >
      <Form.Item name="kind" label="报告类型" rules={[{ required: true }]}>
        <Select options={kindOptions} data-testid="report-kind" />
      </Form.Item>
      <Form.Item name="period" label="统计期间" rules={[{ required: true, message: '请选择统计期间' }]}>
        <DatePicker.RangePicker allowClear={false} data-testid="report-period" />
      </Form.Item>
      {kind === 'whitePaper' && (
        <Form.Item name="subject" label="业务条线" rules={[{ required: true, message: '请选择业务条线' }]}>
          <Select options={lineOptions} data-testid="report-subject" />
        </Form.Item>
      )}
      {kind === 'caseAnalysis' && (
        <Form.Item name="subject" label="公益诉讼领域" rules={[{ required: true, message: '请选择领域' }]}>
          <Select options={fieldOptions} data-testid="report-subject" />
        </Form.Item>
      )}
      <Typography.Text type="secondary">
        数字、同比和图表按驾驶舱的统计口径计算；部门负责人的报告只含本部门的数字。
      </Typography.Text>
    </FormModal>
  );
}

/** 工作报告 / 白皮书 / 类案分析: the drafts in the user's reach, and 生成报告. */
export default function ReportsPage() {
  const reports = useReports();
  const [creating, setCreating] = useState(false);
  const columns: TableColumnsType<TReportSummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      render: (title: string, r) => <Link to={`/cockpit/reports/${r.id}`}>{title}</Link>,
    },
    { title: '类型', dataIndex: 'kind', width: 100, render: (k: TReportKind) => reportKinds[k].label },
    { title: '范围', dataIndex: 'scopeLabel', width: 120 },
    { title: '统计期间', width: 220, render: (_, r) => `${r.from} 至 ${lastDay(r.to)}` },
    { title: '生成人', dataIndex: 'createdBy', width: 140 },
    { title: '最后修改', dataIndex: 'updatedAt', width: 170, render: (at: string) => formatDateTime(at) },
  ];
  return (
    <Card
      title="工作报告"
      extra={
        <Button type="primary" onClick={() => setCreating(true)} data-testid="report-new">
          生成报告
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        工作报告按期间汇总全院（部门负责人为本部门）各条线的数字、同比和图表；白皮书针对一条业务线，类案分析针对一个公益诉讼领域。
        先生成草稿，修改各节文字后下载 .docx；重新生成数字时保留已修改的文字。
      </Typography.Paragraph>
      {reports.isError && <Alert type="error" showIcon title={errorText(reports.error)} />}
      <Table<TReportSummary>
        rowKey="id"
        size="small"
        loading={reports.isPending}
        columns={columns}
        dataSource={reports.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: '还没有报告' }}
        data-testid="reports"
      />
      {creating && <CreateReport onClose={() => setCreating(false)} />}
    </Card>
  );
}
