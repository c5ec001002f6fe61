# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .custody_common import CustodyCase

HEADER = (
    "Asset Tag,Name,Category,Product,Serial Number,Model,Status (import),"
    "Location,Holder (import),Checked Out On (import),Expected Return (import),"
    "Acquisition Date,Acquisition Cost,In Service Date,"
    "Opening Accumulated Depreciation,Warranty End Date"
)
OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "encoding": "utf-8",
    "date_format": "%Y-%m-%d",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
}


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestAssetImport(CustodyCase):
    """Migration import through Odoo's import (base_import), as the IT
    manager who migrates the register."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.work_email = "alice@example.com"
        cls.category_import = cls.env["it.asset.category"].create(
            {"name": "Import Laptops", "kind": "hardware"}
        )

    def _import(self, lines, user=None, dryrun=False, header=HEADER, fields=None):
        """Run Odoo's import of a CSV as ``user`` (the IT manager): the
        columns are matched by Odoo from the header unless ``fields``."""
        text = "\n".join([header, *lines]) + "\n"
        wizard = (
            self.env["base_import.import"]
            .with_user(user or self.it_manager)
            .create(
                {
                    "res_model": "it.asset",
                    "file": text.encode(),
                    "file_name": "assets.csv",
                    "file_type": "text/csv",
                }
            )
        )
        preview = wizard.parse_preview(dict(OPTIONS))
        self.assertNotIn("error", preview, preview.get("error"))
        if fields is None:
            matches = preview["matches"]
            fields = [
                "/".join(matches.get(i) or []) for i in range(len(preview["headers"]))
            ]
            self.assertNotIn("", fields, f"unmatched column in {preview['headers']}")
        return wizard.execute_import(
            fields, preview["headers"], dict(OPTIONS), dryrun=dryrun
        )

    def _assets(self):
        return self.env["it.asset"].search(
            [("category_id", "=", self.category_import.id)]
        )

    def _rows(self):
        return [
            "MIG-1,Laptop of Alice,Import Laptops,Test Laptop 14,SN-IMP-1,T14,"
            "In Use,,alice@example.com,2026-02-01,2026-12-31,2025-11-15,1250,"
            "2025-12-01,300,2028-11-15",
            "MIG-2,Laptop of finance,Import Laptops,,SN-IMP-2,T14,,,Test Finance,"
            ",,2025-10-01,900,,,",
            "MIG-3,Spare laptop,Import Laptops,,SN-IMP-3,T14,In Stock,"
            f"{self.stock_room.complete_name},,,,2024-01-10,700,,,",
            ",Lost laptop,Import Laptops,,SN-IMP-4,T14,Lost/Stolen,,,,,2023-05-01,"
            "650,,,",
        ]

    def test_template_columns_are_matched_by_odoo(self):
        templates = self.env["it.asset"].get_import_templates()
        self.assertEqual(len(templates), 1)
        path = file_path(templates[0]["template"].lstrip("/"))
        with open(path, encoding="utf-8") as handle:
            header, *rows = handle.read().splitlines()
        self.assertTrue(rows)
        # every column of the template is recognised by Odoo's import
        wizard = (
            self.env["base_import.import"]
            .with_user(self.it_manager)
            .create(
                {
                    "res_model": "it.asset",
                    "file": "\n".join([header, *rows]).encode(),
                    "file_type": "text/csv",
                }
            )
        )
        preview = wizard.parse_preview(dict(OPTIONS))
        self.assertEqual(
            len(preview["matches"]), len(header.split(",")), preview["headers"]
        )

    def test_dry_run_writes_nothing(self):
        before = self.env["it.asset"].search_count([])
        custodies = self.Custody.search_count([])
        result = self._import(self._rows(), dryrun=True)
        self.assertEqual(result["messages"], [])
        self.assertEqual(self.env["it.asset"].search_count([]), before)
        self.assertEqual(self.Custody.search_count([]), custodies)
        self.assertFalse(
            self.env["stock.lot"].search([("name", "=", "SN-IMP-1")]),
            "the dry run created a stock serial",
        )

    def test_real_run_creates_statuses_holders_and_history(self):
        result = self._import(self._rows())
        self.assertEqual(result["messages"], [])
        assets = self._assets()
        by_serial = {a.serial_number: a for a in assets}
        alice_laptop = by_serial["SN-IMP-1"]
        self.assertRecordValues(
            alice_laptop,
            [
                {
                    "tag": "MIG-1",
                    "state": "in_use",
                    "holder_employee_id": self.employee.id,
                    "custody_expected_return_date": date(2026, 12, 31),
                    "in_service_date": date(2025, 12, 1),
                    "opening_accumulated_depreciation": 300.0,
                    "acquisition_cost": 1250.0,
                    "warranty_end_date": date(2028, 11, 15),
                }
            ],
        )
        custody = alice_laptop.custody_id
        self.assertEqual(custody.date_start, date(2026, 2, 1))
        self.assertEqual(custody.state, "waiting")
        self.assertEqual(
            alice_laptop.location_id,
            self.env.company._it_asset_holder_locations(self.employee)[self.employee],
        )
        # the serial of a serial-tracked product is its stock serial
        self.assertEqual(alice_laptop.lot_id.name, "SN-IMP-1")
        self.assertEqual(alice_laptop.lot_id.product_id, self.product_laptop)
        department_laptop = by_serial["SN-IMP-2"]
        self.assertEqual(department_laptop.state, "in_use")
        self.assertEqual(department_laptop.holder_department_id, self.department)
        self.assertEqual(department_laptop.custody_id.date_start, date(2026, 6, 15))
        spare = by_serial["SN-IMP-3"]
        self.assertRecordValues(
            spare, [{"state": "in_stock", "location_id": self.stock_room.id}]
        )
        self.assertFalse(spare.custody_id)
        lost = by_serial["SN-IMP-4"]
        self.assertEqual(lost.state, "missing")
        # no tag given: one from the sequence
        self.assertTrue(lost.tag and lost.tag not in ("New", "MIG-1"))
        bodies = " ".join(lost.message_ids.mapped("body"))
        self.assertIn("Imported in status Missing", bodies)
        self.assertIn("migration import by", bodies)
        self.assertIn(
            "Imported: held by", " ".join(alice_laptop.message_ids.mapped("body"))
        )

    def test_one_bad_row_imports_nothing_and_every_error_is_listed(self):
        self._create_assets(1, serial_number="SN-TAKEN")
        rows = self._rows() + [
            ",Unknown holder,Import Laptops,,SN-IMP-5,T14,,,Nobody Atall,,,,,,,",
            ",Taken serial,Import Laptops,,sn-taken,T14,,,,,,,,,,",
            ",Repeated serial,Import Laptops,Test Laptop 14,SN-IMP-1,T14,,,,,,,,,,",
            ",Odd status,Import Laptops,,SN-IMP-8,T14,Borrowed,,,,,,,,,",
            ",Retired but held,Import Laptops,,SN-IMP-9,T14,Retired,,"
            "alice@example.com,,,,,,,",
            ",Back to the future,Import Laptops,,SN-IMP-10,T14,,,alice@example.com,"
            "2026-09-01,,,,,,",
        ]
        before = self.env["it.asset"].search_count([])
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                result = self._import(rows, dryrun=dryrun)
                self.assertFalse(result["ids"])
                errors = {
                    m["rows"]["from"]: m["message"]
                    for m in result["messages"]
                    if m["type"] == "error"
                    and "rows" in m
                    and m.get("record") is not None
                }
                expected = {
                    4: "not found",
                    5: "already used by asset",
                    6: "an earlier row of this file",
                    7: "unknown status",
                    8: "is In Use, not Retired",
                    9: "in the future",
                }
                for row, text in expected.items():
                    self.assertIn(text, errors.get(row, ""), (row, errors))
                # the good rows are not reported
                self.assertFalse(set(errors) - set(expected), errors)
                self.assertEqual(self.env["it.asset"].search_count([]), before)

    def test_unknown_category_is_reported_by_odoo(self):
        before = self.env["it.asset"].search_count([])
        # no database error is logged: the row is refused before any insert
        with self.assertNoLogs("odoo.sql_db", "ERROR"):
            result = self._import([",Laptop,No Such Category,,SN-X,,,,,,,,,,,"])
        self.assertFalse(result["ids"])
        messages = " ".join(m["message"] for m in result["messages"])
        self.assertIn("No Such Category", messages)
        self.assertIn("no Category", messages)
        self.assertEqual(self.env["it.asset"].search_count([]), before)

    def test_statuses_and_holders_need_an_it_manager(self):
        with self.assertRaises(AccessError):
            self._import(self._rows()[:1], user=self.it_user)
        # a plain import of new assets stays open to IT users (no status or
        # holder columns)
        result = self._import(
            [",New laptop,Import Laptops,SN-PLAIN"],
            user=self.it_user,
            header="Asset Tag,Name,Category,Serial Number",
        )
        self.assertEqual(result["messages"], [])
        asset = self._assets()
        self.assertEqual(asset.state, "draft")
        self.assertEqual(asset.user_id, self.it_user)

    def test_employee_cannot_import(self):
        before = self.env["it.asset"].search_count([])
        with self.assertRaises(AccessError):
            self._import(
                [",Laptop,Import Laptops,SN-E"],
                user=self.employee_user,
                header="Asset Tag,Name,Category,Serial Number",
            )
        with self.assertRaises(AccessError):
            self._import(self._rows()[:1], user=self.employee_user)
        self.assertEqual(self.env["it.asset"].search_count([]), before)

    def test_import_columns_are_refused_outside_an_import(self):
        asset = self._create_assets(1)
        with self.assertRaisesRegex(UserError, "only be given when importing"):
            asset.with_user(self.it_manager).write({"import_holder": "Alice Custody"})
        with self.assertRaisesRegex(UserError, "never changes"):
            asset.with_user(self.it_manager).write({"tag": "OTHER"})
        self.assertFalse(asset.custody_id)

    def test_snipe_it_export_maps_to_the_register(self):
        """A file exported from Snipe-IT (its standard asset columns), mapped
        as the README says."""
        path = file_path("it_asset/tests/data/snipeit_assets.csv")
        with open(path, encoding="utf-8") as handle:
            header, *lines = handle.read().splitlines()
        mapping = {
            "Asset Tag": "tag",
            "Asset Name": "name",
            "Category": "category_id",
            "Manufacturer": "manufacturer_id",
            "Model": "model_name",
            "Serial": "serial_number",
            "Status": "import_state",
            "Checked Out To": "import_holder",
            "Location": "location_id",
            "Purchase Date": "acquisition_date",
            "Purchase Cost": "acquisition_cost",
            "Warranty Expires": "warranty_end_date",
            "Notes": "specifications",
        }
        if not self.env["res.partner"].search_count([("name", "=", "Lenovo")]):
            self.env["res.partner"].create({"name": "Lenovo", "is_company": True})
        fields = [mapping.get(column, "") for column in header.split(",")]
        result = self._import(lines, header=header, fields=fields)
        self.assertEqual(result["messages"], [])
        assets = self._assets()
        self.assertEqual(len(assets), len(lines))
        deployed = assets.filtered(lambda a: a.tag == "SNIPE-0001")
        self.assertEqual(deployed.state, "in_use")
        self.assertEqual(deployed.holder_employee_id, self.employee)
        self.assertEqual(deployed.manufacturer_id.name, "Lenovo")
        self.assertEqual(
            set(assets.mapped("state")), {"in_use", "in_stock", "in_repair", "missing"}
        )


@freeze_time("2026-06-15")
@tagged("post_install", "-at_install")
class TestAssetImportWizard(CustodyCase):
    """IT Assets ▸ Configuration ▸ Import Assets: a dry run that lists, then
    the import, as the IT manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee.work_email = "alice@example.com"
        cls.category_import = cls.env["it.asset.category"].create(
            {"name": "Import Laptops", "kind": "hardware"}
        )
        if not cls.env["res.partner"].search_count([("name", "=", "Lenovo")]):
            cls.env["res.partner"].create({"name": "Lenovo", "is_company": True})

    def _wizard(self, text, name="assets.csv", user=None):
        return (
            self.env["it.asset.import"]
            .with_user(user or self.it_manager)
            .create({"file": base64.b64encode(text.encode()), "file_name": name})
        )

    def _snipe_it(self):
        path = file_path("it_asset/tests/data/snipeit_assets.csv")
        with open(path, encoding="utf-8") as handle:
            # Snipe-IT's Company column is the company of the asset
            return handle.read().replace("Test Company", self.env.company.name)

    def test_dry_run_lists_what_would_be_created(self):
        before = self.env["it.asset"].search_count([])
        wizard = self._wizard(self._snipe_it())
        action = wizard.action_dry_run()
        self.assertEqual(action["res_id"], wizard.id)
        self.assertEqual(wizard.state, "checked")
        self.assertEqual(wizard.create_count, 4)
        self.assertEqual(wizard.held_count, 1)
        self.assertEqual(self.env["it.asset"].search_count([]), before)
        rows = {line.tag: line for line in wizard.line_ids}
        self.assertEqual(set(rows), {f"SNIPE-000{i}" for i in range(1, 5)})
        self.assertRecordValues(
            rows["SNIPE-0001"],
            [
                {
                    "row": 2,
                    "result": "create",
                    "status": "In Use",
                    "holder": "Alice Custody",
                    "category": "Import Laptops",
                }
            ],
        )
        self.assertEqual(rows["SNIPE-0004"].status, "Missing")
        # Snipe-IT's columns are recognised; the others are said to be left
        self.assertIn("Checked Out To → Holder (import)", wizard.column_summary)
        self.assertIn("Order Number → (not imported)", wizard.column_summary)

    def test_import_writes_the_rows_and_opens_them(self):
        action = self._wizard(self._snipe_it()).action_import()
        assets = self.env["it.asset"].browse(action["domain"][0][2])
        self.assertEqual(len(assets), 4)
        self.assertEqual(
            set(assets.mapped("state")), {"in_use", "in_stock", "in_repair", "missing"}
        )
        held = assets.filtered("custody_id")
        self.assertEqual(held.holder_employee_id, self.employee)
        self.assertEqual(held.manufacturer_id.name, "Lenovo")
        # Snipe-IT's EOL column is the end of life
        self.assertEqual(held.end_of_life_date, date(2028, 1, 15))

    def test_bad_rows_are_listed_and_nothing_is_written(self):
        text = self._snipe_it().replace("Alice Custody", "Carol Unknown")
        text = text.replace("Out for Repair", "On Holiday")
        before = self.env["it.asset"].search_count([])
        wizard = self._wizard(text)
        for action in (wizard.action_dry_run, wizard.action_import):
            result = action()
            self.assertEqual(result["res_model"], "it.asset.import")
            self.assertEqual(wizard.state, "failed")
            self.assertEqual(wizard.error_count, 2)
            errors = {line.row: line.message for line in wizard.line_ids}
            self.assertIn("'Carol Unknown' not found", errors[2])
            self.assertIn("unknown status 'On Holiday'", errors[4])
            self.assertEqual(self.env["it.asset"].search_count([]), before)

    def test_file_that_is_not_a_register(self):
        with self.assertRaisesRegex(UserError, "CSV, XLSX or ODS"):
            self._wizard("a,b\n1,2\n", name="assets.pdf").action_dry_run()
        with self.assertRaisesRegex(UserError, "No column"):
            self._wizard("colour,weight\nred,2\n").action_dry_run()

    def test_only_it_managers_open_it(self):
        for user in (self.it_user, self.employee_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._wizard(self._snipe_it(), user=user)
