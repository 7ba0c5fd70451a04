import { Button, Card, Empty, Flex, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useMe } from '../auth/hooks.ts';
import { chinaToday } from '../shared/dates.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useAppeal, useEntries, usePeople, usePeriod } from './api.ts';
import { EntryTable } from './EntryTable.tsx';
import { usePeriodChoice } from './PeriodSelect.tsx';
import { ProposeEntryModal } from './ProposeEntryModal.tsx';

/** 我的考核: one's own entries in a period, 填报 (submitted to the head), and 复核 of an entry. */
export default function MyAssessmentPage() {
  const me = useMe();
  const { periodId, select } = usePeriodChoice();
  const period = usePeriod(periodId);
  const entries = useEntries({ periodId, mine: true });
  const people = usePeople();
  const appeal = useAppeal();
  const [proposing, setProposing] = useState(false);
  const [appealing, setAppealing] = useState<number | null>(null);
  const today = chinaToday().format('YYYY-MM-DD');
  const open = period.data?.status === 'open';
  return (
    <Card
      title="我的考核"
      extra={
        <Space>
          {select}
          {open && me.actions.includes('assessment.propose') && (
            <Button type="primary" onClick={() => setProposing(true)} data-testid="mine-propose">
              填报 / 申报
            </Button>
          )}
        </Space>
      }
    >
      {periodId === null && !entries.isLoading ? (
        <Empty description="尚未建立考核周期" />
      ) : (
        <EntryTable
          testId="mine-entries"
          showPerson={false}
          entries={entries.data ?? []}
          loading={entries.isLoading}
          canUpload={(e) => open && ['submitted', 'reviewed'].includes(e.status)}
          actions={(e) =>
            e.status === 'approved' && !e.appeal && e.appealClosesOn && today <= e.appealClosesOn ? (
              <Button
                size="small"
                onClick={() => setAppealing(e.id)}
                data-testid={`entry-appeal-open-${e.id}`}
              >
                申请复核
              </Button>
            ) : null
          }
        />
      )}
      {period.data && proposing && (
        <ProposeEntryModal
          open={proposing}
          onClose={() => setProposing(false)}
          period={period.data}
          people={(people.data ?? []).filter((p) => p.id === me.id)}
          defaultUserId={me.id}
        />
      )}
      <FormModal<{ reason: string }, { id: number; reason: string }>
        title="申请复核（每个条目一次）"
        open={appealing !== null}
        onClose={() => setAppealing(null)}
        mutation={appeal}
        testId="appeal"
        done="复核申请已提交"
        toBody={(v) => ({ id: appealing!, reason: v.reason })}
      >
        <Flex vertical>
          <Form.Item name="reason" label="复核理由" rules={[{ required: true, message: '请填写复核理由' }]}>
            <Input.TextArea rows={4} maxLength={1000} data-testid="appeal-reason" />
          </Form.Item>
        </Flex>
      </FormModal>
    </Card>
  );
}
