import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { acceptedExtensions } from '@procura/domain/attachments/file-kinds';
import { portalClueFields, type TPortalClueField, type TPortalClueState } from '@procura/domain/portal-clues';
import { pilFields } from '@procura/domain/public-interest-fields';
import type { TPartyInput } from '@procura/server/clues/schema';
import type { TPortalClue, TPortalClueDetail } from '@procura/server/portal-clues/schema';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { PartiesField } from '../clues/PartiesField.tsx';
import { formatDateTime } from '../shared/dates.ts';
import { useAddPortalClueMaterial, usePortalClue, usePortalClues, useSendPortalClue } from './clues-api.ts';

const stateColors: Record<TPortalClueState, string> = {
  received: 'default',
  reviewing: 'processing',
  opened: 'blue',
  declined: 'orange',
  transferredOut: 'purple',
  concluded: 'green',
};

function StateTag({ clue }: { clue: TPortalClue }) {
  return <Tag color={stateColors[clue.state]}>{clue.stateLabel}</Tag>;
}

const fieldOptions = Object.entries(portalClueFields).map(([value, field]) => ({
  value,
  label: field.label,
}));
const pilFieldOptions = Object.entries(pilFields).map(([value, label]) => ({ value, label }));

type TValues = {
  title: string;
  description: string;
  field: TPortalClueField;
  pilField?: keyof typeof pilFields;
  parties?: TPartyInput[];
};

