"""Label benchmark: the label PDF of N assets, in each paper format.

    make bench BENCH=labels            # N=1000
    make bench BENCH=labels N=3000

One database with it_asset (no demo data). N assets with a serial each,
printed as an IT user (IT Assets / User only) through the report the Print
Labels wizard calls, rendered for real by wkhtmltopdf (report.url pointing
nowhere: no web server runs, the labels carry their own styles). Each line
gives the wall time of the whole report, split into the report's values
(codes drawn with python-barcode and qrcode, once per asset), the QWeb HTML
and wkhtmltopdf, the pages and the PDF's size.
"""

import io
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo-18.0"))

from bench_common import create_database, environment, machine, timer  # noqa: E402

DB = "it_asset_bench_labels"
N = int(os.environ.get("N", "1000"))
REPORTS = {
    "a4_3x8": "report_it_asset_label_a4",
    "letter_30": "report_it_asset_label_letter",
    "roll_62x29": "report_it_asset_label_roll",
}


def main():
    from odoo.tools.pdf import PdfFileReader  # noqa: PLC0415

    create_database(DB, ["it_asset"])
    rows = []
    with environment(DB) as env:
        env = env(context={"tracking_disable": True})
        env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        category = env["it.asset.category"].search([], limit=1)
        assets = env["it.asset"].create(
            [
                {
                    "name": f"Bench laptop {i}",
                    "category_id": category.id,
                    "serial_number": f"BENCH-SN-{i:06d}",
                }
                for i in range(N)
            ]
        )
        env.company.it_asset_label_contact = "IT helpdesk: ext. 4357"
        it_user = env["res.users"].create(
            {
                "name": "Bench IT",
                "login": "bench_it",
                "groups_id": [(6, 0, [env.ref("it_asset.group_it_asset_user").id])],
            }
        )
        env.cr.commit()
        Report = env["ir.actions.report"].with_user(it_user)
        for label_format, name in REPORTS.items():
            if os.environ.get("FORMATS") and label_format not in os.environ["FORMATS"]:
                continue
            report_name = f"it_asset.{name}"
            values_model = env[f"report.{report_name}"].with_user(it_user)
            env.invalidate_all()
            result = {}
            with timer(result, "values"):
                values_model._get_report_values(assets.ids, {})
            env.invalidate_all()
            with timer(result, "html"):
                Report._render_qweb_html(report_name, assets.ids)
            env.invalidate_all()
            start = time.perf_counter()
            pdf, _kind = Report.with_context(
                force_report_rendering=True
            )._render_qweb_pdf(report_name, assets.ids)
            result["pdf"] = time.perf_counter() - start
            pages = len(PdfFileReader(io.BytesIO(pdf)).pages)
            rows.append((label_format, result, pages, len(pdf)))
        env.cr.rollback()
    print()
    print(f"Label benchmark, N={N} assets; {machine()}")
    print(
        f"{'format':<12} {'values s':>9} {'html s':>8} {'total s':>8} "
        f"{'wkhtmltopdf s':>14} {'pages':>6} {'ms/label':>9} {'PDF MiB':>8}"
    )
    for label_format, result, pages, size in rows:
        print(
            f"{label_format:<12} {result['values']:>9.2f} {result['html']:>8.2f} "
            f"{result['pdf']:>8.2f} {result['pdf'] - result['html']:>14.2f} "
            f"{pages:>6} {result['pdf'] * 1000 / N:>9.2f} {size / 2**20:>8.2f}"
        )


if __name__ == "__main__":
    main()
