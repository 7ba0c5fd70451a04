import { ArrowDownOutlined, ArrowUpOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { TFigure } from '@procura/server/cockpit/schema';
import { Card, Tooltip, Typography, theme } from 'antd';
import { formatFigure, yearOnYear } from './format.ts';

/** One figure: its value, 同比 beside it, 口径 on hover; a click opens the list it counts. */
export function FigureCard({ figure, onOpen }: { figure: TFigure; onOpen: (figure: TFigure) => void }) {
  const { token } = theme.useToken();
  const change = yearOnYear(figure.value, figure.previous);
  const colour =
    change.trend === 'up'
      ? token.colorSuccess
      : change.trend === 'down'
        ? token.colorError
        : token.colorTextSecondary;
  const clickable = figure.list !== null;
  return (
    <Card
      size="small"
      hoverable={clickable}
      onClick={clickable ? () => onOpen(figure) : undefined}
      data-testid={`figure-${figure.metricId}`}
      style={{ height: '100%' }}
    >
      <Typography.Text type="secondary">
        {figure.name}{' '}
        <Tooltip title={<span data-testid={`definition-${figure.metricId}`}>口径：{figure.definition}</span>}>
          <InfoCircleOutlined data-testid={`definition-icon-${figure.metricId}`} />
        </Tooltip>
      </Typography.Text>
      <div
        style={{ fontSize: 24, fontWeight: 600, color: token.colorPrimary, margin: '4px 0' }}
        data-testid={`figure-value-${figure.metricId}`}
      >
        {formatFigure(figure.value, figure)}
      </div>
      <Typography.Text style={{ color: colour, fontSize: 12 }} data-testid={`figure-yoy-${figure.metricId}`}>
        同比{' '}
        {change.trend === 'up' ? <ArrowUpOutlined /> : change.trend === 'down' ? <ArrowDownOutlined /> : null}{' '}
        {change.text}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          （去年同期 {formatFigure(figure.previous, figure)}）
        </Typography.Text>
      </Typography.Text>
      {figure.note ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {figure.note}
          </Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}
