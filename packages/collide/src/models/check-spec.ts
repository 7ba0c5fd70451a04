import { type ColumnKey, canonicalColumns } from '../import/columns.ts';
import type { TModelSpec, TOperand } from './spec.ts';

export interface SpecError {
  /** where in the spec, e.g. conditions.0.from */
  path: string;
  message: string;
}

/** The column an operand names, if it names one: [role, column]. */
export function operandColumn(operand: TOperand): [string, ColumnKey] | null {
  if (typeof operand !== 'string') return null;
  const [role, column] = operand.split('.') as [string, ColumnKey];
  return [role, column];
}

/** Checks what Zod cannot: roles and columns that exist, types that fit each condition. */
export function checkSpec(spec: TModelSpec): SpecError[] {
  const errors: SpecError[] = [];
  const inputs = new Map(spec.inputs.map((input) => [input.role, input]));
  if (inputs.size !== spec.inputs.length) errors.push({ path: 'inputs', message: '输入的角色名重复' });
  const checkRole = (role: string, path: string) => {
    if (!inputs.has(role))
      errors.push({ path, message: `没有名为 ${role} 的输入（有：${[...inputs.keys()].join('、')}）` });
  };
  checkRole(spec.subject.facts, 'subject.facts');
  checkRole(spec.subject.against, 'subject.against');
  if (spec.subject.facts === spec.subject.against) {
    errors.push({ path: 'subject.against', message: '比对的两个输入必须不同' });
  }
  spec.subject.keys.forEach((key, i) => {
    for (const role of [spec.subject.facts, spec.subject.against]) {
      if (inputs.has(role) && !(key in inputs.get(role)!.columns)) {
        errors.push({ path: `subject.keys.${i}`, message: `输入 ${role} 没有用于匹配的列 ${key}` });
      }
    }
  });
  if (spec.subject.suspected) {
    const ok =
      spec.subject.mode === 'present' &&
      spec.subject.keys.length === 1 &&
      spec.subject.keys[0] === 'idNumber' &&
      [spec.subject.facts, spec.subject.against].every((role) => 'name' in (inputs.get(role)?.columns ?? {}));
    if (!ok) {
      errors.push({
        path: 'subject.suspected',
        message: '疑似匹配只用于按身份证号匹配、两个输入都有姓名列、mode 为 present 的模型',
      });
    }
  }
  const typeOf = (operand: TOperand, path: string): string | null => {
    const named = operandColumn(operand);
    if (!named) {
      if (typeof operand === 'string') return null;
      if ('date' in operand || 'param' in operand) return 'date';
      if ('number' in operand) return 'number';
      return 'text';
    }
    const [role, column] = named;
    const input = inputs.get(role);
    if (!input) {
      errors.push({ path, message: `没有名为 ${role} 的输入` });
      return null;
    }
    if (!(column in input.columns)) {
      errors.push({ path, message: `输入 ${role} 没有列 ${column}` });
      return null;
    }
    if (role !== spec.subject.facts && role !== spec.subject.against) {
      errors.push({ path, message: `${role} 不参与比对` });
    }
    return canonicalColumns[column].type;
  };
  const isTime = (type: string | null) => type === null || type === 'date' || type === 'month';
  spec.conditions.forEach((condition, i) => {
    const at = `conditions.${i}`;
    if (condition.kind === 'within') {
      for (const part of ['value', 'from', 'to'] as const) {
        if (!isTime(typeOf(condition[part], `${at}.${part}`))) {
          errors.push({ path: `${at}.${part}`, message: '区间条件只能用于日期或月份' });
        }
      }
    } else if (condition.kind === 'compare') {
      const left = typeOf(condition.left, `${at}.left`);
      const right = typeOf(condition.right, `${at}.right`);
      const fits =
        left === null ||
        right === null ||
        left === right ||
        (isTime(left) && isTime(right)) ||
        (left === 'amount' && right === 'number') ||
        (right === 'amount' && left === 'number') ||
        (['text', 'name', 'idNumber', 'vehicleCode'].includes(left) && right === 'text');
      if (!fits) errors.push({ path: at, message: `不能比较 ${left} 和 ${right}` });
      if (condition.unit === 'month' && !(isTime(left) && isTime(right))) {
        errors.push({ path: `${at}.unit`, message: '按月比较只能用于日期或月份' });
      }
    } else {
      typeOf(condition.column, `${at}.column`);
    }
  });
  if (spec.aggregate.amount !== undefined) {
    const named = operandColumn(spec.aggregate.amount);
    const type = typeOf(spec.aggregate.amount, 'aggregate.amount');
    if (!named || named[0] !== spec.subject.facts || type !== 'amount') {
      errors.push({ path: 'aggregate.amount', message: `金额合计只能用 ${spec.subject.facts} 的金额列` });
    }
  }
  for (const match of spec.explanation.matchAll(/\{([^}]*)\}/g)) {
    const placeholder = match[1]!;
    if (['name', 'idNumber', 'subject', 'count', 'amount'].includes(placeholder)) continue;
    for (const part of placeholder.replace(/\|(min|max)$/, '').split('~')) {
      if (!/^[a-z][a-zA-Z0-9]*\.[a-zA-Z]+$/.test(part)) {
        errors.push({ path: 'explanation', message: `说明模板中的 {${placeholder}} 无法识别` });
        break;
      }
      typeOf(part, 'explanation');
    }
  }
  return errors;
}
