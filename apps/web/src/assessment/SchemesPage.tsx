import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  gradeLabels,
  indicatorDimensionLabels,
  indicatorDirectionLabels,
  indicatorSourceLabels,
  periodKindLabels,
  pointCategoryLabels,
  pointProposerLabels,
  pointTriggerLabels,
} from '@procura/domain/assessment/schemes';
import { caseTypes, type TCaseType } from '@procura/domain/cases/case-types';
import type { TCreatePeriodBody, TPeriod, TSchemeBody } from '@procura/server/assessment/schema';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorText } from '../api/errors.ts';
import { notifySuccess } from '../api/notify.ts';
import { FormModal } from '../shared/FormModal.tsx';
import { useClosePeriod, useCreatePeriod, usePeriod, useSaveScheme } from './api.ts';
import { usePeriodChoice } from './PeriodSelect.tsx';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

type TRule = TSchemeBody['pointRules'][number];
type TIndicator = TSchemeBody['indicators'][number];
type TNewPeriod = {
  name: string;
  kind: TCreatePeriodBody['kind'];
  range: [Dayjs, Dayjs];
  copyFromId: number | 'example';
};

const toBody = (p: TPeriod): TSchemeBody => ({
  appealDays: p.scheme.appealDays,
  pointRules: p.scheme.pointRules.map(({ id: _id, ...r }) => r),
  indicators: p.scheme.indicators.map(({ id: _id, ...i }) => i),
  gradeBands: p.scheme.gradeBands,
  difficulty: p.scheme.difficulty,
});

/**
 * 考核方案 (personnel): periods, each with its scheme — party-points rules, performance indicators
 * (weights summing to 100), grade bands with quotas. A new period copies the last; a closed one is
 * shown read-only.
 */
