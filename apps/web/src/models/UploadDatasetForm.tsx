import { UploadOutlined } from '@ant-design/icons';
import type { TDatasetKind, TUploadResult } from '@procura/server/models/schema';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { errorText } from '../api/errors.ts';
import { uploadDataset } from './upload.ts';

/** 上传数据集: the kind first (which columns it needs), then the file; progress while it goes. */
export function UploadDatasetForm({
  kinds,
  onUploaded,
}: {
  kinds: TDatasetKind[];
  onUploaded: (r: TUploadResult) => void;
}) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<string>();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const chosen = kinds.find((k) => k.id === kind);

  const send = async (file: File) => {
    if (!kind) return;
    setError(null);
    setPercent(0);
    try {
      const result = await uploadDataset(file, kind, setPercent);
      await queryClient.invalidateQueries({ queryKey: ['models'] });
      onUploaded(result);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setPercent(null);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Select
          placeholder="数据集类型（对应模型的哪一项输入）"
          style={{ width: 360 }}
          value={kind}
          onChange={setKind}
          options={kinds.map((k) => ({ value: k.id, label: k.label }))}
          data-testid="dataset-kind"
        />
        <input
          ref={input}
          type="file"
          accept=".csv,.txt,.xlsx,.xls"
          hidden
          data-testid="dataset-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void send(file);
          }}
        />
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={!kind || percent !== null}
          loading={percent !== null}
          onClick={() => input.current?.click()}
          data-testid="dataset-upload"
        >
          选择文件并上传
        </Button>
      </Flex>
      {chosen && (
        <Typography.Text type="secondary">
          需要的列：{chosen.columns.map((c) => (c.required ? c.label : `${c.label}（可选）`)).join('、')}
          ；用于：
          {chosen.models.join('、')}。支持 CSV（UTF-8 或 GBK）、.xlsx、.xls，常见中文表头自动识别。
        </Typography.Text>
      )}
      {percent !== null && (
        <Progress
          percent={percent}
          status="active"
          format={(p) => (p === 100 ? '清洗中…' : `${p}%`)}
          data-testid="upload-progress"
        />
      )}
      {error && (
        <Alert type="error" showIcon message="上传失败" description={error} data-testid="upload-error" />
      )}
    </Flex>
  );
}
