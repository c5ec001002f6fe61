# Copyright 2026 it_asset developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "IT Assets",
    "summary": "IT asset register, custody, maintenance and depreciation on top of "
    "stock, accounting, maintenance and HR",
    "version": "18.0.1.0.0",
    "category": "Inventory/Inventory",
    "website": "https://github.com/it-asset/it_asset",
    "author": "it_asset developers",
    "license": "LGPL-3",
    "application": True,
    "depends": [
        "stock_account",
        "maintenance",
        "hr",
    ],
    "external_dependencies": {
        "python": ["python-barcode", "qrcode", "xlsxwriter"],
    },
    "data": [
        "security/it_asset_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/it_asset_category_data.xml",
        "data/stock_location_data.xml",
        "views/it_asset_views.xml",
        "views/it_asset_category_views.xml",
        "security/custody_security.xml",
        "views/it_asset_custody_views.xml",
        "views/hr_employee_views.xml",
        "wizard/it_asset_checkout_views.xml",
        "wizard/it_asset_checkin_views.xml",
        "reports/it_asset_custody_report.xml",
        "data/ir_cron_data_custody.xml",
        "security/stock_security.xml",
        "views/it_asset_classification_rule_views.xml",
        "views/product_views.xml",
        "views/stock_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/it_asset_classification_test_views.xml",
        "views/it_asset_menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/stock_location_demo.xml",
        "demo/it_asset_demo.xml",
        "demo/it_asset_custody_demo.xml",
        "demo/it_asset_classification_rule_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "it_asset/static/src/js/tours/*.js",
        ],
    },
}
