import { pilFields, protectedObjectKinds, type TPilField } from '@procura/domain/public-interest-fields';

/** 公益诉讼领域 as select options, in the domain's order. */
export const pilFieldOptions = (Object.entries(pilFields) as [TPilField, string][]).map(([value, label]) => ({
  value,
  label,
}));

export const protectedObjectKindOptions = Object.entries(protectedObjectKinds).map(([value, label]) => ({
  value,
  label,
}));
