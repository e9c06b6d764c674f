// The handover's only stylesheet, inlined into the page: no fonts, images or scripts are fetched,
// so the file opens the same from a USB stick, an e-mail or a printer queue.
export const HANDOVER_CSS = `
@page { size: A4 landscape; margin: 10mm 12mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; padding: 10mm 12mm; font: 10pt/1.35 "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #111; background: #fff; }
@media print { body { padding: 0; } }
header { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2px solid #111; padding-bottom: 3mm; margin-bottom: 4mm; }
h1 { font-size: 17pt; margin: 0; }
header .when { font-size: 11pt; margin-top: 1mm; }
header .meta { text-align: right; font-size: 8.5pt; color: #444; }
h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid #999; padding-bottom: 0.8mm; break-after: avoid; }
.kpis { display: grid; grid-template-columns: repeat(5, 1fr); gap: 3mm; }
.kpi { border: 1px solid #bbb; border-radius: 2mm; padding: 2mm 3mm; }
.kpi .label { font-size: 8pt; text-transform: uppercase; letter-spacing: 0.04em; color: #555; }
.kpi .value { font-size: 15pt; font-weight: 600; margin-top: 0.5mm; }
.kpi .sub { font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
thead { display: table-header-group; }
th { text-align: left; font-weight: 600; background: #eee; border-bottom: 1px solid #888; padding: 1.2mm 2mm; }
td { border-bottom: 1px solid #ddd; padding: 1.2mm 2mm; vertical-align: top; overflow-wrap: break-word; }
tr { break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.note { width: 28%; }
.good { color: #11632a; } .warn { color: #8a5a00; } .bad { color: #a11212; font-weight: 600; } .na { color: #666; }
.tag { display: inline-block; font-size: 7.5pt; border: 1px solid #888; border-radius: 1mm; padding: 0 1mm; margin-left: 1mm; color: #333; white-space: nowrap; }
.tag.alert { border-color: #a11212; color: #a11212; }
.severity { font-weight: 600; } .severity-critical { color: #a11212; } .severity-high { color: #8a3a00; } .severity-low { color: #666; font-weight: 400; }
.muted { color: #666; }
.empty { color: #444; font-style: italic; padding: 1.5mm 0; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.signoff { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; margin-top: 8mm; break-inside: avoid; }
.signoff div { border-top: 1px solid #111; padding-top: 1mm; font-size: 8.5pt; color: #333; }
`;
