import type { TClueTransfer } from '@procura/server/clues/schema';
import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { notifySuccess } from '../api/notify.ts';
import { chinaInstant, chinaPickerValue } from '../shared/dates.ts';
import { showFormError } from '../shared/formErrors.ts';
import { useLast } from '../shared/useLast.ts';
import { useRecordTransferFeedback } from './api.ts';

type TValues = { receivedAt?: Dayjs | null; receivedBy?: string; feedback?: string };

/** The outside body's receipt (回执) and what it did with the clue (反馈), recorded by the sender. */
export function TransferFeedbackModal({
  transfer: selected,
  onClose,
}: {
  transfer: TClueTransfer | null;
  onClose: () => void;
}) {
  const transfer = useLast(selected);
  const [form] = Form.useForm<TValues>();
  const record = useRecordTransferFeedback();

  const onFinish = (values: TValues) => {
    if (!transfer) return;
    record.mutate(
      {
        id: transfer.id,
        body: {
          receivedAt: values.receivedAt ? chinaInstant(values.receivedAt) : undefined,
          receivedBy: values.receivedBy?.trim() || undefined,
          feedback: values.feedback?.trim() || undefined,
        },
      },
      {
        onSuccess: () => {
          notifySuccess('已记录回执和反馈');
          onClose();
        },
        onError: (error) => showFormError(form, error, {}),
      },
    );
  };

  return (
    <Modal
      title={transfer ? `记录回执反馈：${transfer.toOutsideBody ?? ''}` : '记录回执反馈'}
      open={selected !== null}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      {transfer && (
        <Form
          form={form}
          name="transfer-feedback"
          layout="vertical"
          onFinish={onFinish}
          clearOnDestroy
          initialValues={{
            receivedAt: transfer.receivedAt ? chinaPickerValue(transfer.receivedAt) : null,
            receivedBy: transfer.receivedBy ?? undefined,
            feedback: transfer.feedback ?? undefined,
          }}
        >
          <Form.Item label="签收时间" name="receivedAt">
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item label="签收人" name="receivedBy" rules={[{ max: 64, message: '不能超过 64 个字' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="反馈"
            name="feedback"
            rules={[
              { max: 5000, message: '不能超过 5000 个字' },
              ({ getFieldValue }) => ({
                validator: async () => {
                  const any =
                    getFieldValue('receivedAt') ||
                    getFieldValue('receivedBy')?.trim() ||
                    getFieldValue('feedback')?.trim();
                  if (!any) throw new Error('请填写回执或反馈');
                },
              }),
            ]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
