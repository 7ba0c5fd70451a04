import { EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { formatYuan } from '@procura/domain/clean/amount';
import type { TApplicant, TApplicantBody, TSupportBody } from '@procura/server/supported-prosecution/schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { UploadXlsx } from '../employment-checks/UploadXlsx.tsx';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { yuanToFen } from '../shared/money.ts';
import {
  categoryOptions,
  claimKindOptions,
  useAddApplicant,
  useImportApplicants,
  useRecordRecovery,
  useSupportedProsecution,
  useUpdateSupport,
} from './api.ts';
import { SupportSteps } from './SupportSteps.tsx';

const yuan = (fen: number | null) => (fen === null ? '—' : `${formatYuan(fen)} 元`);

type TSupportValues = { respondent: string; claimKind: TSupportBody['claimKind']; claimKindOther?: string };

function SupportModal({ caseId, open, onClose }: { caseId: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TSupportValues>();
  const kind = Form.useWatch('claimKind', form);
  return (
    <FormModal
      title="被告单位和请求类别"
      open={open}
      onClose={onClose}
      mutation={useUpdateSupport(caseId)}
      toBody={(v: TSupportValues) => ({
        respondent: v.respondent,
        claimKind: v.claimKind,
        ...(v.claimKind === 'other' ? { claimKindOther: v.claimKindOther } : {}),
      })}
      done="已保存"
      testId="support"
      form={form}
      width={520}
    >
      <Form.Item label="被告单位" name="respondent" rules={[{ required: true, message: '请填写被告单位' }]}>
        <Input maxLength={200} data-testid="support-respondent" />
      </Form.Item>
      <Form.Item label="请求类别" name="claimKind" rules={[{ required: true, message: '请选择请求类别' }]}>
        <Select options={claimKindOptions} data-testid="support-claim-kind" />
      </Form.Item>
      {kind === 'other' && (
        <Form.Item label="类别名称" name="claimKindOther" rules={[{ required: true, message: '请写明类别' }]}>
          <Input maxLength={50} />
        </Form.Item>
      )}
    </FormModal>
  );
}

type TApplicantValues = Omit<TApplicantBody, 'claimFen'> & { claim: string };

function AddApplicantModal({
  caseId,
  open,
  onClose,
}: {
  caseId: number;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <FormModal
      title="登记申请人"
      open={open}
      onClose={onClose}
      mutation={useAddApplicant(caseId)}
      toBody={({ claim, phone, ...rest }: TApplicantValues) => ({
        ...rest,
        ...(phone?.trim() ? { phone } : {}),
        claimFen: yuanToFen(claim) ?? 0,
      })}
      done="已登记申请人"
      testId="applicant"
      width={520}
    >
      <Form.Item label="姓名" name="name" rules={[{ required: true, message: '请填写姓名' }]}>
        <Input maxLength={50} data-testid="applicant-name" />
      </Form.Item>
      <Form.Item label="身份证号" name="idNumber" rules={[{ required: true, message: '请填写身份证号' }]}>
        <Input maxLength={30} data-testid="applicant-id-number" />
      </Form.Item>
      <Form.Item label="联系电话" name="phone">
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item label="人员类别" name="category" rules={[{ required: true, message: '请选择人员类别' }]}>
        <Select options={categoryOptions} data-testid="applicant-category" />
      </Form.Item>
      <Form.Item
        label="请求金额"
        name="claim"
        rules={[
          { required: true, message: '请输入金额' },
          {
            validator: async (_r, value) =>
              yuanToFen(String(value ?? '')) === null
                ? Promise.reject(new Error('金额格式不正确'))
                : undefined,
          },
        ]}
      >
        <Input suffix="元" inputMode="decimal" data-testid="applicant-claim" />
      </Form.Item>
    </FormModal>
  );
}

type TRecoveryValues = { amount: string; paidOn: Dayjs; reason?: string };

function RecoveryModal({
  caseId,
  applicant,
  onClose,
}: {
  caseId: number;
  applicant: TApplicant;
  onClose: () => void;
}) {
  return (
    <FormModal
      title={`记录追回金额：${applicant.name}（请求 ${yuan(applicant.claimFen)}）`}
      open
      onClose={onClose}
      mutation={useRecordRecovery(caseId, applicant.id)}
      toBody={(v: TRecoveryValues) => {
        const reason = v.reason?.trim();
        return {
          recoveredFen: yuanToFen(v.amount) ?? 0,
          paidOn: v.paidOn.format('YYYY-MM-DD'),
          ...(reason ? { confirmed: true, reason } : {}),
        };
      }}
      done="已记录，案件追回金额已按合计更新"
      testId="recovery"
      width={520}
    >
      <Form.Item
        label="追回金额"
        name="amount"
        rules={[
          { required: true, message: '请输入金额' },
          {
            validator: async (_r, value) =>
              yuanToFen(String(value ?? '')) === null
                ? Promise.reject(new Error('金额格式不正确'))
                : undefined,
          },
        ]}
      >
        <Input suffix="元" inputMode="decimal" data-testid="recovery-amount" />
      </Form.Item>
      <Form.Item label="支付日期" name="paidOn" rules={[{ required: true, message: '请选择支付日期' }]}>
        <DatePicker disabledDate={(day) => day.isAfter(chinaToday(), 'day')} data-testid="recovery-paid-on" />
      </Form.Item>
      <Form.Item label="超过请求金额的原因（仅超出时填写，视为确认）" name="reason">
        <Input.TextArea rows={2} maxLength={500} data-testid="recovery-reason" />
      </Form.Item>
    </FormModal>
  );
}

function ImportModal({ caseId, open, onClose }: { caseId: number; open: boolean; onClose: () => void }) {
  const importing = useImportApplicants(caseId);
  const close = () => {
    importing.reset();
    onClose();
  };
  return (
    <Modal title="导入申请人名单" open={open} onCancel={close} footer={null} destroyOnHidden width={640}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          title="人社部门或法律援助机构提供的 .xlsx：姓名、身份证号、联系电话、人员类别、请求金额（可含追回金额、支付日期）。有错误时整份不导入；同一身份证号合并为一人。"
        />
        {importing.data ? (
          <Alert
            type={importing.data.warnings.length > 0 ? 'warning' : 'success'}
            showIcon
            title={`新增 ${importing.data.added} 人${importing.data.merged ? `，合并 ${importing.data.merged} 人` : ''}`}
            description={importing.data.warnings.join('；') || undefined}
            data-testid="applicants-import-result"
          />
        ) : (
          <UploadXlsx
            buttonText="导入"
            pending={importing.isPending}
            error={importing.error}
            onSubmit={(file) => importing.mutate(file)}
            onReset={() => importing.reset()}
            testId="applicants-import"
          />
        )}
      </Space>
    </Modal>
  );
}

/** 支持起诉申请人: the respondent, the applicants, and the recovered total the case outcome shows. */
export function CaseApplicants({ caseId, mayEdit }: { caseId: number; mayEdit: boolean }) {
  const query = useSupportedProsecution(caseId);
  const [dialog, setDialog] = useState<'support' | 'import' | 'add' | null>(null);
  const [recovering, setRecovering] = useState<TApplicant | null>(null);
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  const data = query.data;
  const columns = [
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '身份证号', dataIndex: 'idNumber', width: 190 },
    { title: '联系电话', dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
    { title: '类别', dataIndex: 'categoryLabel', width: 110 },
    { title: '请求金额', dataIndex: 'claimFen', align: 'right' as const, render: yuan },
    { title: '追回金额', dataIndex: 'recoveredFen', align: 'right' as const, render: yuan },
    { title: '支付日期', dataIndex: 'paidOn', width: 110, render: (v: string | null) => v ?? '—' },
    ...(mayEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, a: TApplicant) => (
              <Button
                size="small"
                type="link"
                onClick={() => setRecovering(a)}
                data-testid={`recovery-${a.id}`}
              >
                记录追回
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Card
        title="支持起诉申请人"
        loading={query.isPending}
        data-testid="case-applicants"
        extra={
          mayEdit && (
            <Space>
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setDialog('support')}
                data-testid="edit-support"
              >
                被告单位和请求类别
              </Button>
              <Button
                size="small"
                icon={<PlusOutlined />}
                disabled={!data?.claimKind}
                onClick={() => setDialog('add')}
                data-testid="add-applicant"
              >
                登记申请人
              </Button>
              <Button
                size="small"
                icon={<UploadOutlined />}
                disabled={!data?.claimKind}
                onClick={() => setDialog('import')}
                data-testid="import-applicants"
              >
                导入名单
              </Button>
            </Space>
          )
        }
      >
        {data && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'respondent', label: '被告单位', children: data.respondent ?? '未填写' },
                { key: 'kind', label: '请求类别', children: data.claimKindLabel ?? '未填写' },
                { key: 'count', label: '申请人', children: `${data.totals.applicants} 人` },
                { key: 'claim', label: '请求金额合计', children: yuan(data.totals.claimFen) },
                {
                  key: 'recovered',
                  label: '追回金额合计',
                  children: (
                    <span data-testid="applicants-recovered-total">{yuan(data.totals.recoveredFen)}</span>
                  ),
                },
                { key: 'people', label: '已追回人数', children: `${data.totals.recoveredApplicants} 人` },
              ]}
            />
            {data.idNumbersMasked && <Alert type="info" showIcon title="非本案承办部门，身份证号部分隐藏" />}
            <Table<TApplicant>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={data.applicants}
              pagination={data.applicants.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 900 }}
              locale={{
                emptyText: data.claimKind ? '尚未登记申请人' : '请先填写被告单位和请求类别，再导入申请人名单',
              }}
              data-testid="applicants-table"
            />
          </Space>
        )}
        <SupportModal caseId={caseId} open={dialog === 'support'} onClose={() => setDialog(null)} />
        <AddApplicantModal caseId={caseId} open={dialog === 'add'} onClose={() => setDialog(null)} />
        <ImportModal caseId={caseId} open={dialog === 'import'} onClose={() => setDialog(null)} />
        {recovering && (
          <RecoveryModal caseId={caseId} applicant={recovering} onClose={() => setRecovering(null)} />
        )}
      </Card>
      {data && <SupportSteps caseId={caseId} data={data} mayEdit={mayEdit} />}
    </>
  );
}
