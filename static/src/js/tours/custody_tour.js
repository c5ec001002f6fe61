/** @odoo-module **/
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("it_asset_custody_tour", {
    steps: () => [
        {
            content: "The laptop is in stock",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Stock')",
        },
        {
            content: "Check it out",
            trigger: ".o_form_view button[name=action_open_checkout]",
            run: "click",
        },
        {
            content: "Scan the charger's tag into Add by Scan",
            trigger: ".modal .o_field_widget[name=scan_asset_id] input",
            run: "edit TOUR-SCAN-2",
        },
        {
            trigger: ".ui-menu-item > a:contains('TOUR-SCAN-2')",
            run: "click",
        },
        {
            content: "It joins the list; the field is empty for the next scan",
            trigger: ".modal .o_field_widget[name=asset_ids] .o_data_row:contains('TOUR-SCAN-2')",
        },
        {
            trigger: ".modal .o_field_widget[name=scan_asset_id] input",
            run() {
                const input = document.querySelector(
                    ".modal .o_field_widget[name=scan_asset_id] input"
                );
                if (input.value) {
                    throw new Error(`Add by Scan still holds "${input.value}"`);
                }
            },
        },
        {
            content: "To an employee",
            trigger: ".modal .o_field_widget[name=employee_id] input",
            run: "edit Tour Holder",
        },
        {
            trigger: ".ui-menu-item > a:contains('Tour Holder')",
            run: "click",
        },
        {
            content: "Confirm the check-out",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The laptop is in use, held by the employee",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Use')",
        },
        {
            trigger: ".o_field_widget[name=holder_name]:contains('Tour Holder')",
        },
        {
            content: "Check it back in",
            trigger: ".o_form_view button[name=action_open_checkin]",
            run: "click",
        },
        {
            content: "Scan the charger into the check-in too",
            trigger: ".modal .o_field_widget[name=scan_asset_id] input",
            run: "edit TOUR-SCAN-2",
        },
        {
            trigger: ".ui-menu-item > a:contains('TOUR-SCAN-2')",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=asset_ids] .o_data_row:contains('TOUR-SCAN-2')",
        },
        {
            content: "Confirm the check-in",
            trigger: ".modal-footer button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The laptop is back in stock",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Stock')",
        },
        {
            trigger: ".o_form_view:not(:has(button[name=action_open_checkin]))",
        },
    ],
});
