import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';

type TProps = {
  buttonText: string;
  pending: boolean;
  error: unknown;
  onSubmit: (file: File) => void;
  onReset: () => void;
  testId: string;
};

/** Choose one .xlsx, then send it; a refusal (naming rows and columns) shows below in full. */
export function UploadXlsx({ buttonText, pending, error, onSubmit, onReset, testId }: TProps) {
  const [file, setFile] = useState<File | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space data-testid={`${testId}-file`}>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            onReset();
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>选择 .xlsx 文件</Button>
        </Upload>
        <Button
          type="primary"
          disabled={!file}
          loading={pending}
          onClick={() => file && onSubmit(file)}
          data-testid={`${testId}-submit`}
        >
          {buttonText}
        </Button>
      </Space>
      {Boolean(error) && (
        <Alert type="error" showIcon title={errorText(error)} data-testid={`${testId}-error`} />
      )}
    </Space>
  );
}
