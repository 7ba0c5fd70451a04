import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCalendarDay } from '@procura/server/calendar/schema';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Flex,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { notifyError, notifySuccess } from '../api/notify.ts';
import { chinaToday } from '../shared/dates.ts';
import { useCalendarYear, useDeleteCalendarDay, useSeedCalendarYear } from './api.ts';
import { CalendarDayModal } from './CalendarDayModal.tsx';
import { ImportCalendarModal } from './ImportCalendarModal.tsx';

const weekdays = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 节假日日历 (admin): a year's rest and 调休 working days, edited or imported. Loaded lazily. */
export default function CalendarPage() {
  const [year, setYear] = useState(() => chinaToday().year());
  const [dialog, setDialog] = useState<{ kind: 'day'; day: TCalendarDay | null } | { kind: 'import' } | null>(
    null,
  );
  const calendar = useCalendarYear(year);
  const remove = useDeleteCalendarDay();
  const seed = useSeedCalendarYear();

  // A year the software knows but nobody has stored yet is stored on first view, by a POST (once
  // per year and page: a failure is shown, not retried in a loop).
  const seedable = calendar.data?.seedable === true && calendar.data.year === year;
  const { mutate: seedYear, isPending: seeding } = seed;
  const asked = useRef(new Set<number>());
  useEffect(() => {
    if (!seedable || asked.current.has(year)) return;
    asked.current.add(year);
    seedYear(year, { onError: (error: unknown) => notifyError(error) });
  }, [seedable, seedYear, year]);

  const columns: TableColumnsType<TCalendarDay> = [
    { title: '日期', dataIndex: 'date', width: 120 },
    { title: '星期', key: 'weekday', width: 80, render: (_, d) => weekdays[dayjs(d.date).day()] },
    {
      title: '类型',
      key: 'kind',
      width: 100,
      render: (_, d) => (
        <Tag color={d.kind === 'rest' ? 'red' : 'blue'}>{d.kind === 'rest' ? '休' : '班（调休）'}</Tag>
      ),
    },
    { title: '名称', dataIndex: 'name', render: (name: string | null) => name ?? '—' },
    {
      title: '来源',
      key: 'source',
      width: 190,
      render: (_, d) => <Tag color={d.source === 'chinese-days' ? 'default' : 'green'}>{d.sourceLabel}</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, d) => (
        <Space>
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDialog({ kind: 'day', day: d })}
            data-testid={`calendar-edit-${d.date}`}
          >
            修改
          </Button>
          <Popconfirm
            title={`删除 ${d.date} 的安排？`}
            okText="删除"
            cancelText="取消"
            onConfirm={() =>
              remove.mutateAsync(d.date).then(
                () => notifySuccess('已删除'),
                (error: unknown) => notifyError(error),
              )
            }
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid={`calendar-delete-${d.date}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const days = calendar.data?.days ?? [];
  const restCount = days.filter((d) => d.kind === 'rest').length;

  return (
    <Card
      title="节假日日历"
      extra={
        <Space>
          <DatePicker
            picker="year"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(value) => value && setYear(value.year())}
            data-testid="calendar-year"
          />
          <Button
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'day', day: null })}
            data-testid="calendar-add"
          >
            新增
          </Button>
          <Button
            type="primary"
            icon={<ImportOutlined />}
            onClick={() => setDialog({ kind: 'import' })}
            data-testid="calendar-import"
          >
            导入国务院通知
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title="期限计算依据本表：到期日落在“休”日的顺延至其后第一个工作日，“班”为调休上班日。"
          description="某一年没有节假日数据时，涉及该年的期限只按周末推算，并在期限旁显示警告。国务院每年发布次年安排后，请及时录入或导入。"
        />
        {calendar.data && !calendar.data.loaded && (
          <Alert
            type="warning"
            showIcon
            title={`${year} 年尚无节假日数据`}
            description="涉及该年的期限会带有警告。请导入国务院办公厅的节假日安排通知。"
            data-testid="calendar-not-loaded"
          />
        )}
        <Table<TCalendarDay>
          rowKey="date"
          size="small"
          columns={columns}
          dataSource={days}
          loading={calendar.isFetching || seeding}
          pagination={false}
          title={() => `${year} 年：休 ${restCount} 天，调休上班 ${days.length - restCount} 天`}
          locale={{ emptyText: `${year} 年尚无安排` }}
          data-testid="calendar-table"
        />
      </Flex>
      <CalendarDayModal
        open={dialog?.kind === 'day'}
        day={dialog?.kind === 'day' ? dialog.day : null}
        year={year}
        onClose={() => setDialog(null)}
      />
      <ImportCalendarModal year={year} open={dialog?.kind === 'import'} onClose={() => setDialog(null)} />
    </Card>
  );
}
