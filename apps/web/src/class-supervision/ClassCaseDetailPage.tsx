import type {
  TGroup,
  TGroupSuggestionBody,
  TMemberBody,
  TRectificationBody,
} from '@procura/server/class-supervision/schema';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Select,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../auth/hooks.ts';
import { NotFound } from '../layout/NotFound.tsx';
import { chinaToday, formatDateTime } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import {
  rectificationOptions,
  siteKindOptions,
  useAddGroupMember,
  useClassCase,
  useDraftGroupSuggestion,
  useMemberChoices,
  useRecordSiteRectification,
} from './api.ts';

type TMember = TGroup['members'][number];

const rectificationColors: Record<TMember['rectification'], string> = {
  notStarted: 'red',
  inProgress: 'orange',
  done: 'green',
};

function SuggestionModal({ group, open, onClose }: { group: TGroup; open: boolean; onClose: () => void }) {
  const mutation = useDraftGroupSuggestion(group.id);
  return (
    <FormModal<TGroupSuggestionBody, TGroupSuggestionBody, TGroup>
      title="起草社会治理类检察建议"
      open={open}
      onClose={onClose}
      mutation={mutation}
      toBody={(values) => ({
        addressee: values.addressee,
        legalBasis: values.legalBasis?.trim() || undefined,
        requests: values.requests?.trim() || undefined,
      })}
      done="检察建议草稿已建立，事实部分已列明全部场所"
      testId="group-suggestion"
      okText="起草"
    >
      <Form.Item
        label="主送单位（街道办事处、主管局）"
        name="addressee"
        rules={[{ required: true, message: '请填写主送单位' }]}
      >
        <Input
          maxLength={200}
          placeholder="如：成都市成华区某街道办事处"
          data-testid="group-suggestion-addressee"
        />
      </Form.Item>
      <Form.Item label="法律依据" name="legalBasis">
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item label="建议事项" name="requests">
        <Input.TextArea rows={3} maxLength={20000} />
      </Form.Item>
    </FormModal>
  );
}

type TMemberValues = { record: string; siteName: string; siteKind: TMemberBody['siteKind'] };

