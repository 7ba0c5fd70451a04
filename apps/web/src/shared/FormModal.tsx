import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';

/**
 * One modal form: fields as children, the server's Chinese error shown above them, closed once the
 * mutation succeeds with a success message (`done`, which may read the answer) and then `onDone`.
 * The submit button and the error carry the test ids `${testId}-submit` and `${testId}-error`.
 */
export function FormModal<TValues, TBody, TResult = unknown>({
  title,
  open,
  onClose,
  mutation,
  toBody,
  done,
  onDone,
  children,
  testId,
  form: given,
  initialValues,
  okText = '提交',
  width = 640,
}: {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  mutation: UseMutationResult<TResult, Error, TBody>;
  toBody: (values: TValues) => TBody;
  done?: string | ((result: TResult) => string);
  onDone?: (result: TResult) => void;
  children: ReactNode;
  testId: string;
  form?: FormInstance<TValues>;
  initialValues?: Partial<TValues>;
  okText?: string;
  width?: number;
}) {
  const [own] = Form.useForm<TValues>();
  const form = given ?? own;
  const close = () => {
    mutation.reset();
    onClose();
  };
  return (
    <Modal
      title={title}
      open={open}
      okText={okText}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
      destroyOnHidden
      width={width}
    >
      {mutation.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(mutation.error)}
          style={{ marginBottom: 16 }}
          data-testid={`${testId}-error`}
        />
      )}
      <Form
        form={form}
        name={testId}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues}
        onFinish={(values) =>
          mutation.mutate(toBody(values as TValues), {
            onSuccess: (result) => {
              if (done) notifySuccess(typeof done === 'string' ? done : done(result));
              close();
              onDone?.(result);
            },
          })
        }
      >
        {children}
      </Form>
    </Modal>
  );
}
