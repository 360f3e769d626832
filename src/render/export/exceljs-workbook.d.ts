// exceljs types its index only: its Workbook class's own file (loaded alone by excel-workbook.ts) is the same class.
declare module "exceljs/lib/doc/workbook.js" {
  import type { Workbook } from "exceljs";
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}
