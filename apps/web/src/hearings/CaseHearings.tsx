import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import type { TDrawResult, THearing } from '@procura/server/hearings/schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { notifyError, notifySuccess } from '../api/notify.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import {
  parsePeople,
  useAddNotice,
  useCaseHearings,
  useChooseOfficer,
  useCreateHearing,
  useDrawOfficers,
  useGenerateMinutes,
  useOfficers,
  usePublishHearing,
  useRecordOpinion,
  useUpdateHearing,
} from './api.ts';

type TPanelMember = THearing['panel'][number];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

const peopleHelp = '每行一人：身份：姓名，身份为 当事人、行政机关、代理人 或 其他参加人，如“当事人：张某某”';

type THearingValues = {
  question: string;
  heldOn: Dayjs;
  startsAt?: string;
  place: string;
  participants?: string;
};

function HearingModal({ caseId, open, onClose }: { caseId: number; open: boolean; onClose: () => void }) {
  return (
    <FormModal
      title="登记公开听证"
      open={open}
      onClose={onClose}
      mutation={useCreateHearing(caseId)}
      toBody={(v: THearingValues) => ({
        question: v.question,
        heldOn: day(v.heldOn),
        ...(v.startsAt?.trim() ? { startsAt: v.startsAt.trim() } : {}),
        place: v.place,
        participants: parsePeople(v.participants),
      })}
      done="已登记听证"
      testId="hearing"
    >
      <Form.Item label="听证事项" name="question" rules={[{ required: true, message: '请填写听证事项' }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="hearing-question" />
      </Form.Item>
      <Space>
        <Form.Item label="听证日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker data-testid="hearing-held-on" />
        </Form.Item>
        <Form.Item label="开始时间" name="startsAt">
          <Input placeholder="09:30" maxLength={5} style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <Form.Item label="听证地点" name="place" rules={[{ required: true, message: '请填写地点' }]}>
        <Input maxLength={200} data-testid="hearing-place" />
      </Form.Item>
      <Form.Item label="听证参加人" name="participants" extra={peopleHelp}>
        <Input.TextArea rows={4} data-testid="hearing-participants" />
      </Form.Item>
    </FormModal>
  );
}

function DrawModal({ caseId, hearing, onClose }: { caseId: number; hearing: THearing; onClose: () => void }) {
  return (
    <FormModal
      title="从听证员库随机抽取听证员"
      open
      onClose={onClose}
      mutation={useDrawOfficers(caseId, hearing.id)}
      toBody={(v: { count: number; seed?: string }) => ({
        count: v.count,
        ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}),
      })}
      done={(r: TDrawResult) => `已抽取：${r.drawn.map((d) => d.name).join('、')}（种子 ${r.seed}）`}
      initialValues={{ count: 3 }}
      okText="抽取"
      testId="draw"
      width={520}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="从在库听证员中排除已选定的和与当事人有利害关系的，按种子随机抽取；种子和候选名单随结果记录，可复核。"
      />
      <Form.Item label="抽取人数" name="count" rules={[{ required: true, message: '请填写人数' }]}>
        <InputNumber min={1} max={9} data-testid="draw-count" />
      </Form.Item>
      <Form.Item label="随机种子（可不填，由系统生成）" name="seed">
        <Input maxLength={64} />
      </Form.Item>
    </FormModal>
  );
}

