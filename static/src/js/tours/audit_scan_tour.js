/** @odoo-module **/
import {registry} from "@web/core/registry";

/* An IT user, on a phone, scans three tags into an audit campaign (typed
   into the scan field and Enter, as a keyboard-wedge scanner does) and
   closes the campaign. */
const TAGS = ["TOUR-AUD-1", "TOUR-AUD-2", "TOUR-AUD-3"];
function scanStep(index) {
    return [
        {
            content: `Scan tag ${index + 1}`,
            trigger: ".o_it_asset_scan_input",
            run() {
                const input = document.querySelector(".o_it_asset_scan_input");
                input.value = TAGS[index];
                input.dispatchEvent(new Event("input", {bubbles: true}));
                input.dispatchEvent(
                    new KeyboardEvent("keydown", {key: "Enter", bubbles: true})
                );
            },
        },
        {
            content: `Tag ${index + 1} found`,
            trigger: `.o_it_asset_scan_found:contains(${index + 1})`,
        },
    ];
}

registry.category("web_tour.tours").add("it_asset_audit_scan_phone_tour", {
    steps: () => [
        {
            content: "Choose the campaign",
            trigger: "select.o_it_asset_scan_campaign",
            run: "selectByLabel Tour Audit",
        },
        {
            trigger: ".o_it_asset_scan_expected:contains(3)",
        },
        {
            content: "Where you are: the campaign's only location, chosen for you",
            trigger: "select.o_it_asset_scan_location",
            run() {
                const select = document.querySelector("select.o_it_asset_scan_location");
                const chosen = select.options[select.selectedIndex].text;
                if (chosen !== "Tour Audit Room" || select.options.length !== 3) {
                    throw new Error(
                        `Where you are: "${chosen}" of ${select.options.length - 1} locations`
                    );
                }
            },
        },
        ...scanStep(0),
        ...scanStep(1),
        ...scanStep(2),
        {
            content: "The asset card shows on a phone without scrolling sideways",
            trigger: ".o_it_asset_scan_card .o_it_asset_scan_tag",
            run() {
                const page = document.documentElement;
                if (page.scrollWidth > window.innerWidth + 1) {
                    throw new Error(
                        `The page is ${page.scrollWidth}px wide on a ${window.innerWidth}px screen`
                    );
                }
            },
        },
        {
            content: "Close the campaign",
            trigger: ".o_it_asset_scan_close",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Closed: no campaign chosen any more",
            trigger: ".o_notification:contains(closed)",
        },
    ],
});
