import { PageBreak, Paragraph } from 'docx';
import {
  addresseeLine,
  bodyLine,
  heading,
  renderOfficialDocument,
  rightLine,
} from '../documents/official-document.ts';
import type { TCheckBatchDetail } from './schema.ts';

const legalBasis = '《中华人民共和国未成年人保护法》第六十二条';

/** 入职查询结果告知函: one page per person, so the school files each with the hire's papers. */
export function renderResultLetters(
  batch: TCheckBatchDetail,
  options: { procuratorate: string; day: string },
): Promise<Buffer> {
  const pages = batch.people.flatMap((person, index) => {
    const outcome =
      person.result === 'clear'
        ? '查询结果：无相关记录。在本院载入的比对数据范围内，未发现该人员具有性侵害、虐待、拐卖、暴力伤害等违法犯罪记录。'
        : '查询结果：需人工核实。比对发现需要进一步核实的信息，本院未成年人检察部门将人工核实后另行书面告知；核实完成前，请暂缓作出录用决定。';
    return [
      heading(options.procuratorate),
      heading('入职查询结果告知函'),
      rightLine(`查询编号：${batch.id}-${person.row}`),
      addresseeLine(`${batch.school.name}：`),
      bodyLine(
        `你单位于${options.day}通过检察履职一体化平台提交的入职查询已收悉。根据${legalBasis}的规定，本院对下列人员进行了查询比对：`,
      ),
      bodyLine(
        `姓名：${person.name}；公民身份号码：${person.idNumberMasked}；拟聘岗位：${person.position ?? '未填写'}。`,
      ),
      bodyLine(outcome),
      bodyLine('查询结果仅用于入职审查的法定用途，请依法保密，不得向无关人员提供或公开。'),
      rightLine(options.procuratorate),
      rightLine(options.day),
      ...(index < batch.people.length - 1 ? [new Paragraph({ children: [new PageBreak()] })] : []),
    ];
  });
  return renderOfficialDocument({
    creator: options.procuratorate,
    title: `入职查询结果告知函（查询编号 ${batch.id}）`,
    children: pages,
  });
}