function ChooseModal({
  caseId,
  hearing,
  onClose,
}: {
  caseId: number;
  hearing: THearing;
  onClose: () => void;
}) {
  const officers = useOfficers();
  const seated = new Set(hearing.panel.map((p) => p.officerId));
  const options = (officers.data ?? [])
    .filter((o) => o.active && !seated.has(o.id))
    .map((o) => ({
      value: o.id,
      label: `${o.name}（${o.occupation}${o.organisation ? `，${o.organisation}` : ''}）`,
    }));
  return (
    <FormModal
      title="指定听证员"
      open
      onClose={onClose}
      mutation={useChooseOfficer(caseId, hearing.id)}
      toBody={(v: { officerId: number; reason: string }) => v}
      done="已指定听证员"
      testId="choose-officer"
      width={520}
    >
      <Form.Item label="听证员" name="officerId" rules={[{ required: true, message: '请选择听证员' }]}>
        <Select options={options} showSearch optionFilterProp="label" data-testid="choose-officer-select" />
      </Form.Item>
      <Form.Item label="指定理由" name="reason" rules={[{ required: true, message: '请说明理由' }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

function NoticeModal({
  caseId,
  hearing,
  onClose,
}: {
  caseId: number;
  hearing: THearing;
  onClose: () => void;
}) {
  return (
    <FormModal
      title="登记听证通知"
      open
      onClose={onClose}
      mutation={useAddNotice(caseId, hearing.id)}
      toBody={(v: { recipient: string; means?: string; sentOn: Dayjs }) => ({
        recipient: v.recipient,
        ...(v.means?.trim() ? { means: v.means.trim() } : {}),
        sentOn: day(v.sentOn),
      })}
      done="已登记通知"
      testId="notice"
      width={520}
    >
      <Form.Item label="通知对象" name="recipient" rules={[{ required: true, message: '请填写通知对象' }]}>
        <Input maxLength={100} data-testid="notice-recipient" />
      </Form.Item>
      <Form.Item label="通知方式" name="means">
        <Input maxLength={50} placeholder="电话、邮寄、当面送达……" />
      </Form.Item>
      <Form.Item label="发出日期" name="sentOn" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(chinaToday(), 'day')} data-testid="notice-sent-on" />
      </Form.Item>
    </FormModal>
  );
}

function OpinionModal({
  caseId,
  hearing,
  member,
  onClose,
}: {
  caseId: number;
  hearing: THearing;
  member: TPanelMember;
  onClose: () => void;
}) {
  const record = useRecordOpinion(caseId, hearing.id);
  return (
    <FormModal
      title={`听证员意见：${member.name}`}
      open
      onClose={onClose}
      mutation={record}
      toBody={(v: { opinion: string }) => ({ officerId: member.officerId, opinion: v.opinion })}
      initialValues={{ opinion: member.opinion ?? '' }}
      done="已记录意见"
      testId="opinion"
      width={560}
    >
      <Form.Item name="opinion" rules={[{ required: true, message: '请填写意见' }]}>
        <Input.TextArea rows={5} maxLength={5000} data-testid="opinion-text" />
      </Form.Item>
    </FormModal>
  );
}

function MinutesModal({
  caseId,
  hearing,
  onClose,
}: {
  caseId: number;
  hearing: THearing;
  onClose: () => void;
}) {
  return (
    <FormModal
      title="听证经过与意见采纳情况"
      open
      onClose={onClose}
      mutation={useUpdateHearing(caseId, hearing.id)}
      toBody={(v: { minutes?: string; decisionUse?: string }) => ({
        minutes: v.minutes ?? '',
        decisionUse: v.decisionUse ?? '',
      })}
      initialValues={{ minutes: hearing.minutes ?? '', decisionUse: hearing.decisionUse ?? '' }}
      done="已保存"
      testId="minutes"
      width={720}
    >
      <Form.Item label="听证经过（笔录）" name="minutes">
        <Input.TextArea rows={8} data-testid="minutes-text" />
      </Form.Item>
      <Form.Item label="听证意见在决定中的采纳情况" name="decisionUse">
        <Input.TextArea rows={3} data-testid="minutes-decision-use" />
      </Form.Item>
    </FormModal>
  );
}

type TDialog = 'draw' | 'choose' | 'notice' | 'minutes' | null;

function HearingCard({ caseId, hearing, mayEdit }: { caseId: number; hearing: THearing; mayEdit: boolean }) {
  const [dialog, setDialog] = useState<TDialog>(null);
  const [opinionOf, setOpinionOf] = useState<TPanelMember | null>(null);
  const generate = useGenerateMinutes(caseId, hearing.id);
  const publish = usePublishHearing(caseId, hearing.id);
  const columns = [
    { title: '听证员', dataIndex: 'name', width: 100 },
    {
      title: '职业、单位',
      key: 'who',
      width: 200,
      render: (_: unknown, m: TPanelMember) =>
        `${m.occupation}${m.organisation ? `，${m.organisation}` : ''}`,
    },
    {
      title: '产生方式',
      key: 'how',
      width: 200,
      render: (_: unknown, m: TPanelMember) =>
        m.method === 'random'
          ? `随机抽取（种子 ${m.seed}，候选 ${m.candidateIds?.length ?? 0} 人）`
          : `指定：${m.reason}`,
    },
    { title: '意见', dataIndex: 'opinion', render: (v: string | null) => v ?? '—' },
    ...(mayEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, m: TPanelMember) => (
              <Button
                size="small"
                type="link"
                onClick={() => setOpinionOf(m)}
                data-testid={`opinion-${m.officerId}`}
              >
                记录意见
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      type="inner"
      size="small"
      title={`${hearing.heldOn}${hearing.startsAt ? ` ${hearing.startsAt}` : ''} ${hearing.question}`}
      extra={hearing.publishedAt ? <Tag color="green">已公开</Tag> : null}
      data-testid={`hearing-${hearing.id}`}
    >
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'place', label: '地点', children: hearing.place },
            {
              key: 'participants',
              label: '参加人',
              children: hearing.participants.map((p) => `${p.roleLabel}：${p.name}`).join('；') || '—',
            },
            {
              key: 'notices',
              label: '通知',
              span: 'filled',
              children:
                hearing.notices
                  .map((n) => `${n.sentOn} 通知${n.recipient}${n.means ? `（${n.means}）` : ''}`)
                  .join('；') || '尚未登记',
            },
            {
              key: 'use',
              label: '意见采纳情况',
              span: 'filled',
              children: <span data-testid="hearing-decision-use">{hearing.decisionUse ?? '未填写'}</span>,
            },
          ]}
        />
        {hearing.namesMasked && <Alert type="info" showIcon title="非本案承办部门，当事人姓名已隐去" />}
        <Table<TPanelMember>
          rowKey="officerId"
          size="small"
          columns={columns}
          dataSource={hearing.panel}
          pagination={false}
          locale={{ emptyText: '尚未确定听证员' }}
          data-testid="hearing-panel"
        />
        {mayEdit && (
          <Space wrap>
            <Button size="small" onClick={() => setDialog('draw')} data-testid="draw-officers">
              随机抽取听证员
            </Button>
            <Button size="small" onClick={() => setDialog('choose')} data-testid="choose-officer">
              指定听证员
            </Button>
            <Button size="small" onClick={() => setDialog('notice')} data-testid="add-notice">
              登记通知
            </Button>
            <Button size="small" onClick={() => setDialog('minutes')} data-testid="edit-minutes">
              听证经过与采纳情况
            </Button>
            <Button
              size="small"
              icon={<FileWordOutlined />}
              loading={generate.isPending}
              onClick={() =>
                generate.mutate(undefined, {
                  onSuccess: () => notifySuccess('已生成听证笔录'),
                  onError: notifyError,
                })
              }
              data-testid="generate-minutes"
            >
              生成听证笔录
            </Button>
            {!hearing.publishedAt && (
              <Button
                size="small"
                loading={publish.isPending}
                onClick={() =>
                  publish.mutate(undefined, {
                    onSuccess: () => notifySuccess('已公开（当事人姓名隐去）'),
                    onError: notifyError,
                  })
                }
                data-testid="publish-hearing"
              >
                公开
              </Button>
            )}
          </Space>
        )}
        {hearing.documentId && (
          <a href={`/api/case-documents/${hearing.documentId}`} data-testid="minutes-download">
            <FileWordOutlined /> 下载听证笔录
          </a>
        )}
        {generate.error && <Alert type="error" showIcon title={errorText(generate.error)} />}
      </Flex>
      {dialog === 'draw' && <DrawModal caseId={caseId} hearing={hearing} onClose={() => setDialog(null)} />}
      {dialog === 'choose' && (
        <ChooseModal caseId={caseId} hearing={hearing} onClose={() => setDialog(null)} />
      )}
      {dialog === 'notice' && (
        <NoticeModal caseId={caseId} hearing={hearing} onClose={() => setDialog(null)} />
      )}
      {dialog === 'minutes' && (
        <MinutesModal caseId={caseId} hearing={hearing} onClose={() => setDialog(null)} />
      )}
      {opinionOf && (
        <OpinionModal
          caseId={caseId}
          hearing={hearing}
          member={opinionOf}
          onClose={() => setOpinionOf(null)}
        />
      )}
    </Card>
  );
}

/** 公开听证 of a case (any type): the hearings, their officers, notices, minutes and opinions. */
export function CaseHearings({ caseId, mayEdit }: { caseId: number; mayEdit: boolean }) {
  const query = useCaseHearings(caseId);
  const [creating, setCreating] = useState(false);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  return (
    <Card
      title="公开听证"
      loading={query.isPending}
      data-testid="case-hearings"
      extra={
        mayEdit && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="add-hearing"
          >
            登记听证
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        {(query.data ?? []).length === 0 && <span>尚未登记听证</span>}
        {(query.data ?? []).map((h) => (
          <HearingCard key={h.id} caseId={caseId} hearing={h} mayEdit={mayEdit} />
        ))}
      </Flex>
      <HearingModal caseId={caseId} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
