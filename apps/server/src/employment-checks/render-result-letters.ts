import { AlignmentType, Document, Packer, PageBreak, Paragraph, TextRun } from 'docx';
import type { TCheckBatchDetail } from './schema.ts';

const body = { font: '仿宋_GB2312', size: 32 } as const;
const indent = { firstLine: 640 };
const line = (text: string, options: { centre?: boolean; right?: boolean; title?: boolean } = {}) =>
  new Paragraph({
    alignment: options.centre ? AlignmentType.CENTER : options.right ? AlignmentType.RIGHT : undefined,
    indent: options.centre || options.right ? undefined : indent,
    spacing: { line: 560 },
    children: [new TextRun(options.title ? { text, font: '方正小标宋简体', size: 44 } : { text, ...body })],
  });

const legalBasis = '《中华人民共和国未成年人保护法》第六十二条';

/** 入职查询结果告知函: one page per person, so the school files each with the hire's papers. */
export async function renderResultLetters(
  batch: TCheckBatchDetail,
  options: { procuratorate: string; day: string },
): Promise<Buffer> {
  const pages = batch.people.flatMap((person, index) => {
    const outcome =
      person.result === 'clear'
        ? '查询结果：无相关记录。在本院载入的比对数据范围内，未发现该人员具有性侵害、虐待、拐卖、暴力伤害等违法犯罪记录。'
        : '查询结果：需人工核实。比对发现需要进一步核实的信息，本院未成年人检察部门将人工核实后另行书面告知；核实完成前，请暂缓作出录用决定。';
    return [
      line(options.procuratorate, { centre: true, title: true }),
      line('入职查询结果告知函', { centre: true, title: true }),
      line(`查询编号：${batch.id}-${person.row}`, { right: true }),
      new Paragraph({ children: [new TextRun({ text: `${batch.school.name}：`, ...body })] }),
      line(
        `你单位于${options.day}通过检察履职一体化平台提交的入职查询已收悉。根据${legalBasis}的规定，本院对下列人员进行了查询比对：`,
      ),
      line(
        `姓名：${person.name}；公民身份号码：${person.idNumberMasked}；拟聘岗位：${person.position ?? '未填写'}。`,
      ),
      line(outcome),
      line('查询结果仅用于入职审查的法定用途，请依法保密，不得向无关人员提供或公开。'),
      line(options.procuratorate, { right: true }),
      line(options.day, { right: true }),
      ...(index < batch.people.length - 1 ? [new Paragraph({ children: [new PageBreak()] })] : []),
    ];
  });
  const document = new Document({
    creator: options.procuratorate,
    title: `入职查询结果告知函（查询编号 ${batch.id}）`,
    styles: { default: { document: { run: { font: body.font, size: body.size } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: pages,
      },
    ],
  });
  return Packer.toBuffer(document);
}
