import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';

/**
 * One modal form for the juvenile pages: fields as children, the server's Chinese error shown
 * above them, closed with a success message once the mutation succeeds.
 */
export function FormModal<TValues, TBody>({
  title,
  open,
  onClose,
  mutation,
  toBody,
  done,
  children,
  testId,
  form: given,
  initialValues,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  // biome-ignore lint/suspicious/noExplicitAny: the response type does not matter here
  mutation: UseMutationResult<any, Error, TBody>;
  toBody: (values: TValues) => TBody;
  done: string;
  children: ReactNode;
  testId: string;
  form?: FormInstance<TValues>;
  initialValues?: Partial<TValues>;
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
      okText="提交"
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={mutation.isPending}
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
      destroyOnHidden
      width={640}
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
            onSuccess: () => {
              notifySuccess(done);
              close();
            },
          })
        }
      >
        {children}
      </Form>
    </Modal>
  );
}
