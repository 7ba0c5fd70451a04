import { type ColumnKey, listModels, type TInput, type TModelSpec } from '@procura/collide';

/** What an uploaded file is: the model input it serves, with the columns cleaned for it. */
export interface DatasetKind {
  id: string;
  label: string;
  /** every column any model taking this kind reads; see `mergeInputs` */
  input: TInput;
  /** models that take it, by name */
  models: string[];
}

type Column = TInput['columns'][ColumnKey];

/**
 * One input for every model that takes the same data: all their columns, each required and
 * blank-refusing only if every model says so. A model stricter than the kind is made strict
 * again when it runs (see runOnSnapshots in packages/collide).
 */
function mergeInputs(inputs: TInput[]): TInput {
  const keys = [...new Set(inputs.flatMap((input) => Object.keys(input.columns) as ColumnKey[]))];
  const columns: TInput['columns'] = {};
  for (const key of keys) {
    const all = inputs.map((input) => input.columns[key]);
    const present = all.filter((column): column is NonNullable<Column> => column !== undefined);
    const everywhere = present.length === all.length;
    columns[key] = {
      optional: !everywhere || present.some((c) => c.optional),
      blank: everywhere && present.every((c) => c.blank === 'reject') ? 'reject' : 'allow',
      ...(present.find((c) => c.blankMeans)
        ? { blankMeans: present.find((c) => c.blankMeans)!.blankMeans }
        : {}),
    };
  }
  return { role: inputs[0]!.role, label: inputs[0]!.label, columns };
}

/**
 * Kinds come from the built-in models: inputs with the same role and label are the same data
 * (服刑人员名单 for prisoner-subsidy and prisoner-pension), uploaded once; a role name that
 * means different data in different models (records: 禁驾记录 vs 违法犯罪记录) becomes
 * `model:role`.
 */
function buildKinds(models: TModelSpec[]): { kinds: DatasetKind[]; byInput: Map<string, DatasetKind> } {
  const uses = new Map<string, { model: TModelSpec; input: TInput }[]>();
  for (const model of models) {
    for (const input of model.inputs)
      uses.set(input.role, [...(uses.get(input.role) ?? []), { model, input }]);
  }
  const groups = new Map<string, { model: TModelSpec; input: TInput }[]>();
  for (const [role, list] of uses) {
    const shared = list.every(({ input }) => input.label === list[0]!.input.label);
    for (const use of list) {
      const id = shared ? role : `${use.model.id}:${role}`;
      groups.set(id, [...(groups.get(id) ?? []), use]);
    }
  }
  const kinds: DatasetKind[] = [];
  const byInput = new Map<string, DatasetKind>();
  for (const [id, list] of groups) {
    const kind = {
      id,
      label: list[0]!.input.label,
      input: mergeInputs(list.map((use) => use.input)),
      models: list.map((use) => use.model.name),
    };
    kinds.push(kind);
    for (const use of list) byInput.set(`${use.model.id}\u0000${use.input.role}`, kind);
  }
  // In the order the models list their inputs, as the CLI does.
  const order = models.flatMap((model) =>
    model.inputs.map((input) => byInput.get(`${model.id}\u0000${input.role}`)!),
  );
  return { kinds: kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b)), byInput };
}

const built = buildKinds(listModels());

export const datasetKinds: readonly DatasetKind[] = built.kinds;

export function findKind(id: string): DatasetKind | undefined {
  return built.kinds.find((kind) => kind.id === id);
}

/** The kind of data set a model's input takes. */
export function kindOf(modelId: string, role: string): DatasetKind {
  const kind = built.byInput.get(`${modelId}\u0000${role}`);
  if (!kind) throw new Error(`no dataset kind for ${modelId}.${role}`);
  return kind;
}
