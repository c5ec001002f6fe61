"""Screenshots of the register's kit, properties, import and refresh-plan
screens, as an IT manager, for static/description.

    make demo                      # in another terminal: the demo server
    .venv/bin/python scripts/screenshots_register.py [http://localhost:8069]

Creates (once) an IT manager in the demo database over XML-RPC, checks a
Snipe-IT file with the import wizard's dry run (nothing is imported), then
drives headless Chromium logged in as the manager and saves PNGs in
static/description/. Nothing here runs in the tests.
"""

import base64
import json
import os
import sys
import time
import xmlrpc.client

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from screenshots import DB, URL, Browser, rpc  # noqa: E402

MANAGER = ("shot_it_manager", "Ines IT Manager", ["it_asset.group_it_asset_manager"])
CSV = os.path.join(
    os.path.dirname(__file__), "..", "tests", "data", "snipeit_assets.csv"
)


def prepare_manager(call):
    login, name, groups = MANAGER
    found = call("res.users", "search", [("login", "=", login)])
    if found:
        return found[0]
    group_ids = [
        call("ir.model.data", "check_object_reference", *xmlid.split("."))[1]
        for xmlid in ["base.group_user", *groups]
    ]
    return call(
        "res.users",
        "create",
        {
            "name": name,
            "login": login,
            "password": login,
            "groups_id": [(6, 0, group_ids)],
        },
    )


def manager_call():
    login = MANAGER[0]
    common = xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/common")
    uid = common.authenticate(DB, login, login, {})
    models = xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kwargs):
        return models.execute_kw(DB, uid, login, model, method, list(args), kwargs)

    return call


def dry_run_wizard(call, as_manager):
    """An import wizard after its dry run of the Snipe-IT sample."""
    company = call("res.company", "read", [1], ["name"])[0]["name"]
    with open(CSV, encoding="utf-8") as handle:
        text = handle.read()
    text = text.replace("Test Company", company).replace("Import Laptops", "Laptops")
    wizard = as_manager(
        "it.asset.import",
        "create",
        {
            "file": base64.b64encode(text.encode()).decode(),
            "file_name": "snipeit.csv",
        },
    )
    as_manager("it.asset.import", "action_dry_run", [wizard])
    return wizard


class Page(Browser):
    def wait_for(self, selector, timeout=30):
        for _i in range(int(timeout * 2)):
            found = self.evaluate(f"!!document.querySelector({json.dumps(selector)})")
            if found.get("result", {}).get("value"):
                return True
            time.sleep(0.5)
        print("did not show:", selector)
        return False

    def click_text(self, selector, text):
        """Click the first ``selector`` whose text is ``text``."""
        found = f"[...document.querySelectorAll({json.dumps(selector)})]"
        result = self.evaluate(
            f"(() => {{ const el = {found}"
            f".find(e => e.textContent.trim() === {json.dumps(text)});"
            " if (el) { el.click(); return true; } return false; })()"
        )
        clicked = result.get("result", {}).get("value")
        if not clicked:
            print("not found:", selector, text)
        return clicked

    def scroll_to(self, selector):
        self.evaluate(
            f"document.querySelector({json.dumps(selector)})"
            "?.scrollIntoView({block: 'start'})"
        )
        time.sleep(1)

    def text(self, expression):
        return self.evaluate(expression).get("result", {}).get("value")

    def do_action(self, action, options=None):
        self.evaluate(
            "odoo.__WOWL_DEBUG__.root.env.services.action.doAction("
            f"{json.dumps(action)}, {json.dumps(options or {})})"
        )


def main():
    call = rpc()
    prepare_manager(call)
    as_manager = manager_call()
    # three demo assets share the name: the kit is the one with components
    laptop = call(
        "it.asset",
        "search",
        [("name", "=", "Laptop Latitude 5440"), ("child_ids", "!=", False)],
    )[0]
    dock = call("it.asset", "search", [("name", "=", "Dock WD19S")])[0]
    wizard = dry_run_wizard(call, as_manager)

    page = Page(1440, 900)
    page.login(MANAGER[0])

    page.goto(f"{URL}/odoo/it-assets/{laptop}", wait=3)
    page.click_text(".o_notebook .nav-link", "Components")
    time.sleep(2)
    page.scroll_to(".o_form_sheet .o_notebook")
    page.shot("kit_form.png")
    page.click_text(".o_notebook .nav-link", "Specifications")
    time.sleep(2)
    page.scroll_to(".o_form_sheet .o_notebook")
    page.shot("properties_form.png")

    page.goto(f"{URL}/odoo/it-assets/{dock}", wait=3)
    page.shot("kit_component_form.png")

    page.goto(
        f"{URL}/odoo/action-it_asset.it_asset_import_action",
        wait=3,
        ready=".modal .o_form_view",
    )
    page.shot("import_dialog.png")

    page.goto(
        f"{URL}/odoo/action-it_asset.it_asset_import_action/{wizard}",
        wait=3,
        ready=".o_form_view",
    )
    if not page.text("!!document.querySelector('.modal .o_form_view')"):
        page.do_action(
            {
                "type": "ir.actions.act_window",
                "name": "Import Assets",
                "res_model": "it.asset.import",
                "res_id": wizard,
                "views": [[False, "form"]],
                "target": "new",
            }
        )
        page.wait_for(".modal .o_form_view")
        time.sleep(2)
    page.click_text(".o_notebook .nav-link", "Rows")
    time.sleep(1)
    page.shot("import_dry_run.png")
    page.click_text(".o_notebook .nav-link", "Columns")
    time.sleep(1)
    page.shot("import_columns.png")

    page.goto(f"{URL}/odoo/action-it_asset.it_asset_action_refresh_plan", wait=4)
    page.shot("refresh_plan.png")

    page.goto(f"{URL}/odoo/it-assets", wait=3)
    page.evaluate("document.querySelector('.o_searchview_dropdown_toggler').click()")
    time.sleep(1)
    if page.click_text(
        ".o_group_by_menu .o-dropdown-item, .o_group_by_menu span", "Kit"
    ):
        time.sleep(1)
        page.evaluate(
            "document.querySelector('.o_searchview_dropdown_toggler').click()"
        )
    time.sleep(3)
    # open the kit's group so its components show
    page.evaluate(
        "[...document.querySelectorAll('.o_group_header')]"
        ".find(e => e.textContent.includes('Laptop Latitude 5440'))?.click()"
    )
    time.sleep(2)
    page.shot("register_kit_group.png")
    page.close()


if __name__ == "__main__":
    main()
