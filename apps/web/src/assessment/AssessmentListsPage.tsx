import { studySessionKindLabels } from '@procura/domain/assessment/schemes';
import type { TEntry, TStudySessionBody } from '@procura/server/assessment/schema';
import { Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Select, Space, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { notifySuccess } from '../api/notify.ts';
import { useMe } from '../auth/hooks.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useWorkbenchFilter } from '../workbench/useWorkbenchFilter.tsx';
import {
  useCreateStudySession,
  useDecideAppeal,
  useEntries,
  useEntryStep,
  usePeople,
  usePeriod,
  useRefreshProposals,
  useStudySessions,
} from './api.ts';
import { EntryTable } from './EntryTable.tsx';
import { usePeriodChoice } from './PeriodSelect.tsx';
import { ProposeEntryModal } from './ProposeEntryModal.tsx';

type TStudyValues = Omit<TStudySessionBody, 'periodId' | 'heldOn'> & { heldOn: Dayjs };

/**
 * 考核条目与审批: what waits for the department head (entries the records proposed, submissions)
 * and for personnel (approvals, appeals), the everyday bonus list and negative list, and the
 * study sessions whose attendance earns party points.
 */
export default function AssessmentListsPage() {
  const me = useMe();
  const isHead = me.role === 'departmentHead';
  const isPersonnel = me.role === 'personnel';
  const { periodId, select } = usePeriodChoice();
  const period = usePeriod(periodId);
  // A workbench link (?awaiting=review|approval|appeal) lists exactly the entries it counted,
  // in every open period.
  const workbench = useWorkbenchFilter(['awaiting'] as const);
  const entries = useEntries(workbench.active ? { awaiting: workbench.filter.awaiting } : { periodId });
  const people = usePeople();
  const study = useStudySessions(periodId);
  const review = useEntryStep('review');
  const decision = useEntryStep('decision');
  const refresh = useRefreshProposals();
  const decideAppeal = useDecideAppeal();
  const createStudy = useCreateStudySession();
  const [proposing, setProposing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [appealOf, setAppealOf] = useState<number | null>(null);
  const open = period.data?.status === 'open';
  const all = entries.data ?? [];
  // The workbench's entries are all in open periods.
  const actionable = workbench.active || open;

  const waiting = workbench.active
    ? all
    : all.filter((e) =>
        isHead
          ? e.userId !== me.id && (e.status === 'proposed' || e.status === 'submitted')
          : isPersonnel
            ? e.userId !== me.id && (e.status === 'reviewed' || e.appeal?.status === 'pending')
            : false,
      );

  const actions = (e: TEntry) => {
    if (!actionable || e.userId === me.id) return null;
    if (isHead && (e.status === 'proposed' || e.status === 'submitted'))
      return (
        <Space>
          <Button
            size="small"
            type="primary"
            onClick={() =>
              review.mutate({ id: e.id, approve: true }, { onSuccess: () => notifySuccess('已确认') })
            }
            data-testid={`entry-confirm-${e.id}`}
          >
            {e.status === 'proposed' ? '确认' : '审核通过'}
          </Button>
          <Popconfirm title="驳回该条目？" onConfirm={() => review.mutate({ id: e.id, approve: false })}>
            <Button size="small" data-testid={`entry-dismiss-${e.id}`}>
              驳回
            </Button>
          </Popconfirm>
        </Space>
      );
    if (isPersonnel && e.status === 'reviewed')
      return (
        <Space>
          <Button
            size="small"
            type="primary"
            onClick={() =>
              decision.mutate({ id: e.id, approve: true }, { onSuccess: () => notifySuccess('已批准') })
            }
            data-testid={`entry-approve-${e.id}`}
          >
            批准
          </Button>
          <Popconfirm title="不批准该条目？" onConfirm={() => decision.mutate({ id: e.id, approve: false })}>
            <Button size="small" data-testid={`entry-refuse-${e.id}`}>
              不批准
            </Button>
          </Popconfirm>
        </Space>
      );
    if (isPersonnel && e.appeal?.status === 'pending')
      return (
        <Button size="small" onClick={() => setAppealOf(e.id)} data-testid={`entry-appeal-decide-${e.id}`}>
          复核决定
        </Button>
      );
    return null;
  };

  const table = (list: TEntry[], testId: string) => (
    <EntryTable
      testId={testId}
      entries={list}
      loading={entries.isLoading}
      actions={actions}
      canUpload={(e) => Boolean(actionable) && ['proposed', 'submitted', 'reviewed'].includes(e.status)}
    />
  );

  return (
    <Card
      title="考核条目与审批"
      extra={
        <Space wrap>
          {select}
          {open && me.actions.includes('assessment.review') && (
            <Button
              loading={refresh.isPending}
              onClick={() =>
                refresh.mutate(undefined, {
                  onSuccess: (r) => notifySuccess(`从期限记录提出 ${r.proposed} 条待确认条目`),
                })
              }
              data-testid="entries-refresh"
            >
              从记录提取
            </Button>
          )}
          {open && me.actions.includes('assessment.study') && (
            <Button onClick={() => setRecording(true)} data-testid="study-new">
              登记学习
            </Button>
          )}
          {open && me.actions.includes('assessment.propose') && (
            <Button type="primary" onClick={() => setProposing(true)} data-testid="entries-propose">
              提出条目
            </Button>
          )}
        </Space>
      }
    >
      {workbench.notice}
      <Tabs
        items={[
          {
            key: 'waiting',
            label: `待处理（${waiting.length}）`,
            children: table(waiting, 'entries-waiting'),
          },
          {
            key: 'bonus',
            label: '加分列表',
            children: table(
              all.filter((e) => e.kind === 'bonus'),
              'entries-bonus',
            ),
          },
          {
            key: 'negative',
            label: '负面清单',
            children: table(
              all.filter((e) => e.kind === 'negative'),
              'entries-negative',
            ),
          },
          { key: 'all', label: '全部条目', children: table(all, 'entries-all') },
          {
            key: 'study',
            label: '学习活动',
            children: (
              <Table
                rowKey="id"
                loading={study.isLoading}
                dataSource={study.data ?? []}
                columns={[
                  { title: '日期', dataIndex: 'heldOn' },
                  {
                    title: '类型',
                    dataIndex: 'kind',
                    render: (k: keyof typeof studySessionKindLabels) => studySessionKindLabels[k],
                  },
                  { title: '主题', dataIndex: 'title' },
                  {
                    title: '参加人员',
                    dataIndex: 'attendees',
                    render: (a: { name: string }[]) => a.map((x) => x.name).join('、'),
                  },
                  {
                    title: '每人积分',
                    dataIndex: 'points',
                    render: (p: number | null) => p ?? '方案未设条款',
                  },
                ]}
              />
            ),
          },
        ]}
      />
      {period.data && proposing && (
        <ProposeEntryModal
          open={proposing}
          onClose={() => setProposing(false)}
          period={period.data}
          people={people.data ?? []}
        />
      )}
      <FormModal<{ revoke: boolean; decision: string }, { id: number; revoke: boolean; decision: string }>
        title="复核决定"
        open={appealOf !== null}
        onClose={() => setAppealOf(null)}
        mutation={decideAppeal}
        testId="appeal-decision"
        done="复核决定已记录"
        initialValues={{ revoke: false }}
        toBody={(v) => ({ id: appealOf!, ...v })}
      >
        <Form.Item name="revoke" label="决定">
          <Radio.Group data-testid="appeal-decision-revoke">
            <Radio value={false}>维持</Radio>
            <Radio value={true}>撤销该条目</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="decision" label="决定理由" rules={[{ required: true, message: '请填写复核决定' }]}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="appeal-decision-text" />
        </Form.Item>
      </FormModal>
      <FormModal<TStudyValues, TStudySessionBody>
        title="登记学习活动"
        open={recording}
        onClose={() => setRecording(false)}
        mutation={createStudy}
        testId="study"
        done="已登记，参加人员按条款积分"
        initialValues={{ kind: 'firstTopic', heldOn: chinaToday() }}
        toBody={(v) => ({ ...v, periodId: periodId!, heldOn: v.heldOn.format('YYYY-MM-DD') })}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select
            options={Object.entries(studySessionKindLabels).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="title" label="学习主题" rules={[{ required: true, message: '请填写学习主题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="heldOn" label="日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="attendeeIds"
          label="参加人员"
          rules={[{ required: true, message: '请选择参加人员' }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(people.data ?? []).map((p) => ({ value: p.id, label: p.displayName }))}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
