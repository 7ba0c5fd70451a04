import type { TDepartment, TDepartmentSettingsBody } from '@procura/server/departments/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';

export function fetchDepartments(): Promise<TDepartment[]> {
  return api<TDepartment[]>('/api/departments');
}

export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: fetchDepartments, staleTime: 60_000 });
}

/** Options for a department Select, grouped by line of work. */
export function departmentOptions(departments: TDepartment[] | undefined) {
  const groups = new Map<string, { label: string; value: number }[]>();
  for (const department of departments ?? []) {
    const group = groups.get(department.lineLabel) ?? [];
    group.push({ label: department.name, value: department.id });
    groups.set(department.lineLabel, group);
  }
  return [...groups].map(([label, options]) => ({ label, title: label, options }));
}

/** 部门设置 (admin): the clue assessment period and the 检察建议文号代字. */
export function useUpdateDepartmentSettings(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TDepartmentSettingsBody) =>
      api<TDepartment>(`/api/departments/${id}/settings`, { method: 'PATCH', body }),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['departments'] }),
  });
}