/** 移送线索: the clue's facts, the people concerned, the field of work and the evidence files. */
function SendClueModal({
  open,
  onClose,
  onSent,
}: {
  open: boolean;
  onClose: () => void;
  onSent: (id: number) => void;
}) {
  const [form] = Form.useForm<TValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const send = useSendPortalClue();
  const field = Form.useWatch('field', form);
  const close = () => {
    send.reset();
    setFiles([]);
    onClose();
  };
  return (
    <Modal
      title="移送线索"
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText="移送"
      confirmLoading={send.isPending}
      okButtonProps={{ 'data-testid': 'portal-clue-submit' }}
      destroyOnHidden
      width={720}
    >
      {send.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(send.error)}
          style={{ marginBottom: 16 }}
          data-testid="portal-clue-error"
        />
      )}
      <Form<TValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ parties: [] }}
        onFinish={(values) =>
          send.mutate(
            {
              body: {
                title: values.title.trim(),
                description: values.description.trim(),
                field: values.field,
                ...(values.field === 'publicInterest' && values.pilField
                  ? { pilField: values.pilField }
                  : {}),
                parties: (values.parties ?? []).map((p) =>
                  p.kind === 'person' && !p.idNumber?.trim()
                    ? { kind: 'person', name: p.name.trim() }
                    : p.kind === 'person'
                      ? { kind: 'person', name: p.name.trim(), idNumber: p.idNumber!.trim() }
                      : { kind: 'organisation', name: p.name.trim() },
                ),
              },
              files: files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
            },
            {
              onSuccess: (sent) => {
                notifySuccess('线索已移送，检察院处理后将在此反馈');
                close();
                onSent(sent.id);
              },
            },
          )
        }
      >
        <Form.Item
          label="线索标题"
          name="title"
          rules={[{ required: true, whitespace: true, min: 2, message: '请填写线索标题（至少 2 个字）' }]}
        >
          <Input
            maxLength={200}
            placeholder="例如：某建筑劳务公司拖欠农民工工资"
            data-testid="portal-clue-title"
          />
        </Form.Item>
        <Form.Item
          label="线索事实"
          name="description"
          extra="写明何时、何地、何人（单位）、发生了什么，本单位已采取的措施及结果。"
          rules={[{ required: true, whitespace: true, min: 10, message: '请写明线索事实（至少 10 个字）' }]}
        >
          <Input.TextArea rows={6} maxLength={20000} data-testid="portal-clue-description" />
        </Form.Item>
        <Form.Item
          label="本单位认为线索所属的领域"
          name="field"
          rules={[{ required: true, message: '请选择领域' }]}
          extra="检察院据此将线索交由相应部门审查；不确定时选择“不确定”，由检察院分流。"
        >
          <Radio.Group options={fieldOptions} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
        </Form.Item>
        {field === 'publicInterest' && (
          <Form.Item label="公益诉讼领域（选填）" name="pilField">
            <Select options={pilFieldOptions} allowClear placeholder="请选择" />
          </Form.Item>
        )}
        <Form.Item label="涉及的人员、单位（选填）">
          <PartiesField />
        </Form.Item>
        <Form.Item
          label="证据材料"
          extra="可上传 PDF、JPEG/PNG 图片、Word、Excel、纯文本，单个文件不超过 20 MB。"
        >
          <div data-testid="portal-clue-files">
            <Upload
              accept={acceptedExtensions}
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AddMaterial({ id }: { id: number }) {
  const add = useAddPortalClueMaterial(id);
  return (
    <Flex vertical gap={4}>
      <Upload
        accept={acceptedExtensions}
        showUploadList={false}
        multiple
        beforeUpload={(file) => {
          add.mutate(file, { onSuccess: (stored) => notifySuccess(`已上传 ${stored.fileName}`) });
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />} loading={add.isPending}>
          补充材料
        </Button>
      </Upload>
      {add.error && <Alert type="error" showIcon title={errorText(add.error)} />}
    </Flex>
  );
}

function ClueDetail({ id }: { id: number }) {
  const query = usePortalClue(id);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const c: TPortalClueDetail | undefined = query.data;
  if (!c) return null;
  const open = c.state === 'received' || c.state === 'reviewing';
  return (
    <Card title={`移送线索：${c.title}`} style={{ marginTop: 16 }} data-testid="portal-clue-detail">
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          {
            key: 'state',
            label: '处理状态',
            children: (
              <span data-testid="portal-clue-state">
                <StateTag clue={c} />
                {c.department}
              </span>
            ),
          },
          {
            key: 'decision',
            label: '处理决定',
            children: c.decision ? (
              <div data-testid="portal-clue-decision">
                <div>
                  {c.decision.on} {c.decision.text}
                </div>
                {c.decision.reason && <div>理由：{c.decision.reason}</div>}
              </div>
            ) : (
              <Typography.Text type="secondary">审查中，作出决定后将在此显示</Typography.Text>
            ),
          },
          ...(c.progress.length
            ? [
                {
                  key: 'progress',
                  label: '办理进展',
                  children: (
                    <Timeline
                      data-testid="portal-clue-progress"
                      style={{ marginBottom: -24, paddingTop: 8 }}
                      items={c.progress.map((p) => ({ content: `${p.on} ${p.text}` }))}
                    />
                  ),
                },
              ]
            : []),
          ...(c.outcomes.length || c.concludedOn
            ? [
                {
                  key: 'result',
                  label: '办理结果',
                  children: (
                    <div data-testid="portal-clue-outcomes">
                      {c.concludedOn && <div>{c.concludedOn} 已办结</div>}
                      {c.outcomes.map((o) => (
                        <div key={o.label}>
                          {o.label}：{o.text}
                        </div>
                      ))}
                    </div>
                  ),
                },
              ]
            : []),
          {
            key: 'feedback',
            label: '检察院反馈',
            children: c.feedback.length ? (
              <List
                size="small"
                data-testid="portal-clue-feedback"
                dataSource={c.feedback}
                renderItem={(f) => (
                  <List.Item>
                    <Flex vertical>
                      <Typography.Text type="secondary">
                        {formatDateTime(f.at)} · {f.department}
                      </Typography.Text>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{f.text}</span>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Typography.Text type="secondary">暂无</Typography.Text>
            ),
          },
          { key: 'sent', label: '移送时间', children: formatDateTime(c.sentAt) },
          { key: 'field', label: '领域', children: c.fieldLabel },
          ...(c.pilFieldLabel ? [{ key: 'pil', label: '公益诉讼领域', children: c.pilFieldLabel }] : []),
          {
            key: 'facts',
            label: '线索事实',
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div>,
          },
          {
            key: 'parties',
            label: '涉及人员、单位',
            children: c.parties.length ? c.parties.map((p) => p.name).join('、') : '—',
          },
          {
            key: 'files',
            label: '证据材料',
            children: (
              <Flex vertical gap={4} data-testid="portal-clue-files-list">
                {c.attachments.map((f) => (
                  <span key={f.id}>{f.fileName}</span>
                ))}
                {c.attachments.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
                {open && <AddMaterial id={c.id} />}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 外部单位门户·移送线索: the clues the organisation sent, their handling, and the form to send one. */
export default function PortalCluesPage() {
  const list = usePortalClues();
  const [openId, setOpenId] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const columns: TableColumnsType<TPortalClue> = [
    { title: '移送时间', key: 'sentAt', width: 170, render: (_, c) => formatDateTime(c.sentAt) },
    { title: '线索标题', key: 'title', render: (_, c) => c.title },
    { title: '处理状态', key: 'state', width: 130, render: (_, c) => <StateTag clue={c} /> },
    { title: '处理部门', key: 'department', width: 140, render: (_, c) => c.department },
    { title: '决定日期', key: 'decidedOn', width: 120, render: (_, c) => c.decidedOn ?? '—' },
    {
      title: '',
      key: 'open',
      width: 90,
      render: (_, c) => (
        <Button size="small" onClick={() => setOpenId(c.id)} data-testid={`portal-clue-open-${c.id}`}>
          查看
        </Button>
      ),
    },
  ];
  return (
    <Card
      title="本单位移送的线索"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setSending(true)}
          data-testid="portal-clue-new"
        >
          移送线索
        </Button>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="向检察院移送在履行职责中发现的线索。检察院受理后将在此反馈处理决定（立案或不予立案及理由）和办理结果；每次移送和查看均记入审计日志。"
      />
      <Table<TPortalClue>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        pagination={false}
        locale={{ emptyText: <Empty description="本单位尚未移送线索" /> }}
        data-testid="portal-clues-table"
      />
      {openId !== null && <ClueDetail id={openId} />}
      <SendClueModal open={sending} onClose={() => setSending(false)} onSent={setOpenId} />
    </Card>
  );
}
