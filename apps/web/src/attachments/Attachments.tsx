import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { acceptedExtensions, checkAttachment } from '@procura/domain/attachments/file-kinds';
import type { TAttachment } from '@procura/server/attachments/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, List, Typography, Upload } from 'antd';
import { api, apiDownload } from '../api/client.ts';
import { ApiError, errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { formatDateTime } from '../shared/dates.ts';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * Files on a clue or a suggestion reply: the list with downloads and, for those who may add
 * files, an upload that checks the file in the browser first (the server checks again) and
 * says which file was refused and why.
 */
export function Attachments(props: {
  /** `/api/clues/1/attachments` or `/api/suggestions/2/attachments` */
  basePath: string;
  files: TAttachment[];
  canUpload: boolean;
  /** Query keys to refresh after an upload. */
  refresh: readonly unknown[][];
  testId: string;
}) {
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const check = checkAttachment(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!check.ok) throw new ApiError(400, 'VALIDATION', check.message);
      return api<TAttachment>(props.basePath, { method: 'POST', query: { name: file.name }, file });
    },
    meta: { silent: true },
    onSuccess: async (stored) => {
      notifySuccess(`已上传 ${stored.fileName}`);
      await Promise.all(props.refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
  const download = useMutation({
    mutationFn: (id: number) => apiDownload(`${props.basePath}/${id}`),
    meta: { silent: true },
  });
  const error = upload.error ?? download.error;

  return (
    <Flex vertical gap={8} data-testid={props.testId}>
      {props.files.length > 0 ? (
        <List
          size="small"
          dataSource={props.files}
          renderItem={(file) => (
            <List.Item key={file.id}>
              <Flex gap={8} align="center" wrap>
                <PaperClipOutlined />
                <Typography.Link
                  onClick={() => download.mutate(file.id)}
                  data-testid={`attachment-${file.id}`}
                >
                  {file.fileName}
                </Typography.Link>
                <Typography.Text type="secondary">
                  {sizeText(file.size)} · {file.uploadedBy.name} · {formatDateTime(file.uploadedAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">暂无附件</Typography.Text>
      )}
      {props.canUpload && (
        <Upload
          accept={acceptedExtensions}
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            data-testid={`${props.testId}-upload`}
          >
            上传附件
          </Button>
        </Upload>
      )}
      {props.canUpload && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          可上传 PDF、JPEG/PNG 图片、Word、Excel、纯文本，单个文件不超过 20 MB
        </Typography.Text>
      )}
      {error && (
        <Alert type="error" showIcon title={errorText(error)} data-testid={`${props.testId}-error`} />
      )}
    </Flex>
  );
}
