"""Screenshots of the demo, as the people who use it, for the README and
static/description.

    make demo                      # in another terminal: the demo server
    .venv/bin/python scripts/screenshots.py [http://localhost:8069]

Creates (once) an IT user and an employee without IT group in the demo
database over XML-RPC, checks a laptop out to the employee, then drives
headless Chromium (DevTools protocol) logged in as each of them and saves
PNGs in static/description/. Nothing here runs in the tests.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
import xmlrpc.client

import websocket

URL = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8069"
DB = os.environ.get("DEMO_DB", "it_asset_demo")
OUT = os.path.join(os.path.dirname(__file__), "..", "static", "description")
USERS = {
    "it": ("shot_it", "IT Assets Shot", ["it_asset.group_it_asset_user"]),
    "employee": ("shot_employee", "Eve Employee", []),
}


def rpc():
    common = xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/common")
    uid = common.authenticate(DB, "admin", "admin", {})
    models = xmlrpc.client.ServerProxy(f"{URL}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kwargs):
        return models.execute_kw(DB, uid, "admin", model, method, list(args), kwargs)

    return call


def prepare(call):
    """The screenshot users, and a laptop waiting for the employee's
    acceptance."""
    ids = {}
    for key, (login, name, groups) in USERS.items():
        found = call("res.users", "search", [("login", "=", login)])
        if found:
            ids[key] = found[0]
            continue
        group_ids = [
            call("ir.model.data", "check_object_reference", *xmlid.split("."))[1]
            for xmlid in ["base.group_user", *groups]
        ]
        ids[key] = call(
            "res.users",
            "create",
            {
                "name": name,
                "login": login,
                "password": login,
                "groups_id": [(6, 0, group_ids)],
            },
        )
    employee = call("hr.employee", "search", [("user_id", "=", ids["employee"])])
    if not employee:
        employee = [
            call(
                "hr.employee",
                "create",
                {"name": USERS["employee"][1], "user_id": ids["employee"]},
            )
        ]
    held = call("it.asset.custody", "search", [("employee_id", "=", employee[0])])
    if not held:
        in_stock = [
            ("state", "=", "in_stock"),
            ("kind", "=", "hardware"),
            ("parent_id", "=", False),
        ]
        laptops = call(
            "it.asset",
            "search",
            [*in_stock, ("category_id.name", "in", ("Laptops", "Monitors"))],
            limit=2,
        ) or call("it.asset", "search", in_stock, limit=2)
        wizard = call(
            "it.asset.checkout",
            "create",
            {
                "asset_ids": [(6, 0, laptops)],
                "holder_type": "employee",
                "employee_id": employee[0],
            },
        )
        call("it.asset.checkout", "action_confirm", [wizard])
    return ids


class Browser:
    def __init__(self, width, height, mobile=False):
        self.profile = tempfile.mkdtemp()
        self.port = 9333
        self.proc = subprocess.Popen(
            [
                "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _i in range(50):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/json"
                ) as response:
                    pages = [p for p in json.load(response) if p["type"] == "page"]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"])
        self.counter = 0
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        if mobile:
            self.send("Emulation.setTouchEmulationEnabled", enabled=True)

    def send(self, method, **params):
        self.counter += 1
        self.ws.send(
            json.dumps({"id": self.counter, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.counter:
                return message.get("result", {})

    def login(self, login):
        self.goto(f"{URL}/web/login", wait=1, ready="form.oe_login_form")
        self.evaluate(
            f"document.querySelector('input[name=login]').value = '{login}';"
            f"document.querySelector('input[name=password]').value = '{login}';"
            "document.querySelector('form.oe_login_form').submit();"
        )
        time.sleep(4)

    def goto(self, url, wait=5, ready=".o_action_manager .o_view_controller"):
        """Open ``url`` and wait until ``ready`` shows (the first load builds
        the asset bundles), then ``wait`` seconds for charts and images."""
        self.send("Page.navigate", url=url)
        for _i in range(120):
            found = self.evaluate(f"!!document.querySelector({json.dumps(ready)})")
            if found.get("result", {}).get("value"):
                break
            time.sleep(0.5)
        else:
            raise RuntimeError(f"{url}: {ready} did not show")
        time.sleep(wait)

    def evaluate(self, expression):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)

    def shot(self, name):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path = os.path.join(OUT, name)
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))
        print("wrote", os.path.normpath(path))

    def close(self):
        self.ws.close()
        self.proc.terminate()


def main():
    call = rpc()
    prepare(call)
    asset = call("it.asset", "search", [("custody_id", "!=", False)], limit=1)[0]
    desktop = Browser(1440, 900)
    desktop.login(USERS["it"][0])
    desktop.goto(f"{URL}/odoo/action-it_asset.it_asset_overview_action", wait=7)
    desktop.shot("overview.png")
    desktop.goto(f"{URL}/odoo/it-assets/{asset}", wait=6)
    desktop.shot("asset_form.png")
    desktop.goto(f"{URL}/odoo/it-asset-custodies", wait=6)
    desktop.shot("custodies.png")
    desktop.close()
    phone = Browser(390, 844, mobile=True)
    phone.login(USERS["employee"][0])
    phone.goto(f"{URL}/odoo/my-it-assets", wait=6)
    phone.shot("my_it_assets_phone.png")
    phone.close()


if __name__ == "__main__":
    main()
