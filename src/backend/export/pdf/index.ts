// Printable teacher reports as PDF: the class report and the learner report, on A4, drawn with pdfkit's vector
// primitives only. The same report always gives the same bytes (see document.ts); whatever a learner typed is
// cleaned and fitted to its space before it is drawn (see canvas.ts).
export { classReportPdf } from './class-report';
export { learnerReportPdf } from './learner-report';