function AddMemberModal({ group, open, onClose }: { group: TGroup; open: boolean; onClose: () => void }) {
  const mutation = useAddGroupMember(group.id);
  const choices = useMemberChoices();
  return (
    <FormModal<TMemberValues, TMemberBody, TGroup>
      title="添加场所"
      open={open}
      onClose={onClose}
      mutation={mutation}
      toBody={(values) => {
        const [kind, id] = values.record.split(':');
        return {
          ...(kind === 'case' ? { caseId: Number(id) } : { clueId: Number(id) }),
          siteName: values.siteName,
          siteKind: values.siteKind,
        };
      }}
      done="场所已添加"
      testId="class-member-new"
      okText="添加"
      width={560}
    >
      <Form.Item label="案件或线索" name="record" rules={[{ required: true, message: '请选择案件或线索' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={choices.loading}
          options={choices.options}
        />
      </Form.Item>
      <Form.Item label="场所名称" name="siteName" rules={[{ required: true, message: '请填写场所名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="场所类别" name="siteKind" rules={[{ required: true, message: '请选择场所类别' }]}>
        <Select options={siteKindOptions} />
      </Form.Item>
    </FormModal>
  );
}

type TRectValues = { status: TRectificationBody['status']; on?: Dayjs; note?: string };

function RectificationModal({
  group,
  member,
  onClose,
}: {
  group: TGroup;
  member: TMember | null;
  onClose: () => void;
}) {
  const mutation = useRecordSiteRectification(group.id);
  return (
    <FormModal<TRectValues, TRectificationBody & { memberId: number }, TGroup>
      title={`登记整改情况：${member?.siteName ?? ''}`}
      open={member !== null}
      onClose={onClose}
      mutation={mutation}
      toBody={(values) => ({
        memberId: member!.id,
        status: values.status,
        on: values.on?.format('YYYY-MM-DD'),
        note: values.note?.trim() || undefined,
      })}
      initialValues={
        member ? { status: member.rectification, note: member.rectificationNote ?? undefined } : {}
      }
      done="整改情况已登记"
      testId="site-rectification"
      okText="登记"
      width={520}
    >
      <Form.Item label="整改状态" name="status" rules={[{ required: true, message: '请选择整改状态' }]}>
        <Select options={rectificationOptions} data-testid="site-rectification-status" />
      </Form.Item>
      <Form.Item label="日期" name="on" extra="已整改须填写完成日期">
        <DatePicker
          disabledDate={(day) => day.isAfter(chinaToday(), 'day')}
          data-testid="site-rectification-on"
        />
      </Form.Item>
      <Form.Item label="说明" name="note">
        <Input.TextArea rows={3} maxLength={2000} data-testid="site-rectification-note" />
      </Form.Item>
    </FormModal>
  );
}

/** 类案详情: the problem, every site with its case or clue and rectification, the group's suggestion. */
export default function ClassCaseDetailPage() {
  const id = Number(useParams().id);
  const me = useMe();
  const query = useClassCase(id);
  const [drafting, setDrafting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TMember | null>(null);
  const mayWrite = me.actions.includes('classCase.write');
  if (query.isError) return <NotFound />;
  const group = query.data;
  if (!group) return <Card loading />;

  const columns: TableColumnsType<TMember> = [
    { title: '场所', key: 'site', render: (_, m) => m.siteName },
    { title: '类别', key: 'kind', width: 100, render: (_, m) => m.siteKindLabel },
    {
      title: '案件或线索',
      key: 'record',
      render: (_, m) =>
        m.case ? (
          <Link to={`/cases/${m.case.id}`}>
            {m.case.caseNumber} {m.case.title}
          </Link>
        ) : m.clue ? (
          <Link to={`/clues/${m.clue.id}`}>线索：{m.clue.title}</Link>
        ) : (
          '—'
        ),
    },
    {
      title: '整改情况',
      key: 'rectification',
      width: 110,
      render: (_, m) => (
        <Tag color={rectificationColors[m.rectification]} data-testid={`site-state-${m.id}`}>
          {m.rectificationLabel}
        </Tag>
      ),
    },
    { title: '日期', key: 'on', width: 110, render: (_, m) => m.rectifiedOn ?? '—' },
    { title: '说明', key: 'note', render: (_, m) => m.rectificationNote ?? '—' },
    ...(mayWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, m: TMember) => (
              <Button type="link" onClick={() => setEditing(m)} data-testid={`site-rectify-${m.id}`}>
                登记整改
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={group.title} data-testid="class-case-detail">
        <Descriptions
          column={2}
          items={[
            { key: 'problem', label: '共性问题', children: group.problem, span: 2 },
            { key: 'department', label: '部门', children: group.department.name },
            {
              key: 'created',
              label: '建立',
              children: `${group.createdBy} ${formatDateTime(group.createdAt)}`,
            },
            {
              key: 'sites',
              label: '整改进度',
              children: `${group.rectifiedSites} / ${group.sites} 处已整改`,
            },
          ]}
        />
      </Card>
      <Card
        title="社会治理类检察建议"
        extra={
          !group.suggestion &&
          mayWrite && (
            <Button type="primary" onClick={() => setDrafting(true)} data-testid="group-suggestion-draft">
              起草检察建议
            </Button>
          )
        }
        data-testid="group-suggestion-card"
      >
        {group.suggestion ? (
          <Descriptions
            column={2}
            items={[
              { key: 'kind', label: '种类', children: group.suggestion.kindLabel },
              { key: 'addressee', label: '主送单位', children: group.suggestion.addressee },
              {
                key: 'state',
                label: '状态',
                children: (
                  <Tag color="blue" data-testid="group-suggestion-state">
                    {group.suggestion.stateLabel}
                  </Tag>
                ),
              },
              { key: 'doc', label: '文号', children: group.suggestion.docNumber ?? '（未签发）' },
              {
                key: 'case',
                label: '办理',
                span: 2,
                children: (
                  <Link to={`/cases/${group.suggestion.caseId}`} data-testid="group-suggestion-case">
                    在所依附的案件页审批、签发、送达、记录回复
                  </Link>
                ),
              },
            ]}
          />
        ) : (
          '尚未制发。一份检察建议列明本类案全部场所，依附首件案件办理。'
        )}
      </Card>
      <Card
        title="各场所整改情况"
        extra={
          mayWrite && (
            <Button onClick={() => setAdding(true)} data-testid="class-member-new-open">
              添加场所
            </Button>
          )
        }
      >
        <Table<TMember>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={group.members}
          pagination={false}
          data-testid="class-case-members"
        />
      </Card>
      <SuggestionModal group={group} open={drafting} onClose={() => setDrafting(false)} />
      <RectificationModal group={group} member={editing} onClose={() => setEditing(null)} />
      <AddMemberModal group={group} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
