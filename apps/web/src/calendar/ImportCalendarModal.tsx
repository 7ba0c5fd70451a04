import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { importBodyOf, useImportCalendar } from './api.ts';

/** 导入国务院通知: a .csv or .xlsx (日期, 类型 休/班, 名称) that replaces the year's days. */
export function ImportCalendarModal({
  year,
  open,
  onClose,
}: {
  year: number;
  open: boolean;
  onClose: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const importer = useImportCalendar();
  const close = () => {
    importer.reset();
    setFile(null);
    onClose();
  };

  const submit = async () => {
    if (!file) return;
    importer.mutate(
      { year, body: await importBodyOf(file) },
      {
        onSuccess: (result) => {
          notifySuccess(`已导入 ${result.year} 年 ${result.imported} 天的安排`);
          close();
        },
      },
    );
  };

  return (
    <Modal
      title={`导入 ${year} 年节假日安排`}
      open={open}
      okText="导入"
      onOk={submit}
      onCancel={close}
      confirmLoading={importer.isPending}
      okButtonProps={{ disabled: !file, 'data-testid': 'calendar-import-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        按国务院办公厅当年发布的节假日安排通知整理成 .xlsx 或 .csv 文件，三列：<b>日期</b>（YYYY-MM-DD）、
        <b>类型</b>（休 或 班）、<b>名称</b>；第一行可为表头。导入将<b>替换</b> {year} 年的全部安排；
        任何一行有误则不做任何修改。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" copyable={{ text: '日期,类型,名称\n2027-01-01,休,元旦' }}>
        示例：日期,类型,名称 ／ 2027-01-01,休,元旦
      </Typography.Paragraph>
      {importer.error && (
        <Alert
          type="error"
          showIcon
          title={errorText(importer.error)}
          style={{ marginBottom: 16 }}
          data-testid="calendar-import-error"
        />
      )}
      <Upload
        accept=".csv,.xlsx"
        maxCount={1}
        beforeUpload={(chosen) => {
          setFile(chosen);
          importer.reset();
          return false;
        }}
        onRemove={() => setFile(null)}
        fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : []}
        data-testid="calendar-import-file"
      >
        <Button icon={<UploadOutlined />}>选择文件</Button>
      </Upload>
    </Modal>
  );
}