export default function SchemesPage() {
  const { periodId, setPeriodId, periods, select } = usePeriodChoice();
  const period = usePeriod(periodId);
  const save = useSaveScheme(periodId);
  const close = useClosePeriod();
  const create = useCreatePeriod();
  const [draft, setDraft] = useState<TSchemeBody | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (period.data) setDraft(toBody(period.data));
  }, [period.data]);
  const frozen = period.data?.status === 'closed';
  const weightSum = draft ? Math.round(draft.indicators.reduce((s, i) => s + i.weight, 0) * 100) / 100 : 0;

  const setRule = (index: number, patch: Partial<TRule>) =>
    setDraft(
      (d) => d && { ...d, pointRules: d.pointRules.map((r, i) => (i === index ? { ...r, ...patch } : r)) },
    );
  const setIndicator = (index: number, patch: Partial<TIndicator>) =>
    setDraft(
      (d) => d && { ...d, indicators: d.indicators.map((r, i) => (i === index ? { ...r, ...patch } : r)) },
    );

  return (
    <Card
      title="考核方案"
      extra={
        <Space wrap>
          {select}
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="period-new">
            新建考核周期
          </Button>
          {period.data && !frozen && (
            <Popconfirm
              title="关闭后该周期的方案和条目不能再修改，确定关闭？"
              onConfirm={() => close.mutate(period.data!.id, { onSuccess: () => notifySuccess('已关闭') })}
            >
              <Button danger data-testid="period-close">
                关闭周期
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {period.data?.isExample && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="示例方案：条款和指标仅示意方案的结构，不是任何正式文件的内容，请按本院规定修改后使用。"
        />
      )}
      {frozen && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该周期已关闭，方案冻结，仅供查看。" />
      )}
      {draft && period.data && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Space>
            <Typography.Text>
              周期：{period.data.startsOn} 至 {period.data.endsOn} · 版本 {period.data.revision}
            </Typography.Text>
            <Typography.Text>复核申请期限（天）</Typography.Text>
            <InputNumber
              min={1}
              max={365}
              value={draft.appealDays}
              disabled={frozen}
              onChange={(v) => setDraft({ ...draft, appealDays: v ?? 1 })}
              data-testid="scheme-appeal-days"
            />
          </Space>

          <Card
            size="small"
            title={
              <Space>
                业绩指标
                <Tag color={weightSum === 100 ? 'green' : 'red'} data-testid="scheme-weight-sum">
                  权重合计 {weightSum}
                </Tag>
              </Space>
            }
            extra={
              !frozen && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    setDraft({
                      ...draft,
                      indicators: [
                        ...draft.indicators,
                        {
                          code: `N${draft.indicators.length + 1}`,
                          name: '新指标',
                          dimension: 'quality',
                          unit: '项',
                          weight: 0,
                          direction: 'higher',
                          source: 'entered',
                          computedKey: null,
                        },
                      ],
                    })
                  }
                >
                  添加指标
                </Button>
              )
            }
          >
            <Table<TIndicator>
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={draft.indicators}
              columns={[
                {
                  title: '编号',
                  dataIndex: 'code',
                  width: 80,
                  render: (v: string, _r, i) => (
                    <Input
                      value={v}
                      disabled={frozen}
                      onChange={(e) => setIndicator(i, { code: e.target.value })}
                    />
                  ),
                },
                {
                  title: '名称',
                  dataIndex: 'name',
                  render: (v: string, _r, i) => (
                    <Input
                      value={v}
                      disabled={frozen}
                      onChange={(e) => setIndicator(i, { name: e.target.value })}
                    />
                  ),
                },
                {
                  title: '维度',
                  dataIndex: 'dimension',
                  width: 90,
                  render: (v: TIndicator['dimension'], _r, i) => (
                    <Select
                      value={v}
                      disabled={frozen}
                      options={options(indicatorDimensionLabels)}
                      onChange={(dimension: TIndicator['dimension']) => setIndicator(i, { dimension })}
                    />
                  ),
                },
                {
                  title: '单位',
                  dataIndex: 'unit',
                  width: 70,
                  render: (v: string, _r, i) => (
                    <Input
                      value={v}
                      disabled={frozen}
                      onChange={(e) => setIndicator(i, { unit: e.target.value })}
                    />
                  ),
                },
                {
                  title: '权重',
                  dataIndex: 'weight',
                  width: 100,
                  render: (v: number, r, i) => (
                    <InputNumber
                      value={v}
                      min={0}
                      max={100}
                      disabled={frozen}
                      onChange={(weight) => setIndicator(i, { weight: weight ?? 0 })}
                      data-testid={`indicator-weight-${r.code}`}
                    />
                  ),
                },
                {
                  title: '方向',
                  dataIndex: 'direction',
                  width: 110,
                  render: (v: TIndicator['direction'], _r, i) => (
                    <Select
                      value={v}
                      disabled={frozen}
                      options={options(indicatorDirectionLabels)}
                      onChange={(direction: TIndicator['direction']) => setIndicator(i, { direction })}
                    />
                  ),
                },
                {
                  title: '来源',
                  dataIndex: 'source',
                  width: 150,
                  render: (v: TIndicator['source'], r, i) => (
                    <Select
                      value={v}
                      disabled={frozen}
                      options={options(indicatorSourceLabels)}
                      onChange={(source) =>
                        setIndicator(i, {
                          source,
                          computedKey: source === 'entered' ? null : (r.computedKey ?? ''),
                        })
                      }
                    />
                  ),
                },
                {
                  title: '计算口径键',
                  dataIndex: 'computedKey',
                  width: 180,
                  render: (v: string | null, r, i) =>
                    r.source === 'computed' ? (
                      <Input
                        value={v ?? ''}
                        disabled={frozen}
                        onChange={(e) => setIndicator(i, { computedKey: e.target.value || null })}
                      />
                    ) : (
                      '—'
                    ),
                },
                {
                  key: 'remove',
                  width: 40,
                  render: (_v, _r, i) =>
                    !frozen && (
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label="删除指标"
                        onClick={() =>
                          setDraft({ ...draft, indicators: draft.indicators.filter((_, j) => j !== i) })
                        }
                      />
                    ),
                },
              ]}
            />
          </Card>

          <Card
            size="small"
            title="党员积分条款（政治、组织、廉洁、群众、工作、生活纪律和业务）"
            extra={
              !frozen && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    setDraft({
                      ...draft,
                      pointRules: [
                        ...draft.pointRules,
                        {
                          code: String(draft.pointRules.length + 1),
                          category: 'work',
                          title: '新条款',
                          points: 1,
                          evidenceRequired: true,
                          capPerPeriod: null,
                          proposer: 'departmentHead',
                          trigger: null,
                        },
                      ],
                    })
                  }
                >
                  添加条款
                </Button>
              )
            }
          >
            <Table<TRule>
              rowKey={(_, i) => String(i)}
              size="small"
              pagination={false}
              dataSource={draft.pointRules}
              columns={[
                {
                  title: '编号',
                  dataIndex: 'code',
                  width: 70,
                  render: (v: string, _r, i) => (
                    <Input
                      value={v}
                      disabled={frozen}
                      onChange={(e) => setRule(i, { code: e.target.value })}
                    />
                  ),
                },
                {
                  title: '类别',
                  dataIndex: 'category',
                  width: 120,
                  render: (v: TRule['category'], _r, i) => (
                    <Select
                      value={v}
                      disabled={frozen}
                      options={options(pointCategoryLabels)}
                      onChange={(category: TRule['category']) => setRule(i, { category })}
                    />
                  ),
                },
                {
                  title: '条款内容',
                  dataIndex: 'title',
                  width: 340,
                  render: (v: string, _r, i) => (
                    <Input
                      value={v}
                      disabled={frozen}
                      onChange={(e) => setRule(i, { title: e.target.value })}
                    />
                  ),
                },
                {
                  title: '分值',
                  dataIndex: 'points',
                  width: 90,
                  render: (v: number, _r, i) => (
                    <InputNumber
                      value={v}
                      disabled={frozen}
                      onChange={(points) => setRule(i, { points: points ?? 0 })}
                    />
                  ),
                },
                {
                  title: '每期上限',
                  dataIndex: 'capPerPeriod',
                  width: 100,
                  render: (v: number | null, _r, i) => (
                    <InputNumber
                      value={v}
                      min={0}
                      disabled={frozen}
                      placeholder="不限"
                      onChange={(cap) => setRule(i, { capPerPeriod: cap ?? null })}
                    />
                  ),
                },
                {
                  title: '须附证明',
                  dataIndex: 'evidenceRequired',
                  width: 80,
                  render: (v: boolean, _r, i) => (
                    <Checkbox
                      checked={v}
                      disabled={frozen}
                      onChange={(e) => setRule(i, { evidenceRequired: e.target.checked })}
                    />
                  ),
                },
                {
                  title: '可提出人',
                  dataIndex: 'proposer',
                  width: 150,
                  render: (v: TRule['proposer'], _r, i) => (
                    <Select
                      value={v}
                      disabled={frozen}
                      options={options(pointProposerLabels)}
                      onChange={(proposer: TRule['proposer']) => setRule(i, { proposer })}
                    />
                  ),
                },
                {
                  title: '自动来源',
                  dataIndex: 'trigger',
                  width: 200,
                  render: (v: TRule['trigger'], _r, i) => (
                    <Select
                      value={v}
                      allowClear
                      placeholder="无（人工提出）"
                      disabled={frozen}
                      options={options(pointTriggerLabels)}
                      onChange={(trigger: TRule['trigger']) => setRule(i, { trigger: trigger ?? null })}
                    />
                  ),
                },
                {
                  key: 'remove',
                  width: 40,
                  render: (_v, _r, i) =>
                    !frozen && (
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label="删除条款"
                        onClick={() =>
                          setDraft({ ...draft, pointRules: draft.pointRules.filter((_, j) => j !== i) })
                        }
                      />
                    ),
                },
              ]}
            />
          </Card>

          <Card size="small" title="考核等次与比例">
            <Table
              rowKey="grade"
              size="small"
              pagination={false}
              dataSource={draft.gradeBands}
              columns={[
                {
                  title: '等次',
                  dataIndex: 'grade',
                  render: (g: keyof typeof gradeLabels) => gradeLabels[g],
                },
                {
                  title: '最低分',
                  dataIndex: 'minScore',
                  render: (v: number, _r, i) => (
                    <InputNumber
                      value={v}
                      min={0}
                      disabled={frozen}
                      onChange={(minScore) =>
                        setDraft({
                          ...draft,
                          gradeBands: draft.gradeBands.map((b, j) =>
                            j === i ? { ...b, minScore: minScore ?? 0 } : b,
                          ),
                        })
                      }
                    />
                  ),
                },
                {
                  title: '比例上限（%）',
                  dataIndex: 'quotaPercent',
                  render: (v: number | null, _r, i) => (
                    <InputNumber
                      value={v}
                      min={0}
                      max={100}
                      placeholder="不限"
                      disabled={frozen}
                      onChange={(quotaPercent) =>
                        setDraft({
                          ...draft,
                          gradeBands: draft.gradeBands.map((b, j) =>
                            j === i ? { ...b, quotaPercent: quotaPercent ?? null } : b,
                          ),
                        })
                      }
                    />
                  ),
                },
              ]}
            />
          </Card>

          <Card size="small" title="难度系数（办案数按案件类型折算；未填的类型按 1.0 计）">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              data-testid="scheme-difficulty"
              dataSource={Object.values(caseTypes)}
              columns={[
                { title: '案件类型', dataIndex: 'name' },
                {
                  title: '难度系数',
                  dataIndex: 'id',
                  render: (type: TCaseType) => (
                    <InputNumber
                      value={draft.difficulty?.find((d) => d.caseType === type)?.coefficient ?? null}
                      min={0.01}
                      max={10}
                      step={0.1}
                      placeholder="1.0"
                      disabled={frozen}
                      data-testid={`difficulty-${type}`}
                      onChange={(coefficient) => {
                        const rest = (draft.difficulty ?? []).filter((d) => d.caseType !== type);
                        setDraft({
                          ...draft,
                          difficulty:
                            coefficient === null ? rest : [...rest, { caseType: type, coefficient }],
                        });
                      }}
                    />
                  ),
                },
              ]}
            />
          </Card>

          {save.error && (
            <Alert type="error" showIcon title={errorText(save.error)} data-testid="scheme-save-error" />
          )}
          {!frozen && (
            <Button
              type="primary"
              loading={save.isPending}
              onClick={() => save.mutate(draft, { onSuccess: () => notifySuccess('方案已保存') })}
              data-testid="scheme-save"
            >
              保存方案
            </Button>
          )}
        </Space>
      )}

      <FormModal<TNewPeriod, TCreatePeriodBody, TPeriod>
        title="新建考核周期"
        open={creating}
        onClose={() => setCreating(false)}
        mutation={create}
        testId="period-create"
        done="已新建考核周期"
        onDone={(p) => setPeriodId(p.id)}
        initialValues={{ kind: 'year', copyFromId: periods.data?.[0]?.id ?? 'example' }}
        toBody={(v) => ({
          name: v.name,
          kind: v.kind,
          startsOn: v.range[0].format('YYYY-MM-DD'),
          endsOn: v.range[1].format('YYYY-MM-DD'),
          copyFromId: v.copyFromId === 'example' ? null : v.copyFromId,
        })}
      >
        <Form.Item name="name" label="周期名称" rules={[{ required: true, message: '请填写周期名称' }]}>
          <Input maxLength={60} placeholder="如：2027年度" data-testid="period-create-name" />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={options(periodKindLabels)} />
        </Form.Item>
        <Form.Item name="range" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker data-testid="period-create-range" />
        </Form.Item>
        <Form.Item name="copyFromId" label="方案来源">
          <Select
            data-testid="period-create-source"
            options={[
              ...(periods.data ?? []).map((p) => ({ value: p.id, label: `复制「${p.name}」的方案` })),
              { value: 'example', label: '示例方案（须按本院规定修改）' },
            ]}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
