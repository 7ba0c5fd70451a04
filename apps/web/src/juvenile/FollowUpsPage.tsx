import { PlusOutlined } from '@ant-design/icons';
import { followUpOutcomes, followUpSubjects, referralBodyKinds } from '@procura/domain/juvenile/follow-up';
import type { TFollowUp, TFollowUpBody } from '@procura/server/juvenile/schema';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { hasAccess } from '../auth/access.ts';
import { useMe } from '../auth/hooks.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import {
  type TAddVisitBody,
  type TCloseFollowUpBody,
  type TReferralBody,
  type TReferralFeedbackBody,
  type TVisitBody,
  useFollowUpMutation,
  useFollowUps,
} from './api.ts';

const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
const statusTag = {
  open: ['default', '未到期'],
  dueSoon: ['orange', '临期'],
  overdue: ['red', '逾期'],
  done: ['green', '已完成'],
  paused: ['default', '暂停'],
} as const;

type TVisit = TFollowUp['visits'][number];
type TReferral = TFollowUp['referrals'][number];

/** One modal per change of a plan, all posting to the plan and refreshing the list. */
function PlanActions({ plan }: { plan: TFollowUp }) {
  const [open, setOpen] = useState<null | 'visit' | 'addVisit' | 'refer' | 'close' | { feedback: number }>(
    null,
  );
  const [visitId, setVisitId] = useState<number | null>(null);
  const base = `/api/juvenile/follow-ups/${plan.id}`;
  const visit = useFollowUpMutation<TVisitBody>(`${base}/visits/${visitId ?? 0}`);
  const addVisit = useFollowUpMutation<TAddVisitBody>(`${base}/visits`);
  const refer = useFollowUpMutation<TReferralBody>(`${base}/referrals`);
  const close = useFollowUpMutation<TCloseFollowUpBody>(`${base}/close`);
  const feedbackId = typeof open === 'object' && open ? open.feedback : 0;
  const feedback = useFollowUpMutation<TReferralFeedbackBody>(`${base}/referrals/${feedbackId}/feedback`);
  const day = (d: Dayjs) => d.format('YYYY-MM-DD');
  const closed = Boolean(plan.closedAt);
  const visitColumns = [
    { title: '应回访日期', dataIndex: 'dueOn', width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      width: 80,
      render: (s: TVisit['status']) => <Tag color={statusTag[s][0]}>{statusTag[s][1]}</Tag>,
    },
    { title: '回访日期', dataIndex: 'doneOn', width: 110, render: (d: string | null) => d ?? '—' },
    { title: '笔记', dataIndex: 'notes', render: (d: string | null) => d ?? '—' },
    { title: '进展', dataIndex: 'progress', render: (d: string | null) => d ?? '—' },
    {
      title: '',
      key: 'a',
      width: 90,
      render: (_: unknown, v: TVisit) =>
        !v.doneOn &&
        !closed && (
          <Button
            size="small"
            onClick={() => {
              setVisitId(v.id);
              setOpen('visit');
            }}
          >
            记录回访
          </Button>
        ),
    },
  ];
  const referralColumns = [
    { title: '转介对象', key: 'b', render: (_: unknown, r: TReferral) => `${r.body}（${r.bodyKindLabel}）` },
    { title: '事由', dataIndex: 'reason' },
    { title: '转介日期', dataIndex: 'sentOn', width: 110 },
    {
      title: '反馈',
      key: 'f',
      render: (_: unknown, r: TReferral) =>
        r.feedback ? (
          `${r.feedbackOn}：${r.feedback}`
        ) : closed ? (
          '—'
        ) : (
          <Button size="small" onClick={() => setOpen({ feedback: r.id })}>
            记录反馈
          </Button>
        ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 's', label: '对象', children: plan.subjectLabel },
          { key: 'c', label: '关联案件', children: plan.case?.caseNumber ?? '—' },
          { key: 'g', label: '帮教目标', children: plan.goal, span: 2 },
          {
            key: 'o',
            label: '返航情况',
            children: plan.outcomeLabel
              ? `${plan.outcomeLabel}${plan.outcomeNote ? `：${plan.outcomeNote}` : ''}`
              : '帮教中',
          },
        ]}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        title={() => '回访'}
        columns={visitColumns}
        dataSource={plan.visits}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        title={() => '转介教育、民政等部门'}
        columns={referralColumns}
        dataSource={plan.referrals}
        locale={{ emptyText: '无转介' }}
      />
      {!closed && (
        <Space>
          <Button onClick={() => setOpen('addVisit')}>增加回访</Button>
          <Button onClick={() => setOpen('refer')}>转介</Button>
          <Button type="primary" onClick={() => setOpen('close')}>
            帮教结案
          </Button>
        </Space>
      )}
      <FormModal<Omit<TVisitBody, 'doneOn'> & { doneOn: Dayjs }, TVisitBody>
        title="记录回访"
        open={open === 'visit'}
        onClose={() => setOpen(null)}
        mutation={visit}
        toBody={(v) => ({ ...v, doneOn: day(v.doneOn) })}
        done="已记录回访"
        testId="visit-form"
      >
        <Form.Item label="回访日期" name="doneOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="笔记" name="notes" rules={[{ required: true, message: '请填写笔记' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="进展" name="progress" rules={[{ required: true, message: '请填写进展' }]}>
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal<{ dueOn: Dayjs }, TAddVisitBody>
        title="增加回访"
        open={open === 'addVisit'}
        onClose={() => setOpen(null)}
        mutation={addVisit}
        toBody={(v) => ({ dueOn: day(v.dueOn) })}
        done="已增加"
        testId="add-visit-form"
      >
        <Form.Item label="应回访日期" name="dueOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </FormModal>
      <FormModal<Omit<TReferralBody, 'sentOn'> & { sentOn: Dayjs }, TReferralBody>
        title="转介"
        open={open === 'refer'}
        onClose={() => setOpen(null)}
        mutation={refer}
        toBody={(v) => ({ ...v, sentOn: day(v.sentOn) })}
        done="已转介"
        testId="refer-form"
        initialValues={{ bodyKind: 'education' }}
      >
        <Form.Item label="部门类别" name="bodyKind" rules={[{ required: true }]}>
          <Select options={optionsOf(referralBodyKinds)} />
        </Form.Item>
        <Form.Item label="接收单位" name="body" rules={[{ required: true, message: '请填写接收单位' }]}>
          <Input placeholder="如 成华区教育局" />
        </Form.Item>
        <Form.Item label="事由" name="reason" rules={[{ required: true, message: '请填写事由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="转介日期" name="sentOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </FormModal>
      <FormModal<{ feedback: string; feedbackOn: Dayjs }, TReferralFeedbackBody>
        title="记录转介反馈"
        open={typeof open === 'object' && open !== null}
        onClose={() => setOpen(null)}
        mutation={feedback}
        toBody={(v) => ({ ...v, feedbackOn: day(v.feedbackOn) })}
        done="已记录反馈"
        testId="feedback-form"
      >
        <Form.Item label="反馈内容" name="feedback" rules={[{ required: true, message: '请填写反馈' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="反馈日期" name="feedbackOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      </FormModal>
      <FormModal<TCloseFollowUpBody, TCloseFollowUpBody>
        title="帮教结案"
        open={open === 'close'}
        onClose={() => setOpen(null)}
        mutation={close}
        toBody={(v) => v}
        done="已结案"
        testId="close-form"
      >
        <Form.Item label="返航情况" name="outcome" rules={[{ required: true, message: '请选择' }]}>
          <Select options={optionsOf(followUpOutcomes)} />
        </Form.Item>
        <Form.Item label="说明" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}

type TCreateValues = Omit<TFollowUpBody, 'startedOn' | 'visitDueDates'> & {
  startedOn: Dayjs;
  visits: Dayjs[];
};

/** 跟踪帮教: plans for minors involved in cases or without proper care, with visits due and overdue. */
export default function FollowUpsPage() {
  const me = useMe();
  const workbench = useWorkbenchFilter(['mine', 'due'] as const);
  const plans = useFollowUps(workbench.filter);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const create = useFollowUpMutation<TFollowUpBody>('/api/juvenile/follow-ups');
  const plan = plans.data?.find((p) => p.id === shown);
  const columns = [
    { title: '未成年人', dataIndex: 'minorName', width: 100 },
    { title: '对象', dataIndex: 'subjectLabel', width: 120 },
    { title: '帮教目标', dataIndex: 'goal' },
    { title: '承办人', key: 'h', width: 110, render: (_: unknown, p: TFollowUp) => p.handler?.name ?? '—' },
    { title: '下次回访', dataIndex: 'nextDueOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: '提醒',
      key: 'r',
      width: 140,
      render: (_: unknown, p: TFollowUp) => (
        <Space>
          {p.overdue > 0 && <Tag color="red">逾期 {p.overdue}</Tag>}
          {p.dueSoon > 0 && <Tag color="orange">临期 {p.dueSoon}</Tag>}
        </Space>
      ),
    },
    { title: '返航', dataIndex: 'outcomeLabel', width: 100, render: (o: string | null) => o ?? '帮教中' },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_: unknown, p: TFollowUp) => (
        <Button size="small" type="link" onClick={() => setShown(p.id)}>
          详情
        </Button>
      ),
    },
  ];
  return (
    <Card
      title="跟踪帮教"
      extra={
        hasAccess(me, 'juvenile.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="follow-up-add"
          >
            建立帮教计划
          </Button>
        )
      }
    >
      {workbench.notice}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        loading={plans.isLoading}
        dataSource={plans.data ?? []}
        locale={{ emptyText: '暂无帮教计划' }}
      />
      <Drawer
        title={plan ? `帮教计划：${plan.minorName}` : ''}
        open={Boolean(plan)}
        onClose={() => setShown(null)}
        size="large"
      >
        {plan && <PlanActions plan={plan} />}
      </Drawer>
      <FormModal<TCreateValues, TFollowUpBody>
        title="建立跟踪帮教计划"
        open={creating}
        onClose={() => setCreating(false)}
        mutation={create}
        toBody={(v) => ({
          subject: v.subject,
          minorName: v.minorName,
          goal: v.goal,
          caseId: v.caseId,
          startedOn: v.startedOn.format('YYYY-MM-DD'),
          visitDueDates: (v.visits ?? []).map((d) => d.format('YYYY-MM-DD')),
        })}
        done="已建立帮教计划"
        testId="follow-up-form"
        initialValues={{ subject: 'unsupervised' }}
      >
        <Form.Item label="对象" name="subject" rules={[{ required: true }]}>
          <Select options={optionsOf(followUpSubjects)} />
        </Form.Item>
        <Form.Item label="未成年人姓名" name="minorName" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="关联案件编号（涉案未成年人必填）" name="caseId">
          <Input type="number" placeholder="案件 ID" />
        </Form.Item>
        <Form.Item label="帮教目标" name="goal" rules={[{ required: true, message: '请填写帮教目标' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="开始日期" name="startedOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item label="回访日期" name="visits" rules={[{ required: true, message: '至少安排一次回访' }]}>
          <DatePicker multiple />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
