# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.it_asset.lib import reliability

from .common import ItAssetCase


@tagged("post_install", "-at_install")
class TestMaintenanceHistory(ItAssetCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Request = cls.env["maintenance.request"]
        cls.stage_new = cls.env.ref("maintenance.stage_0")
        cls.stage_done = cls.env.ref("maintenance.stage_3")
        cls.stock_location = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.company.id)], limit=1)
            .lot_stock_id
        )
        cls.part_fan = cls.env["product.product"].create(
            {"name": "Test Fan", "is_storable": True, "standard_price": 50.0}
        )
        cls.part_disk = cls.env["product.product"].create(
            {
                "name": "Test SSD",
                "is_storable": True,
                "tracking": "serial",
                "standard_price": 120.0,
            }
        )
        cls.disk_lot = cls.env["stock.lot"].create(
            {"name": "SSD-0001", "product_id": cls.part_disk.id}
        )
        Quant = cls.env["stock.quant"]
        Quant._update_available_quantity(cls.part_fan, cls.stock_location, 10)
        Quant._update_available_quantity(
            cls.part_disk, cls.stock_location, 1, lot_id=cls.disk_lot
        )
        cls.server = cls._create_asset(name="Test Server")
        cls.server.action_confirm()
        cls.server.action_deploy()

    def _failure(self, asset, **vals):
        values = {
            "name": "Failure",
            "it_asset_id": asset.id,
            "maintenance_type": "corrective",
        }
        values.update(vals)
        return self.Request.create(values)

    # ------------------------------------------------------------------
    # repair round trip
    # ------------------------------------------------------------------
    def test_report_failure_round_trip(self):
        action = self.server.with_user(self.it_user).action_report_failure()
        with Form(
            self.Request.with_user(self.it_user).with_context(**action["context"])
        ) as form:
            self.assertEqual(form.maintenance_type, "corrective")
            form.name = "Disk failure"
        request = form.record
        self.assertEqual(request.it_asset_id, self.server)
        self.assertRecordValues(
            self.server, [{"state": "in_repair", "previous_state": "in_use"}]
        )
        self.assertEqual(self.server._it_asset_has_open_repair(), self.server)
        self.assertEqual(self.server.open_repair_count, 1)
        with self.assertRaisesRegex(UserError, "open failure report"):
            self.server.action_repair_done()
        # a second failure while in repair; closing the first keeps it in repair
        second = self._failure(self.server, name="Fan noise")
        request.stage_id = self.stage_done
        self.assertEqual(self.server.state, "in_repair")
        second.stage_id = self.stage_done
        self.assertEqual(self.server.state, "in_use", "Back to its previous status")
        self.assertFalse(self.server._it_asset_has_open_repair())
        self.assertEqual(self.server.maintenance_count, 2)

    def test_cancelled_failure_and_stock_asset(self):
        laptop = self._create_asset(name="Spare laptop")
        laptop.action_confirm()
        request = self._failure(laptop)
        self.assertEqual(laptop.state, "in_repair")
        request.archive_equipment_request()
        self.assertEqual(laptop.state, "in_stock")
        # preventive maintenance does not put the asset in repair
        self.Request.create(
            {
                "name": "Clean",
                "it_asset_id": laptop.id,
                "maintenance_type": "preventive",
            }
        )
        self.assertEqual(laptop.state, "in_stock")

    # ------------------------------------------------------------------
    # spare parts and costs
    # ------------------------------------------------------------------
    def test_spare_parts_cost_roll_up(self):
        """An IT user (no Inventory rights) adds spare parts to a repair and
        closes it: the parts are consumed from stock."""
        request = self._failure(self.server, labour_cost=80.0)
        request.with_user(self.it_user).write(
            {
                "part_line_ids": [
                    (0, 0, {"product_id": self.part_fan.id, "quantity": 2.0}),
                    (
                        0,
                        0,
                        {
                            "product_id": self.part_disk.id,
                            "lot_id": self.disk_lot.id,
                            "quantity": 1.0,
                        },
                    ),
                ]
            }
        )
        self.assertEqual(request.part_line_ids.location_id, self.stock_location)
        # estimate before consumption
        self.assertAlmostEqual(request.total_cost, 80.0 + 100.0 + 120.0)
        # closing the request consumes the parts
        request.with_user(self.it_user).stage_id = self.stage_done
        fan_line, disk_line = request.part_line_ids
        self.assertRecordValues(
            request.part_line_ids,
            [{"state": "done", "cost": 100.0}, {"state": "done", "cost": 120.0}],
        )
        consumption = self.env.ref("it_asset.stock_location_maintenance_consumption")
        self.assertRecordValues(
            fan_line.move_id | disk_line.move_id,
            [
                {"state": "done", "location_dest_id": consumption.id, "quantity": 2.0},
                {"state": "done", "location_dest_id": consumption.id, "quantity": 1.0},
            ],
        )
        self.assertEqual(disk_line.move_id.move_line_ids.lot_id, self.disk_lot)
        self.assertEqual(
            self.part_fan.with_context(location=self.stock_location.id).qty_available, 8
        )
        self.assertEqual(
            self.part_disk.with_context(location=self.stock_location.id).qty_available,
            0,
        )
        self.assertRecordValues(
            request, [{"parts_cost": 220.0, "labour_cost": 80.0, "total_cost": 300.0}]
        )
        self._failure(self.server, labour_cost=25.0)
        self.assertEqual(self.server.maintenance_cost, 325.0)
        # consumed parts are history
        with self.assertRaisesRegex(UserError, "already consumed"):
            fan_line.quantity = 3
        with self.assertRaisesRegex(UserError, "already consumed"):
            fan_line.unlink()

    def test_spare_parts_refused(self):
        request = self._failure(self.server)
        request.part_line_ids = [
            (0, 0, {"product_id": self.part_fan.id, "quantity": 4.0}),
            (0, 0, {"product_id": self.part_fan.id, "quantity": 7.0}),
        ]
        with self.assertRaisesRegex(UserError, "11.0 needed .* 10.0 available"):
            request.action_consume_parts()
        self.assertEqual(set(request.part_line_ids.mapped("state")), {"draft"})
        self.assertFalse(request.part_line_ids.move_id)
        self.assertEqual(self.part_fan.qty_available, 10)
        request.part_line_ids[1].quantity = 1.0
        request.part_line_ids = [(0, 0, {"product_id": self.part_disk.id})]
        with self.assertRaisesRegex(UserError, "choose its lot/serial"):
            request.action_consume_parts()
        self.assertEqual(self.part_fan.qty_available, 10, "Nothing moved")
        with self.assertRaisesRegex(Exception, "quantity must be positive"):
            request.part_line_ids[0].quantity = 0

    # ------------------------------------------------------------------
    # reliability
    # ------------------------------------------------------------------
    @freeze_time("2026-11-21")
    def test_reliability_figures(self):
        """Known history, figures computed by hand:
        in service 2025-11-21 -> 2026-11-21 = 365 days, 3 failures (one still
        open, one cancelled that does not count):
        MTBF = 365 / 3 = 121.67 days; MTTR = (4 + 2) / 2 = 3 days;
        failure rate = 3 / (365 / 365.25) = 3.0021 per asset-year."""
        self.server.acquisition_date = date(2025, 11, 21)
        self._failure(
            self.server,
            request_date=date(2026, 2, 1),
            close_date=date(2026, 2, 5),
            stage_id=self.stage_done.id,
            labour_cost=40.0,
        )
        self._failure(
            self.server,
            request_date=date(2026, 6, 10),
            close_date=date(2026, 6, 12),
            stage_id=self.stage_done.id,
            labour_cost=60.0,
        )
        self._failure(self.server, request_date=date(2026, 10, 1))
        self._failure(self.server, request_date=date(2026, 10, 2), archive=True)
        self.Request.create(
            {
                "name": "Yearly check",
                "it_asset_id": self.server.id,
                "maintenance_type": "preventive",
            }
        )
        self.assertEqual(self.server.in_service_days, 365)
        self.assertEqual(self.server.failure_count, 3)
        self.assertAlmostEqual(self.server.mtbf_days, 365 / 3, places=6)
        self.assertAlmostEqual(self.server.mttr_days, 3.0)
        self.assertAlmostEqual(self.server.failure_rate, 3 * 365.25 / 365, places=6)
        self.assertEqual(self.server.maintenance_count, 5)
        self.assertEqual(self.server.maintenance_cost, 100.0)

    @freeze_time("2026-11-21")
    def test_one_failure_is_not_underperforming(self):
        """Two units of a model in service 2.6 years: one failed once, the
        other never. Its rate is far above the model's average, but one
        failure is below the minimum exposure (2 failures): not flagged, until
        the minimum is lowered in the settings."""
        model = self.env["product.product"].create(
            {"name": "Test Steady Laptop", "is_storable": True}
        )
        assets = self.env["it.asset"].create(
            [
                {
                    "name": name,
                    "category_id": self.category_laptop.id,
                    "product_id": model.id,
                    "acquisition_date": date(2024, 4, 15),
                }
                for name in ("Once", "Never")
            ]
        )
        assets.action_confirm()
        self._failure(
            assets[0],
            request_date=date(2025, 6, 1),
            close_date=date(2025, 6, 2),
            stage_id=self.stage_done.id,
        )
        self.assertEqual(assets.mapped("underperforming"), [False, False])
        self.env["ir.config_parameter"].set_param(
            "it_asset.underperforming_min_failures", 1
        )
        assets.invalidate_recordset(["underperforming"])
        self.assertEqual(assets.mapped("underperforming"), [True, False])

    @freeze_time("2026-11-21")
    def test_underperforming_flag(self):
        """Three units of one model in service one year: A failed 4 times, B
        and C never. Model average = 4 / 3 asset-years = 1.33; A's rate 4.0 is
        at least 2 x 1.33: flagged. With a factor of 3.5 (4.67) it is not."""
        model = self.env["product.product"].create(
            {"name": "Test Flaky Laptop", "is_storable": True}
        )
        assets = self.env["it.asset"].create(
            [
                {
                    "name": name,
                    "category_id": self.category_laptop.id,
                    "product_id": model.id,
                    "acquisition_date": date(2025, 11, 21),
                }
                for name in ("A", "B", "C")
            ]
        )
        assets.action_confirm()
        unit_a = assets[0]
        for month in (1, 3, 5, 7):
            self._failure(
                unit_a,
                request_date=date(2026, month, 1),
                close_date=date(2026, month, 3),
                stage_id=self.stage_done.id,
            )
        self.assertAlmostEqual(unit_a.failure_rate, 4 * 365.25 / 365, places=6)
        self.assertRecordValues(
            assets,
            [
                {"underperforming": True},
                {"underperforming": False},
                {"underperforming": False},
            ],
        )
        Asset = self.env["it.asset"]
        self.assertEqual(
            Asset.search([("underperforming", "=", True), ("id", "in", assets.ids)]),
            unit_a,
        )
        self.assertEqual(
            Asset.search([("underperforming", "=", False), ("id", "in", assets.ids)]),
            assets[1:],
        )
        self.env["ir.config_parameter"].set_param(
            "it_asset.underperforming_factor", "3.5"
        )
        assets.invalidate_recordset(["underperforming"])
        self.assertFalse(unit_a.underperforming)

    def test_reliability_report_by_model_and_manufacturer(self):
        """The report pools each group like lib/reliability.group_stats."""
        today = fields.Date.today()
        brand_a, brand_b = self.env["res.partner"].create(
            [
                {"name": "Test Brand A", "is_company": True},
                {"name": "Test Brand B", "is_company": True},
            ]
        )
        specs = [
            # manufacturer, model, days in service, failures
            (brand_a, "RA-1", 400, 2),
            (brand_a, "RA-1", 200, 0),
            (brand_a, "RA-2", 300, 1),
            (brand_b, "RB-1", 730, 1),
        ]
        assets = self.env["it.asset"].create(
            [
                {
                    "name": f"Report {i}",
                    "category_id": self.category_laptop.id,
                    "manufacturer_id": brand.id,
                    "model_name": model_name,
                    "acquisition_date": today - timedelta(days=days),
                }
                for i, (brand, model_name, days, _f) in enumerate(specs)
            ]
        )
        assets.action_confirm()
        for asset, (_b, _m, _d, failures) in zip(assets, specs, strict=True):
            for _i in range(failures):
                self._failure(
                    asset,
                    request_date=today - timedelta(days=10),
                    close_date=today - timedelta(days=6),
                    stage_id=self.stage_done.id,
                    labour_cost=30.0,
                )
        expected = reliability.group_stats(
            (brand.id, days, failures, 30.0 * failures, [4] * failures)
            for brand, _m, days, failures in specs
        )
        self.env.flush_all()
        Report = self.env["it.asset.reliability.report"].with_user(self.it_user)
        groups = Report._read_group(
            [("asset_id", "in", assets.ids)],
            ["manufacturer_id"],
            [
                "asset_count:sum",
                "failure_count:sum",
                "failure_rate:sum",
                "mtbf_days:sum",
                "mttr_days:sum",
                "avg_repair_cost:sum",
            ],
        )
        self.assertEqual(len(groups), 2)
        for brand, count, failures, rate, mtbf, mttr, avg_cost in groups:
            stats = expected[brand.id]
            self.assertEqual((count, failures), (stats.assets, stats.failures))
            self.assertAlmostEqual(rate, stats.failure_rate, places=6)
            self.assertAlmostEqual(mtbf, stats.mtbf_days, places=6)
            self.assertAlmostEqual(mttr, stats.mttr_days, places=6)
            self.assertAlmostEqual(avg_cost, stats.avg_repair_cost, places=6)
        # brand A by hand: 3 failures over 900 days -> MTBF 300 days
        self.assertAlmostEqual(expected[brand_a.id].mtbf_days, 300.0)
        by_model = dict(
            Report._read_group(
                [("asset_id", "in", assets.ids)], ["model_name"], ["failure_rate:sum"]
            )
        )
        self.assertAlmostEqual(by_model["RA-1"], 2 * 365.25 / 600, places=6)
        with self.assertRaises(AccessError):
            Report.with_user(self.employee_user).search([])

    def test_figures_are_computed_in_batch(self):
        """Reading the history figures of a list of assets costs the same
        number of queries for 2 assets as for 10."""
        assets = self.env["it.asset"].create(
            [
                {"name": f"Batch {i}", "category_id": self.category_laptop.id}
                for i in range(10)
            ]
        )
        assets.action_confirm()
        self.Request.create(
            [
                {"name": "Failure", "it_asset_id": asset.id, "labour_cost": 10.0}
                for asset in assets
            ]
        )
        fields_ = [
            "maintenance_count",
            "maintenance_cost",
            "failure_count",
            "mtbf_days",
            "underperforming",
        ]

        def queries(records):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            records.read(fields_)
            return self.cr.sql_log_count - before

        queries(assets)  # warm-up (prefetch of the relations)
        self.assertEqual(queries(assets[:2]), queries(assets))
        self.assertEqual(assets.mapped("maintenance_cost"), [10.0] * 10)

    # ------------------------------------------------------------------
    # idle and compliance
    # ------------------------------------------------------------------
    def test_idle_assets(self):
        with freeze_time("2026-01-10"):
            idle = self._create_asset(name="Idle monitor")
            busy = self._create_asset(name="Busy monitor")
            (idle | busy).action_confirm()
            busy.action_deploy()
        Asset = self.env["it.asset"]
        with freeze_time("2026-05-01"):
            (idle | busy).invalidate_recordset(["idle"])
            self.assertRecordValues(idle | busy, [{"idle": True}, {"idle": False}])
            self.assertEqual(
                Asset.search([("idle", "=", True), ("id", "in", (idle | busy).ids)]),
                idle,
            )
            self.env["ir.config_parameter"].set_param("it_asset.idle_days", "200")
            self.assertFalse(
                Asset.search([("idle", "=", True), ("id", "in", (idle | busy).ids)])
            )
            # a status change restarts the clock
            self.env["ir.config_parameter"].set_param("it_asset.idle_days", "90")
            idle.action_deploy()
            idle.action_return_to_stock()
            self.assertEqual(idle.state_date, fields.Datetime.now())
            self.assertFalse(idle.idle)

    @freeze_time("2026-11-21")
    def test_compliance_flags(self):
        expired = self._create_asset(
            name="Old laptop",
            acquisition_date=date(2022, 1, 1),
            warranty_end_date=date(2025, 1, 1),
            next_audit_date=date(2026, 6, 30),
        )
        covered = self._create_asset(
            name="New laptop",
            acquisition_date=date(2026, 1, 1),
            warranty_end_date=date(2028, 1, 1),
            next_audit_date=date(2027, 6, 30),
        )
        (expired | covered).action_confirm()
        (expired | covered).action_deploy()
        self.assertRecordValues(
            expired | covered,
            [
                {"warranty_expired_in_use": True, "audit_overdue": True},
                {"warranty_expired_in_use": False, "audit_overdue": False},
            ],
        )
        Asset = self.env["it.asset"]
        ids = (expired | covered).ids
        self.assertEqual(
            Asset.search([("warranty_expired_in_use", "=", True), ("id", "in", ids)]),
            expired,
        )
        self.assertEqual(
            Asset.search([("audit_overdue", "=", True), ("id", "in", ids)]), expired
        )
        expired.action_return_to_stock()
        self.assertFalse(expired.warranty_expired_in_use, "Only assets in use")

    def test_settings(self):
        Settings = self.env["res.config.settings"]
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            Settings.create({"it_asset_idle_days": 0})
        Settings.create(
            {
                "it_asset_idle_days": 45,
                "it_asset_expiry_alert_days": 60,
                "it_asset_underperforming_factor": 1.5,
            }
        ).execute()
        Param = self.env["ir.config_parameter"]
        self.assertEqual(Param.get_param("it_asset.idle_days"), "45")
        self.assertEqual(Param.get_param("it_asset.expiry_alert_days"), "60")
        self.assertEqual(Param.get_param("it_asset.underperforming_factor"), "1.5")

    def test_it_user_sees_asset_requests(self):
        """maintenance lets employees see their own requests only; IT users
        see all the requests about IT assets."""
        request = self._failure(self.server)
        self.assertEqual(
            request.with_user(self.it_user).read(["name"])[0]["name"], "Failure"
        )
        with self.assertRaises(AccessError):
            request.with_user(self.employee_user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["it.asset.maintenance.part"].with_user(self.employee_user).search(
                []
            )
